export { bucketFor } from "./bucket-for.js";
export { decideExpectation, type Expectation, type ExpectationInput } from "./decide-expectation.js";
export { estimateWait, meanHandleSeconds, type WaitEstimate, type WaitInput } from "./estimate-wait.js";
export { DEFAULT_WAIT_CONFIG, type WaitConfig } from "./wait-config.js";
