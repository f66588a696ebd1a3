import type { AgentProfile, Lang, MessageTranslation } from "../core/model.js";
import { type TranslationPair, type TranslationRoute, type TranslationSupport, translationRoute } from "../core/translation/pairs.js";
import type { Translator } from "../ports/translator.js";

const NONE: TranslationSupport = Object.freeze({ healthy: false, pairs: Object.freeze([]) as readonly TranslationPair[] });

/**
 * The translator as the app holds it: its pairs and health as last checked (what routing counts
 * on), the chats served through translation now (which agent, which languages), and bounded
 * translations that never throw: past `timeoutMs`, or with the translator down, a message goes
 * on untranslated with the reason, and the agent reads the original.
 */
export class TranslationDesk {
  private support: TranslationSupport = NONE;
  /** The pairs last listed, kept while the translator is down: the agent still writes in their own language. */
  private known: readonly TranslationPair[] = [];
  /** conversationId → the agent holding it through translation, and how. */
  private readonly chats = new Map<string, { readonly agentId: string; readonly route: TranslationRoute }>();
  private checking: Promise<TranslationSupport | null> | null = null;

  constructor(
    readonly translator: Translator | null,
    readonly timeoutMs: number,
  ) {}

  /** What routing is told (`set_translation`): unhealthy with no pairs when no translator is configured. */
  get current(): TranslationSupport {
    return this.support;
  }

  /**
   * Asks the translator for its health and pairs. Returns the new support when it changed (the
   * caller tells the router), else null. Concurrent calls share one check.
   */
  check(): Promise<TranslationSupport | null> {
    this.checking ??= this.doCheck().finally(() => {
      this.checking = null;
    });
    return this.checking;
  }

  private async doCheck(): Promise<TranslationSupport | null> {
    const t = this.translator;
    if (t === null) return null;
    const health = await t.health();
    let next: TranslationSupport = { healthy: false, pairs: [] };
    if (health.healthy) {
      const pairs = await t.pairs().catch(() => null);
      if (pairs !== null) {
        this.known = pairs;
        next = { healthy: true, pairs };
      }
    }
    if (JSON.stringify(next) === JSON.stringify(this.support)) return null;
    this.support = next;
    return next;
  }

  /**
   * How this agent serves a chat in `language` through translation: null when they speak it,
   * have no translation, or the translator never listed a way both ways. Read on the pairs last
   * seen, even while the translator is down (the chat stays theirs; they read originals).
   */
  routeFor(agent: AgentProfile, language: Lang): TranslationRoute | null {
    if (this.translator === null || agent.languages.includes(language) || !agent.translationEnabled) return null;
    return translationRoute({ healthy: true, pairs: this.known }, agent.languages, language);
  }

  /** Remembers (or forgets, with null) that this chat is served through translation. */
  setChat(conversationId: string, held: { readonly agentId: string; readonly route: TranslationRoute } | null): void {
    if (held === null) this.chats.delete(conversationId);
    else this.chats.set(conversationId, held);
  }

  /** The translated chat's route when `agentId` holds it through translation, else null. */
  chatRoute(conversationId: string, agentId: string | null): TranslationRoute | null {
    const held = this.chats.get(conversationId);
    return held === undefined || held.agentId !== agentId ? null : held.route;
  }

  /** The chats served through translation now, and who holds each. */
  heldChats(): { readonly conversationId: string; readonly agentId: string }[] {
    return [...this.chats].map(([conversationId, held]) => ({ conversationId, agentId: held.agentId }));
  }

  /** How many chats are served through translation now. */
  get translatedChats(): number {
    return this.chats.size;
  }

  /** Translates within `timeoutMs`; never throws: a failure comes back with `text: null` and the reason. */
  async translate(text: string, from: Lang, to: Lang): Promise<MessageTranslation> {
    const failed = (error: string): MessageTranslation => ({ text: null, from, to, via: null, edited: false, error });
    const t = this.translator;
    if (t === null) return failed("no translator is configured");
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<MessageTranslation>((resolve) => {
      timer = setTimeout(() => resolve(failed(`the translator did not answer within ${this.timeoutMs} ms`)), this.timeoutMs);
    });
    const done = t.translate(text, from, to).then(
      (r): MessageTranslation => ({ text: r.text, from, to, via: r.via, edited: false, error: null }),
      (e: unknown) => failed(e instanceof Error ? e.message : String(e)),
    );
    try {
      return await Promise.race([done, late]);
    } finally {
      clearTimeout(timer);
    }
  }
}
