import { afterAll, beforeAll } from "vitest";
import { createLibreTranslateTranslator } from "../../src/adapters/translate/index.js";
import { type LibreTranslateServer, startLibreTranslateServer } from "../translate/libretranslate-server.js";
import { translatorContract } from "./translator.contract.js";

let server: LibreTranslateServer;
beforeAll(async () => {
  server = await startLibreTranslateServer();
});
afterAll(async () => {
  await server.close();
});

translatorContract({
  name: "libretranslate",
  url: () => server.url,
  make: (url, timeoutMs) => createLibreTranslateTranslator({ url, timeoutMs }),
});
