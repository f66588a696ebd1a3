import type { Chat } from "./types.js";

/** Where a chat stands against its SLA: answered (first human message sent) or the time left (negative when breached). */
export type SlaState = { readonly kind: "answered"; readonly met: boolean } | { readonly kind: "running"; readonly leftMs: number };

/**
 * The SLA of the current handoff: the clock runs from the trigger until the holder's first message.
 * `holder` is the display name of the agent the chat is handed to (the signed-in agent): after a
 * transfer, the previous agent's messages do not stop the new clock.
 */
export function slaState(chat: Pick<Chat, "context" | "lines">, now: number, holder: string): SlaState {
  const { slaDeadline, trigger } = chat.context;
  const first = chat.lines.find((l) => l.author === "agent" && l.authorName === holder && l.at >= trigger.at);
  if (first !== undefined) return { kind: "answered", met: first.at <= slaDeadline };
  return { kind: "running", leftMs: slaDeadline - now };
}
