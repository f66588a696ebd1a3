export { type ApertiumOptions, createApertiumTranslator } from "./apertium.translator.js";
export { createLibreTranslateTranslator, type LibreTranslateOptions } from "./libretranslate.translator.js";
export { createPivotTranslator, type DirectBackend } from "./pivot-translator.js";
export { createTranslator } from "./create-translator.js";
