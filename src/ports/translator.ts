import type { Lang } from "../core/model.js";
import type { TranslationPair } from "../core/translation/pairs.js";

/** One text translated, and the route it took. Languages are ISO 639-1 ("es", "en"). */
export interface Translation {
  readonly text: string;
  readonly from: Lang;
  readonly to: Lang;
  /** The pivot language when no direct pair exists (from → via → to), else null. */
  readonly via: Lang | null;
}

export interface TranslatorHealth {
  readonly healthy: boolean;
  /** Why not, when unhealthy. */
  readonly message?: string;
}

/** Why a translation failed; `translate` rejects with a `TranslatorError`. */
export type TranslatorErrorKind = "timeout" | "unavailable" | "unsupported_pair" | "bad_answer";

export class TranslatorError extends Error {
  constructor(
    readonly kind: TranslatorErrorKind,
    message: string,
  ) {
    super(message);
    this.name = "TranslatorError";
  }
}

/**
 * Machine translation between visitor and agent: Apertium APY or a LibreTranslate-compatible
 * HTTP API (src/adapters/translate). Every call is bounded by the adapter's timeout.
 */
export interface Translator {
  /** "apertium" or "libretranslate", for logs and the console. */
  readonly name: string;
  /** Rejects with a TranslatorError (timeout, down, unsupported pair, malformed answer). */
  translate(text: string, from: Lang, to: Lang): Promise<Translation>;
  /** Every direction supported, direct pairs and pivots through a third language. */
  pairs(): Promise<readonly TranslationPair[]>;
  /** Answers within the timeout: reachable and listing its pairs. Never rejects. */
  health(): Promise<TranslatorHealth>;
}
