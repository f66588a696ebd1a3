import type { AgentProfile, RoutingRequest } from "../model.js";
import { type Constraints, constraintsFor, signatureOf } from "./constraints.js";
import { mayServe } from "./eligibility.js";
import type { Routed } from "./router-index.js";

/**
 * Queued chats that demand the same of an agent once every escalation step is applied, and
 * whether any online agent with a cap may take them (now or after a step): their live option.
 */
export interface Watch {
  readonly sig: string;
  readonly constraints: Constraints;
  live: boolean;
  readonly members: Set<Routed>;
}

/** An agent as it bears on live options: their profile and whether they are online. */
export interface AgentSide {
  readonly profile: AgentProfile;
  readonly online: boolean;
}

const counts = (a: AgentSide | null, c: Constraints): boolean => a !== null && a.online === true && mayServe(a.profile, c);

/**
 * The waiting guarantee's bookkeeping: which queued chats have a live option. A chat joins the
 * watch of its fully escalated constraints while queued (escalation only widens, so that is
 * the widest it will get); watches are judged again only when an agent who counted for them
 * leaves, or one who counts comes, so an event costs one cheap check per watch.
 */
export class LiveOptions {
  private readonly watches = new Map<string, Watch>();
  /** Each request's fully escalated constraints (requests are immutable, so this never goes stale). */
  private readonly finals = new WeakMap<RoutingRequest, { constraints: Constraints; sig: string }>();

  /** `isLive`: whether some online agent with a cap may take chats with these constraints. */
  constructor(private readonly isLive: (c: Constraints) => boolean) {}

  /** Adds a queued chat to its watch; returns whether it has a live option. */
  join(r: Routed): boolean {
    const final = this.finalOf(r);
    let w = this.watches.get(final.sig);
    if (w === undefined) {
      w = { sig: final.sig, constraints: final.constraints, live: this.isLive(final.constraints), members: new Set() };
      this.watches.set(final.sig, w);
    }
    w.members.add(r);
    r.watch = w;
    return w.live;
  }

  leave(r: Routed): void {
    const w = r.watch;
    if (w === null) return;
    r.watch = null;
    w.members.delete(r);
    if (w.members.size === 0) this.watches.delete(w.sig);
  }

  /**
   * After an agent changed (`before`/`after`: null when absent): the watches that lost their
   * last live option and those that found one.
   */
  agentChanged(before: AgentSide | null, after: AgentSide | null): { died: Watch[]; revived: Watch[] } {
    const died: Watch[] = [];
    const revived: Watch[] = [];
    if (!(before?.online ?? false) && !(after?.online ?? false)) return { died, revived };
    for (const w of this.watches.values()) {
      if (w.live) {
        if (!counts(before, w.constraints) || counts(after, w.constraints)) continue;
        w.live = this.isLive(w.constraints);
        if (!w.live) died.push(w);
      } else if (counts(after, w.constraints)) {
        w.live = true;
        revived.push(w);
      }
    }
    return { died, revived };
  }

  private finalOf(r: Routed): { constraints: Constraints; sig: string } {
    const request = r.request;
    let final = this.finals.get(request);
    if (final === undefined) {
      const steps = request.escalation.length;
      final =
        r.appliedSteps >= steps && r.sig !== ""
          ? { constraints: r.constraints, sig: r.sig }
          : (() => {
              const constraints = constraintsFor(request, steps);
              return { constraints, sig: signatureOf(constraints) };
            })();
      this.finals.set(request, final);
    }
    return final;
  }
}
