import { applyRouterEffects } from "./apply-router-effects.js";
import type { Engine } from "./engine.js";
import { retryFailedTranslations } from "./retry-translations.js";

/**
 * Asks the translator for its health and pairs; when that changed, routing hears of it
 * (`set_translation`: translation agents count again, or stop counting) and agents' consoles
 * are told (`translation:status`); back to healthy, the messages it failed in chats served through
 * translation are translated again (not awaited: outside the lanes). Returns whether it changed.
 */
export async function refreshTranslation(engine: Engine): Promise<boolean> {
  const next = await engine.translation.check();
  if (next === null) return false;
  await engine.command(async () => {
    await applyRouterEffects(engine, engine.router.apply({ kind: "set_translation", support: next }, engine.now()));
  });
  const status = { healthy: next.healthy, provider: engine.translation.translator?.name ?? null, pairs: next.pairs.length };
  engine.deps.log.info(status, next.healthy ? "translator healthy" : "translator unavailable: translation agents are not counted");
  for (const a of engine.router.roster()) {
    if (a.presence !== "offline" && a.translationEnabled) engine.deps.publisher.publish({ kind: "agent", agentId: a.id }, "translation:status", status);
  }
  if (next.healthy) void retryFailedTranslations(engine);
  return true;
}
