import { DomainError } from "../core/errors.js";
import type { AgentProfile } from "../core/model.js";
import type { CannedResponse } from "../ports/index.js";
import type { Engine } from "./engine.js";

/** A canned response as an agent asks to save it: personal (no team) or a team's. */
export interface CannedInput {
  readonly team: string | null;
  readonly shortcut: string;
  readonly title: string;
  readonly text: string;
}

/** The canned responses an agent may use: their teams' (every team's for admins) and their own. */
export function cannedFor(engine: Engine, agent: AgentProfile): Promise<CannedResponse[]> {
  return engine.deps.desk.listCanned({ teams: agent.role === "admin" ? "all" : agent.teams, ownerId: agent.id });
}

/** Agents manage their own; a team's are managed by admins. */
function mayManage(agent: AgentProfile, c: Pick<CannedResponse, "team" | "ownerId">): boolean {
  return c.team === null ? c.ownerId === agent.id : agent.role === "admin";
}

async function check(engine: Engine, agent: AgentProfile, id: string | null, input: CannedInput): Promise<CannedResponse | null> {
  const old = id === null ? null : await engine.deps.desk.getCanned(id);
  if (id !== null && old === null) throw new DomainError("not_found", `no canned response ${id}`);
  if (old !== null && !mayManage(agent, old)) throw new DomainError("forbidden", "a team's canned responses are managed by admins");
  if (input.team !== null) {
    if (agent.role !== "admin") throw new DomainError("forbidden", "a team's canned responses are managed by admins; save it as your own (no team)");
    if (!engine.config.teams.some((t) => t.id === input.team)) throw new DomainError("invalid_input", `no team "${input.team}"`, { path: "team" });
  }
  // One shortcut per scope: a team's shortcut and an agent's own may coincide (both are listed).
  const scope = await engine.deps.desk.listCanned(input.team === null ? { teams: [], ownerId: agent.id } : { teams: [input.team], ownerId: null });
  if (scope.some((c) => c.shortcut === input.shortcut && c.id !== id && c.team === input.team)) {
    throw new DomainError("conflict", `the shortcut /${input.shortcut} is taken ${input.team === null ? "by one of yours" : `in ${input.team}`}`, { path: "shortcut" });
  }
  return old;
}

/** Creates a canned response (personal for any agent; a team's for admins). */
export async function createCanned(engine: Engine, agent: AgentProfile, input: CannedInput): Promise<CannedResponse> {
  await check(engine, agent, null, input);
  const c: CannedResponse = { id: engine.deps.newId(), ownerId: input.team === null ? agent.id : null, ...input, updatedAt: engine.now() };
  await engine.deps.desk.saveCanned(c);
  return c;
}

/** Replaces one the agent may manage. */
export async function updateCanned(engine: Engine, agent: AgentProfile, id: string, input: CannedInput): Promise<CannedResponse> {
  await check(engine, agent, id, input);
  const c: CannedResponse = { id, ownerId: input.team === null ? agent.id : null, ...input, updatedAt: engine.now() };
  await engine.deps.desk.saveCanned(c);
  return c;
}

/** Deletes one the agent may manage. */
export async function deleteCanned(engine: Engine, agent: AgentProfile, id: string): Promise<void> {
  const old = await engine.deps.desk.getCanned(id);
  if (old === null) throw new DomainError("not_found", `no canned response ${id}`);
  if (!mayManage(agent, old)) throw new DomainError("forbidden", "a team's canned responses are managed by admins");
  await engine.deps.desk.deleteCanned(id);
}
