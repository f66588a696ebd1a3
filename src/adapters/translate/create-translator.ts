import type { TranslationConfig } from "../../core/config/index.js";
import type { Translator } from "../../ports/translator.js";
import { createApertiumTranslator } from "./apertium.translator.js";
import { createLibreTranslateTranslator } from "./libretranslate.translator.js";

/** The configured translator, or null for provider "none" (the default). */
export function createTranslator(config: TranslationConfig): Translator | null {
  if (config.provider === "none" || config.url === null) return null;
  if (config.provider === "apertium") return createApertiumTranslator({ url: config.url, timeoutMs: config.timeoutMs });
  return createLibreTranslateTranslator({ url: config.url, timeoutMs: config.timeoutMs, apiKey: config.apiKey });
}
