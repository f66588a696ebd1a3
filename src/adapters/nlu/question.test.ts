import { describe, expect, it } from "vitest";
import { loadModelFile, QUESTION_MODEL_FILE } from "./linear/model-files.js";
import { createQuestionReader } from "./question.js";

describe("question reader (shipped models/nlu/question.bin)", async () => {
  const model = await loadModelFile(QUESTION_MODEL_FILE);
  const reader = createQuestionReader(model!);

  it("reads finer questions than the intent: opening and deleting an account differ", () => {
    expect(model).not.toBeNull();
    expect(reader.read("how do I close my account?")?.id).toBe("delete_account");
    expect(reader.read("remove my user")?.id).toBe("delete_account");
    expect(reader.read("I want to open a new account")?.id).toBe("create_account");
  });
  it("has calibrated confidences and nothing for off-topic or empty text", () => {
    const r = reader.read("how do I close my account?");
    expect(r?.confidence).toBeGreaterThan(0.65);
    expect(r?.confidence).toBeLessThanOrEqual(1);
    expect(reader.read("what is the meaning of life?")?.confidence ?? 0).toBeLessThan(0.65);
    expect(reader.read("")).toBeNull();
    expect(reader.read("!!! ???")).toBeNull();
  });
});
