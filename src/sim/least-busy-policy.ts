import type { Explanation } from "../core/routing/index.js";
import { type PeerAgent, PeerPolicy } from "./peer-policy.js";
import type { SimPolicy } from "./policy.js";

/**
 * Rocket.Chat's Load Balancing as a peer: the online agent with the fewest open chats (below
 * their cap) takes the chat, ties to roster order, whatever its skills or language; with
 * nobody free, chats wait in one FIFO queue.
 */
export class LeastBusyPolicy extends PeerPolicy implements SimPolicy {
  readonly name = "least-busy" as const;
  protected readonly explanation: Explanation = { summary: "online agent with the fewest open chats", layers: [], reasons: ["least busy"] };

  protected pick(): PeerAgent | null {
    if (this.freeSlots <= 0) return null;
    let best: PeerAgent | null = null;
    for (const a of this.agents) {
      if (!a.online || a.active >= a.cap) continue;
      if (best === null || a.active < best.active) best = a;
      if (best.active === 0) break;
    }
    return best;
  }
}
