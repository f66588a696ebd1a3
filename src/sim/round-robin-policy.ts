import type { Explanation } from "../core/routing/index.js";
import { type PeerAgent, PeerPolicy } from "./peer-policy.js";
import type { SimPolicy } from "./policy.js";

/**
 * Chatwoot's auto-assignment as a peer: the next online agent in rotation who is below their
 * cap takes the chat, whatever its skills or language; with nobody free, chats wait in one
 * FIFO queue. The rotation pointer moves past each agent given a chat.
 */
export class RoundRobinPolicy extends PeerPolicy implements SimPolicy {
  readonly name = "round-robin" as const;
  protected readonly explanation: Explanation = { summary: "next online agent in rotation", layers: [], reasons: ["round robin"] };
  private next = 0;

  protected pick(): PeerAgent | null {
    const n = this.agents.length;
    if (this.freeSlots <= 0) return null;
    for (let k = 0; k < n; k++) {
      const i = (this.next + k) % n;
      const a = this.agents[i]!;
      if (a.online && a.active < a.cap) {
        this.next = (i + 1) % n;
        return a;
      }
    }
    return null;
  }
}
