import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { deserializeModel, type LinearModel } from "./linear-model.js";

/** Where `npm run train:nlu` writes the shipped models (models/nlu at the repository root). */
export const MODEL_DIR = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "..", "models", "nlu");
export const INTENT_MODEL_FILE = "intent.bin";
export const FRUSTRATION_MODEL_FILE = "frustration.bin";
export const QUESTION_MODEL_FILE = "question.bin";

/** Loads one shipped model; null when the file is missing or damaged (the caller falls back). */
export async function loadModelFile(name: string, dir = MODEL_DIR): Promise<LinearModel | null> {
  try {
    return deserializeModel(new Uint8Array(await readFile(join(dir, name))));
  } catch {
    return null;
  }
}
