/**
 * One visitor socket flooding (5,000 frames a second), in its own process (so the flood's client side does not slow
 * the process that measures): typing, messages, inbox items, transcript reads,
 * "resolved by the bot" and unknown events in a loop, and whenever the
 * server cuts it off or refuses its connection, reconnecting at once with the same session (no backoff: the
 * refused-connection path is flooded too). Usage: node --import tsx test/fault/flooder.ts <url> <token>.
 * Prints one JSON line at exit (SIGTERM): frames sent, connection attempts, refusals seen.
 */
import { io, type Socket } from "socket.io-client";

const [url, token] = process.argv.slice(2);
let frames = 0;
let reconnects = 0;
let refusedAcks = 0;
let notices = 0;
let disconnectedNotices = 0;
let firstRefusal: unknown = null;
let firstNotice: unknown = null;
let stop = false;

function connect(): Promise<Socket> {
  const socket = io(`${url}/visitor`, { auth: { token }, transports: ["websocket"], reconnection: false });
  socket.on("rate_limited", (p: { disconnected?: boolean }) => {
    notices++;
    firstNotice ??= p;
    if (p.disconnected === true) disconnectedNotices++;
  });
  return new Promise((resolve) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", () => resolve(socket));
  });
}

process.once("SIGTERM", () => {
  stop = true;
});

let socket = await connect();
let k = 0;
while (!stop) {
  if (!socket.connected) {
    socket.close();
    socket = await connect();
    reconnects++;
    continue;
  }
  socket.emit("message:send", { clientMessageId: `flood-ack-${k}`, text: "flood" }, (a: { ok: boolean; error?: unknown }) => {
    if (a.ok) return;
    refusedAcks++;
    firstRefusal ??= a.error;
  });
  for (let i = 0; i < 100; i++, k++) {
    frames++;
    const kind = k % 6;
    if (kind === 0) socket.emit("typing", { typing: k % 2 === 0 });
    else if (kind === 1) socket.emit("message:send", { clientMessageId: `flood-${k}`, text: `flood ${k}` });
    else if (kind === 2) socket.emit("async:leave", { email: `x${k}@example.com`, text: "spam" });
    else if (kind === 3) socket.emit("history", {});
    else if (kind === 4) socket.emit("bot:resolved", {});
    else socket.emit("no-such-frame", { k });
  }
  // 100 frames every 20 ms: 5,000 a second, 250 times the per-socket limit, without this process
  // taking a whole core from the server it floods (the machine has two).
  await new Promise((r) => setTimeout(r, 20));
}
socket.close();
process.stdout.write(`${JSON.stringify({ frames, reconnects, refusedAcks, notices, disconnectedNotices, firstRefusal, firstNotice })}\n`);
process.exit(0);
