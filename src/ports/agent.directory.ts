import type { AgentProfile, Presence } from "../core/model.js";

export interface StoredAgent {
  readonly profile: AgentProfile;
  readonly presence: Presence;
  /** scrypt hash "salt:hash" (hex); never leaves the server. */
  readonly passwordHash: string;
}

/** Agents, their credentials and presence. */
export interface AgentDirectory {
  upsertAgent(profile: AgentProfile, passwordHash?: string): Promise<void>;
  getAgent(id: string): Promise<StoredAgent | null>;
  findAgentByEmail(email: string): Promise<StoredAgent | null>;
  listAgents(): Promise<StoredAgent[]>;
  setPresence(id: string, presence: Presence): Promise<void>;
  setCap(id: string, cap: number): Promise<void>;
}
