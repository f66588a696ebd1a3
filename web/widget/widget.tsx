import { useEffect, useLayoutEffect, useRef, useState } from "preact/hooks";
import type { Translate } from "../shared/i18n.js";
import type { ChatClient, ChatState } from "./chat-client.js";
import type { EmbedConfig } from "./embed-config.js";
import { Panel } from "./panel.js";
import { latestIncoming, unreadCount } from "./transcript.js";

/** Open/closed, shared between the UI and `window.BatonWidget.open()`. */
export class OpenState {
  #open = false;
  readonly #listeners = new Set<(open: boolean) => void>();
  get open(): boolean {
    return this.#open;
  }
  set(open: boolean): void {
    if (open === this.#open) return;
    this.#open = open;
    for (const l of this.#listeners) l(open);
  }
  subscribe(l: (open: boolean) => void): () => void {
    this.#listeners.add(l);
    return () => this.#listeners.delete(l);
  }
}

export interface WidgetProps {
  readonly client: ChatClient;
  readonly config: EmbedConfig;
  readonly t: Translate;
  readonly openState: OpenState;
  /** Text colour on the theme colour. */
  readonly onColor: string;
}

/** Launcher button and chat panel. Opening focuses the message box; Esc closes and returns focus. */
export function Widget({ client, config, t, openState, onColor }: WidgetProps) {
  const [state, setState] = useState<ChatState>(client.state);
  const [open, setOpen] = useState(openState.open);
  const launcher = useRef<HTMLButtonElement>(null);
  const input = useRef<HTMLTextAreaElement>(null);
  const wasOpen = useRef(open);

  useEffect(() => client.subscribe(setState), [client]);
  useEffect(() => openState.subscribe(setOpen), [openState]);
  // A layout effect: focus moves in the same commit that hides or shows the panel, so it is never
  // left on an element that just disappeared (a plain effect runs after paint, a frame later).
  useLayoutEffect(() => {
    if (open) {
      void client.start();
      input.current?.focus();
    } else if (wasOpen.current) launcher.current?.focus();
    wasOpen.current = open;
  }, [open, client]);

  // Only agent and bot messages count, and what was seen stays seen across page loads.
  // Seen means on screen: the panel open and the page visible (a background tab reads nothing).
  const latest = latestIncoming(state.messages);
  const [visible, setVisible] = useState(document.visibilityState === "visible");
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, []);
  useEffect(() => {
    if (open && visible) client.markSeen(latest);
  }, [open, visible, latest?.id, client, state.connection]);
  const unread = open ? 0 : unreadCount(state.messages, client.seen);

  return (
    <div class={`root ${config.position}${open ? " open" : ""}`} style={{ "--c": config.color, "--on-c": onColor }}>
      <Panel client={client} state={state} t={t} greeting={config.greeting} open={open} onClose={() => openState.set(false)} inputRef={input} />
      <button
        ref={launcher}
        class="launcher"
        type="button"
        aria-label={open ? t("closeChat") : unread > 0 ? t("openChatUnread", { n: unread }) : t("openChat")}
        aria-expanded={open}
        aria-controls="baton-panel"
        onClick={() => openState.set(!open)}
      >
        {open ? (
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2.4" stroke-linecap="round">
            <path d="M6 6l12 12M18 6L6 18" />
          </svg>
        ) : (
          <svg viewBox="0 0 24 24" aria-hidden="true" fill="currentColor">
            <path d="M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z" />
          </svg>
        )}
        {unread > 0 && (
          <span class="badge" aria-hidden="true">
            {unread}
          </span>
        )}
      </button>
    </div>
  );
}
