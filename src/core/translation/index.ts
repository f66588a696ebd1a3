export * from "./iso639.js";
export * from "./pairs.js";
