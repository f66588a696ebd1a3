import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { SIGNATURE_HEADER, verifyBatonSignature } from "../../src/bot-sdk/index.js";

/** One request a test bot received: path, parsed body, raw body and signature header, and whether the signature held. */
export interface Received {
  readonly path: string;
  readonly body: Record<string, unknown>;
  readonly raw: string;
  readonly signature: string | undefined;
  readonly verified: boolean;
}

/** A real HTTP bot on a free port: it checks Baton's signature (refusing 401 when it does not hold) and answers with `answer`. */
export interface TestBot {
  readonly url: string;
  readonly received: Received[];
  /** The bot's behaviour; replace it between tests. `null`: never answer (the request hangs). */
  answer: (req: Received) => { status?: number; body?: unknown } | null;
  /** Resolves with the first (or next) request matching. */
  next(match?: (r: Received) => boolean, ms?: number): Promise<Received>;
  /** Answers every request left hanging (answer `null`) with 204. */
  release(): void;
  close(): Promise<void>;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/**
 * Starts a bot server: a webhook bot, or a Rasa-REST-shaped one (`POST /webhooks/rest/webhook`
 * and `POST /model/parse`); both verify with the bot SDK's `verifyBatonSignature`.
 */
export async function startTestBot(secret: string): Promise<TestBot> {
  const received: Received[] = [];
  const waiters: (() => void)[] = [];
  const hanging = new Set<ServerResponse>();
  const bot: TestBot = {
    url: "",
    received,
    answer: () => ({ status: 204 }),
    next(match = () => true, ms = 10_000) {
      const start = received.length;
      return new Promise<Received>((resolve, reject) => {
        const check = () => {
          const hit = received.slice(start).find(match);
          if (hit === undefined) return false;
          resolve(hit);
          return true;
        };
        const timer = setTimeout(() => reject(new Error(`no matching request to the bot; got ${received.map((r) => r.path).join(", ")}`)), ms);
        const w = () => {
          if (check()) {
            clearTimeout(timer);
            waiters.splice(waiters.indexOf(w), 1);
          }
        };
        waiters.push(w);
      });
    },
    release: () => {
      for (const res of hanging) res.writeHead(204).end();
      hanging.clear();
    },
    close: async () => {
      for (const res of hanging) res.destroy();
      await new Promise<void>((done) => server.close(() => done()));
    },
  };
  const server: Server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const signature = req.headers[SIGNATURE_HEADER] as string | undefined;
    const verified = verifyBatonSignature({ secret, body: raw, header: signature }).ok;
    let body: Record<string, unknown> = {};
    try {
      body = JSON.parse(raw) as Record<string, unknown>;
    } catch {
      // a tampered or broken body: refused below
    }
    const r: Received = { path: req.url ?? "/", body, raw, signature, verified };
    received.push(r);
    for (const w of [...waiters]) w();
    if (!verified) {
      res.writeHead(401, { "content-type": "text/plain" }).end("bad signature");
      return;
    }
    const out = bot.answer(r);
    if (out === null) {
      hanging.add(res);
      res.once("close", () => hanging.delete(res));
      return;
    }
    const status = out.status ?? 200;
    if (out.body === undefined) res.writeHead(status).end();
    else res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(out.body));
  });
  server.keepAliveTimeout = 1000;
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", () => done()));
  return Object.assign(bot, { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
}

/**
 * The shipped config/baton.yaml with its `bots:` section replaced by `bots` (YAML text starting
 * with "bots:").
 */
export function shippedConfigWithBots(bots: string): string {
  const text = readFileSync("config/baton.yaml", "utf8");
  const start = text.search(/^bots:/m);
  if (start < 0) throw new Error("config/baton.yaml has no bots: section");
  const after = text.slice(start + 5);
  const next = after.search(/^[^\s#]/m);
  return `${text.slice(0, start)}${bots.trimEnd()}\n${next < 0 ? "" : after.slice(next)}`;
}
