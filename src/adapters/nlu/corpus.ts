import { readFile } from "node:fs/promises";
import { parse } from "yaml";
import { type BotCorpus, botCorpusSchema } from "./corpus.schema.js";

/** Thrown when the corpus file is missing or invalid; the message names the file and every problem. */
export class CorpusError extends Error {
  override readonly name = "CorpusError";
}

/**
 * Parses and validates corpus YAML text.
 * @example
 * const corpus = parseCorpus(await readFile("config/bot-corpus.yaml", "utf8"), "config/bot-corpus.yaml");
 */
export function parseCorpus(text: string, source = "<corpus>"): BotCorpus {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    throw new CorpusError(`${source}: not valid YAML: ${(error as Error).message}`);
  }
  const result = botCorpusSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${issue.path.join(".") || "(root)"}: ${issue.message}`);
    throw new CorpusError(`${source}: invalid bot corpus\n${problems.join("\n")}`);
  }
  return result.data;
}

/**
 * Reads and validates a corpus file; returns the corpus and the raw text (for cache keys).
 * @example
 * const { corpus } = await loadCorpus("config/bot-corpus.yaml");
 */
export async function loadCorpus(file: string): Promise<{ corpus: BotCorpus; text: string }> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    throw new CorpusError(`${file}: cannot read the bot corpus: ${(error as Error).message}`);
  }
  return { corpus: parseCorpus(text, file), text };
}
