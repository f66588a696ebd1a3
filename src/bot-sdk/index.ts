/**
 * What a bot author needs to talk to Baton: the signature check for deliveries, and the payload
 * and answer types (see docs/connect-your-bot.md).
 */
export { DEFAULT_TOLERANCE_SECONDS, SIGNATURE_HEADER, signBatonRequest, type VerifyResult, verifyBatonSignature } from "./verify.js";
export type { BotAnswer, BotDelivery } from "./payload.js";
