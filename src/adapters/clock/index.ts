export { FakeClock } from "./fake-clock.js";
export { systemClock } from "./system-clock.js";
