import { DomainError } from "../core/errors.js";
import type { MessageTranslation } from "../core/model.js";
import type { TranslationRoute } from "../core/translation/pairs.js";
import { pairWords } from "../core/translation/pairs.js";
import type { Engine } from "./engine.js";
import { loadContext } from "./load-context.js";
import { defaultAuthorName, presentMessage, translateStored } from "./post-message.js";

/** What the console shows about a chat served through translation. */
export interface TranslationView {
  readonly visitorLanguage: string;
  readonly agentLanguage: string;
  /** "spa→eng", and back "eng→spa"; a pivot shows its third language ("fra→spa→eng"). */
  readonly inbound: string;
  readonly outbound: string;
  readonly pivot: boolean;
  readonly healthy: boolean;
}

export function translationView(engine: Engine, route: TranslationRoute): TranslationView {
  return {
    visitorLanguage: route.visitor,
    agentLanguage: route.agent,
    inbound: pairWords(route.inbound),
    outbound: pairWords(route.outbound),
    pivot: route.inbound.via !== null || route.outbound.via !== null,
    healthy: engine.translation.current.healthy,
  };
}

/**
 * A chat just assigned to an agent who serves it through translation: every earlier message in
 * the visitor's language (theirs, the bot's, Baton's) is translated for the agent and stored
 * beside its original; each reaches the console as `message:translated`. Runs in the
 * conversation's lane, not awaited: routing never waits on the translator.
 */
export function translateTranscript(engine: Engine, conversationId: string, agentId: string, route: TranslationRoute): void {
  engine
    .inConversation(conversationId, async () => {
      const messages = await engine.deps.store.listMessages(conversationId);
      const pending = messages.filter((m) => m.author !== "agent" && (m.translation == null || m.translation.text === null));
      const done = await Promise.all(pending.map((m) => translateStored(engine, m, route.visitor, route.agent)));
      for (const m of done) {
        engine.deps.publisher.publish({ kind: "agent", agentId }, "message:translated", presentMessage(m, defaultAuthorName(m.author)));
      }
      // The handoff summary quotes the visitor's own words: the agent gets it in their language too.
      const summary = (await loadContext(engine, conversationId)).summary;
      const translated = await engine.translation.translate(summary, route.visitor, route.agent);
      engine.deps.publisher.publish({ kind: "agent", agentId }, "translation:summary", { conversationId, summary: translated });
    })
    .catch((err: unknown) => engine.deps.log.error({ err, conversationId }, "translating the transcript failed"));
}

/**
 * The translation of an agent's draft, before sending: only for the agent holding the chat;
 * `translation: null` when the chat is not served through translation.
 */
export async function previewTranslation(
  engine: Engine,
  agentId: string,
  conversationId: string,
  text: string,
): Promise<{ translation: MessageTranslation | null }> {
  const c = await engine.conversation(conversationId);
  if (c.state !== "assigned" || c.assignedAgentId !== agentId) throw new DomainError("not_assigned_to_you", "this conversation is not assigned to you");
  const route = engine.translation.chatRoute(conversationId, agentId);
  if (route === null) return { translation: null };
  const translation = await engine.translation.translate(text, route.agent, route.visitor);
  if (translation.error !== null) engine.translationTrouble();
  return { translation };
}
