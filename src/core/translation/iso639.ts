import type { Lang } from "../model.js";

/**
 * ISO 639-1 (two letters, what Baton stores: "es") to ISO 639-3 (three letters, what Apertium
 * names its pairs with: "spa"), for the languages Apertium's Debian packages and LibreTranslate
 * cover. Baton speaks 639-1 everywhere; the Apertium adapter converts at its edge.
 */
const ALPHA3: Readonly<Record<string, string>> = {
  af: "afr", an: "arg", ar: "ara", be: "bel", bg: "bul", br: "bre", ca: "cat", cs: "ces", cy: "cym",
  da: "dan", de: "deu", el: "ell", en: "eng", eo: "epo", es: "spa", et: "est", eu: "eus", fa: "fas",
  fi: "fin", fr: "fra", ga: "gle", gl: "glg", he: "heb", hi: "hin", hr: "hrv", hu: "hun", id: "ind",
  is: "isl", it: "ita", ja: "jpn", kk: "kaz", ko: "kor", mk: "mkd", ms: "msa", mt: "mlt", nb: "nob",
  nl: "nld", nn: "nno", no: "nor", oc: "oci", pl: "pol", pt: "por", ro: "ron", ru: "rus", sc: "srd",
  sk: "slk", sl: "slv", sq: "sqi", sr: "srp", sv: "swe", tr: "tur", tt: "tat", uk: "ukr", ur: "urd",
  zh: "zho",
};

const ALPHA2: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(ALPHA3).map(([two, three]) => [three, two]));

/** "es" → "spa"; a code it does not know is returned as it is. */
export function toAlpha3(lang: Lang): string {
  return Object.hasOwn(ALPHA3, lang) ? (ALPHA3[lang] as string) : lang;
}

/**
 * "spa" → "es", "es" → "es"; null for a code Baton cannot route on: a regional variant
 * ("eng_US", "por_BR"), a script variant, or an unknown three-letter code.
 */
export function toAlpha2(code: string): Lang | null {
  if (/^[a-z]{2}$/.test(code)) return code;
  return Object.hasOwn(ALPHA2, code) ? (ALPHA2[code] as string) : null;
}
