export { type Constraints, constraintsFor, signatureOf } from "./constraints.js";
export { failingLayer, LAYERS, type Layer, mayServe, proficiencyFor } from "./eligibility.js";
export { compareCandidates, compareRequests } from "./order.js";
export { createReferenceRouter, createRouter, DEFAULT_ROUTER_OPTIONS, Router, route } from "./router.js";
export type * from "./types.js";
