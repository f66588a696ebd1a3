import type { Lang, NluResult } from "../core/model.js";

export interface NluContext {
  /** Language the conversation has been in so far, to steady guesses on very short messages. */
  readonly previousLanguage?: Lang;
}

/** Reads one visitor message. Never throws for any string input (empty, huge, binary). */
export interface Nlu {
  analyze(text: string, context?: NluContext): Promise<NluResult>;
}
