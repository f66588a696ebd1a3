/** The only way the app learns the time; tests use a fake. */
export interface Clock {
  now(): number;
}
