import { describe, it } from "vitest";
import { createApertiumTranslator } from "../../src/adapters/translate/index.js";
import { APY_URL, apyProblem, IN_CI } from "../translate/apy.js";
import { translatorContract } from "./translator.contract.js";

const problem = await apyProblem();

if (problem === null) {
  translatorContract({ name: "apertium", url: () => APY_URL, make: (url, timeoutMs) => createApertiumTranslator({ url, timeoutMs }) });
} else if (IN_CI) {
  describe("translator contract (apertium)", () => {
    it("needs Apertium APY (CI installs and starts it)", () => {
      throw new Error(problem);
    });
  });
} else {
  describe.skip(`translator contract (apertium): ${problem}`, () => {
    it("skipped", () => {});
  });
}
