import type { Engine } from "./engine.js";
import { presentTranscript } from "./post-message.js";
import { renderTranscriptMail } from "./transcript-mail.js";

/**
 * The visitor asked for their conversation by e-mail: the messages so far go to `email` through
 * the mailer port (the gateway rate-limits the frame per address and per conversation).
 */
export async function emailTranscript(engine: Engine, conversationId: string, email: string): Promise<{ sentTo: string; messages: number }> {
  const { store, mailer } = engine.deps;
  const c = await engine.conversation(conversationId);
  const messages = await presentTranscript(engine, await store.listMessages(conversationId));
  const mail = renderTranscriptMail({ messages, siteName: "Baton", timeZone: c.visitorTimeZone ?? null });
  await mailer.send({ to: email, ...mail });
  return { sentTo: email, messages: messages.length };
}
