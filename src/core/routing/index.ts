export { type Constraints, constraintsFor, signatureOf, stepsDueBy } from "./constraints.js";
export { decodeLevel, failingLayer, LAYERS, type Layer, levelFor, mayServe } from "./eligibility.js";
export { compareCandidates, compareRequests } from "./order.js";
export { createReferenceRouter, createRouter, DEFAULT_ROUTER_OPTIONS, Router, route } from "./router.js";
export type * from "./types.js";
