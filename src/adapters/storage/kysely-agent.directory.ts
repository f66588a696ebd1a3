import type { Kysely } from "kysely";
import { DomainError } from "../../core/errors.js";
import type { AgentProfile, Presence } from "../../core/model.js";
import type { AgentDirectory, StoredAgent } from "../../ports/agent.directory.js";
import type { BatonDatabase } from "./database.js";
import * as rq from "./record.queries.js";
import { agentFromRow } from "./record-rows.js";

/**
 * AgentDirectory over Kysely (SQLite and PostgreSQL alike). A new agent starts offline; an agent
 * upserted without a password hash gets an empty one, which matches no password; a later upsert
 * without a hash keeps the stored one, and presence survives profile edits.
 *
 * @example
 * const agents = new KyselyAgentDirectory(db);
 * await agents.upsertAgent(profile, hash);
 * await agents.setPresence(profile.id, "online");
 */
export class KyselyAgentDirectory implements AgentDirectory {
  constructor(private readonly db: Kysely<BatonDatabase>) {}

  async upsertAgent(profile: AgentProfile, passwordHash?: string): Promise<void> {
    await rq.upsertAgentQuery(this.db, profile, passwordHash).execute();
  }

  async getAgent(id: string): Promise<StoredAgent | null> {
    const row = await rq.selectAgent(this.db, id).executeTakeFirst();
    return row === undefined ? null : agentFromRow(row);
  }

  async findAgentByEmail(email: string): Promise<StoredAgent | null> {
    const row = await rq.selectAgentByEmail(this.db, email).executeTakeFirst();
    return row === undefined ? null : agentFromRow(row);
  }

  async listAgents(): Promise<StoredAgent[]> {
    return (await rq.listAgentsQuery(this.db).execute()).map(agentFromRow);
  }

  async setPresence(id: string, presence: Presence): Promise<void> {
    const r = await rq.updatePresenceQuery(this.db, id, presence).executeTakeFirst();
    if (r.numUpdatedRows === 0n) throw new DomainError("agent_not_found", `no agent ${id}`, { id });
  }

  async setCap(id: string, cap: number): Promise<void> {
    if (!Number.isInteger(cap) || cap < 0) {
      throw new DomainError("invalid_input", `cap must be a whole number >= 0, got ${cap}`, { id, cap });
    }
    const r = await rq.updateCapQuery(this.db, id, cap).executeTakeFirst();
    if (r.numUpdatedRows === 0n) throw new DomainError("agent_not_found", `no agent ${id}`, { id });
  }
}
