import { resolveConversation, setAgentPresence } from "../../src/app/index.js";
import type { Baton } from "../../src/server/baton.js";

/**
 * Between tests on one started server: every open chat resolved and every agent offline, so each
 * test starts from an empty queue and nobody at their desk.
 * @example
 * afterEach(() => emptyQueueAndDesks(baton));
 */
export async function emptyQueueAndDesks(baton: Baton): Promise<void> {
  await baton.engine.command(async () => {
    for (const c of await baton.store.conversations.listConversations({ states: ["queued", "offered", "assigned"] })) {
      await resolveConversation(baton.engine, null, c.id);
    }
    for (const a of await baton.store.agents.listAgents()) {
      if (baton.engine.router.agent(a.profile.id)?.presence !== "offline") await setAgentPresence(baton.engine, a.profile.id, "offline");
    }
  });
}
