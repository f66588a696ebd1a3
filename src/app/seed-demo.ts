import type { Seed } from "../core/config/index.js";
import type { Engine } from "./engine.js";

/** Loads the demo agents, customers and canned responses into an empty store; does nothing when agents exist. */
export async function seedDemo(engine: Engine, seed: Seed, hashPassword: (plain: string) => Promise<string>): Promise<boolean> {
  const { agents, store } = engine.deps;
  if ((await agents.listAgents()).length > 0) return false;
  for (const a of seed.agents) {
    const { password, presence, ...profile } = a;
    await agents.upsertAgent(profile, await hashPassword(password));
    if (presence !== undefined) await agents.setPresence(profile.id, presence);
  }
  for (const c of seed.customers) await store.upsertCustomer(c);
  for (const c of seed.canned ?? []) {
    const { id, shortcut, title, text } = c;
    await engine.deps.desk.saveCanned({ id, shortcut, title, text, team: c.team ?? null, ownerId: c.owner ?? null, updatedAt: engine.now() });
  }
  engine.invalidateProfiles();
  return true;
}
