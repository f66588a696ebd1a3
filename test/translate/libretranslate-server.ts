import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A server with LibreTranslate's JSON API (`GET /languages`, `POST /translate`), started by
 * the translator contract test. It translates word by word from a small phrasebook, and
 * offers en↔es and es↔fr only (so en↔fr goes through Spanish, as on Apertium).
 */
const WORDS: Record<string, Record<string, string>> = {
  "es>en": { hola: "hello", necesito: "I need", ayuda: "help", con: "with", mi: "my", factura: "invoice", gracias: "thank you", saludo: "greeting", tengo: "I have", necesidad: "need", de: "of" },
  "en>es": { i: "", need: "necesito", help: "ayuda", hello: "hola", "thank you": "gracias", my: "mi", invoice: "factura" },
  "fr>es": { bonjour: "saludo", "j'ai": "tengo", besoin: "necesidad", "d'aide": "de ayuda" },
  "es>fr": { hola: "bonjour", ayuda: "aide", necesito: "j'ai besoin de" },
};
const TARGETS: Record<string, string[]> = { en: ["es"], es: ["en", "fr"], fr: ["es"] };

function translate(text: string, source: string, target: string): string {
  const dict = WORDS[`${source}>${target}`] ?? {};
  return text
    .split(/\s+/)
    .map((w) => {
      const bare = w.toLowerCase().replace(/[,.!?]/g, "");
      const t = dict[bare];
      return t === undefined ? w : `${t}${w.endsWith(",") ? "," : ""}`;
    })
    .filter((w) => w !== "")
    .join(" ");
}

export interface LibreTranslateServer {
  readonly url: string;
  /** Requests seen, e.g. "POST /translate es>en". */
  readonly seen: string[];
  close(): Promise<void>;
}

export async function startLibreTranslateServer(): Promise<LibreTranslateServer> {
  const seen: string[] = [];
  const server: Server = createServer((req, res) => {
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    if (req.method === "GET" && req.url === "/languages") {
      seen.push("GET /languages");
      return send(200, Object.entries(TARGETS).map(([code, targets]) => ({ code, name: code, targets })));
    }
    if (req.method === "POST" && req.url === "/translate") {
      let raw = "";
      req.on("data", (c: Buffer) => {
        raw += c.toString("utf8");
      });
      req.on("end", () => {
        let body: { q?: unknown; source?: unknown; target?: unknown };
        try {
          body = JSON.parse(raw) as typeof body;
        } catch {
          return send(400, { error: "Invalid request: body is not JSON" });
        }
        const { q, source, target } = body;
        if (typeof q !== "string" || typeof source !== "string" || typeof target !== "string") return send(400, { error: "Invalid request: missing q, source or target" });
        seen.push(`POST /translate ${source}>${target}`);
        if (!(TARGETS[source] ?? []).includes(target)) return send(400, { error: `${source} is not supported to ${target}` });
        send(200, { translatedText: translate(q, source, target) });
      });
      return;
    }
    send(404, { error: "Not Found" });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
