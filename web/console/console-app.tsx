import { useCallback, useEffect, useMemo, useReducer, useRef, useState } from "preact/hooks";
import { api } from "../shared/api.js";
import { uploadFile } from "../shared/upload.js";
import { type AgentSocket, connectAgent } from "./agent-socket.js";
import { ChatPane, PreviewPane } from "./chat-pane.js";
import { initialState, reduce } from "./console-state.js";
import { ContextPanel } from "./context-panel.js";
import { CannedView } from "./canned-view.js";
import { DeskList } from "./desk-list.js";
import { FindView } from "./find-view.js";
import { type PastChat, PastPane } from "./past-pane.js";
import { InboxView } from "./inbox-view.js";
import { alertNewChat, answerPermission, shouldAskPermission } from "./notify.js";
import { ShortcutHelp, useShortcuts } from "./shortcuts.js";
import { QueueList } from "./queue-list.js";
import { observeServerTime } from "./server-clock.js";
import { slaState } from "./sla.js";
import { TopBar } from "./top-bar.js";
import { TransferDialog, type TransferTarget } from "./transfer-dialog.js";
import type { AgentInfo, CannedResponse, Colleague, ConversationRow, PresentedAttachment, HandoffContextV1, InboxItem, PresentedMessage, PresentedNote, Presence, QueueEntry, TeamInfo } from "./types.js";
import { useServerNow } from "./use-now.js";
import type { MessageTranslation } from "../../src/core/model.js";
import { visitorName } from "./visitor-name.js";

export interface ConsoleAppProps {
  readonly token: string;
  readonly agent: AgentInfo;
  readonly signOut: (message?: string) => void;
}

const clientId = () =>
  typeof crypto !== "undefined" && typeof crypto.randomUUID === "function"
    ? crypto.randomUUID()
    : `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;

/** The signed-in console: presence bar, desk and queue, the open chat, its context. */
export function ConsoleApp({ token, agent, signOut }: ConsoleAppProps) {
  const [state, dispatch] = useReducer(reduce, initialState);
  const [tab, setTab] = useState<"chats" | "find" | "inbox" | "canned">("chats");
  const [past, setPast] = useState<PastChat | null>(null);
  const [help, setHelp] = useState(false);
  const [askPermission, setAskPermission] = useState(shouldAskPermission);
  // Under 900 px one pane shows at a time: the lists, the conversation, or its context.
  const [view, setView] = useState<"list" | "chat" | "context">("list");
  const [colleagues, setColleagues] = useState<readonly Colleague[]>([]);
  const [teams, setTeams] = useState<readonly TeamInfo[]>([]);
  const [transferring, setTransferring] = useState(false);
  const [canned, setCanned] = useState<readonly CannedResponse[]>([]);
  const socket = useRef<AgentSocket | null>(null);
  const desk = useRef(state.chats);
  desk.current = state.chats;
  const now = useServerNow(5000);

  const loadCanned = useCallback(() => {
    api<CannedResponse[]>("/api/canned", { token }).then(setCanned, () => undefined);
  }, [token]);
  const loadColleagues = useCallback(() => {
    api<Colleague[]>("/api/agents", { token }).then(setColleagues, () => undefined);
    api<TeamInfo[]>("/api/teams", { token }).then(setTeams, () => undefined);
  }, [token]);

  useEffect(() => {
    let refetch: ReturnType<typeof setTimeout> | undefined;
    // The server sends one "queue" per team room, each filtered to that team: an agent in two
    // teams would see only the last. Treat the event as "changed" and read our own view.
    const queueChanged = (hint: readonly QueueEntry[]) => {
      clearTimeout(refetch);
      refetch = setTimeout(() => {
        api<QueueEntry[]>("/api/agent/queue", { token }).then(
          (queue) => dispatch({ kind: "queue", queue }),
          () => dispatch({ kind: "queue", queue: hint }),
        );
      }, 100);
    };
    const s = connectAgent(
      token,
      {
        dispatch,
        queueChanged,
        arrived: (context: HandoffContextV1, status) =>
          alertNewChat(status === "offered" ? "Chat offered" : "New chat", `${visitorName(context)}: ${context.summary}`),
        mentioned: (note: PresentedNote, by: string) => {
          dispatch({ kind: "notice", notice: `${by} mentioned you: "${note.text.slice(0, 80)}"` });
          alertNewChat(`${by} mentioned you`, note.text.slice(0, 140));
        },
        signedOut: (message) => signOut(message),
      },
      (id) => desk.current.some((c) => c.id === id),
    );
    socket.current = s;
    loadColleagues();
    loadCanned();
    return () => {
      clearTimeout(refetch);
      s.close();
      socket.current = null;
    };
  }, [token]);

  const send = useCallback(<T,>(event: string, payload: object) => {
    if (socket.current === null) return Promise.reject(new Error("Not connected."));
    return socket.current.send<T>(event, payload);
  }, []);
  const report = (err: unknown) => dispatch({ kind: "notice", notice: (err as Error).message });

  const selected = state.chats.find((c) => c.id === state.selected) ?? null;
  // A chat's private notes, read when it is opened (new ones arrive live as "note").
  useEffect(() => {
    if (state.selected === null) return;
    const id = state.selected;
    api<PresentedNote[]>(`/api/conversations/${encodeURIComponent(id)}/notes`, { token }).then(
      (notes) => dispatch({ kind: "notes", notes }),
      () => undefined,
    );
    api<(PresentedAttachment & { messageId: string })[]>(`/api/conversations/${encodeURIComponent(id)}/attachments`, { token }).then(
      (attachments) => dispatch({ kind: "attachments", conversationId: id, attachments }),
      () => undefined,
    );
  }, [state.selected, token]);
  // Read receipts: the chat on screen (selected, held by this agent, the tab visible) is read up to
  // its newest message; the visitor's widget then shows "Read". Sent once per newest message.
  const [visible, setVisible] = useState(document.visibilityState === "visible");
  useEffect(() => {
    const onChange = () => setVisible(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", onChange);
    return () => document.removeEventListener("visibilitychange", onChange);
  }, []);
  const readSent = useRef(new Map<string, string>());
  const newest = selected?.status === "assigned" ? selected.lines.findLast((l) => l.author !== "note") : undefined;
  useEffect(() => {
    if (!visible || selected === null || newest === undefined || state.connection !== "connected") return;
    if (readSent.current.get(selected.id) === newest.id) return;
    readSent.current.set(selected.id, newest.id);
    send("read", { conversationId: selected.id, upTo: newest.id }).catch(() => readSent.current.delete(selected.id));
  }, [visible, selected?.id, newest?.id, state.connection, send]);
  const agentNames = useMemo(() => new Map(colleagues.map((c) => [c.id, c.name])), [colleagues]);

  const sendMessage = async (conversationId: string, text: string, translation?: { readonly text: string; readonly edited: boolean }) => {
    const frame = { conversationId, clientMessageId: clientId(), text, ...(translation === undefined ? {} : { translation }) };
    const { message } = await send<{ message: PresentedMessage }>("message:send", frame);
    observeServerTime(message.at);
    dispatch({ kind: "message", message });
  };
  const attach = async (conversationId: string, file: File) => {
    const message = await uploadFile(`/api/conversations/${encodeURIComponent(conversationId)}/attachments`, token, file);
    dispatch({ kind: "message", message });
  };
  const sendNote = async (conversationId: string, text: string) => {
    dispatch({ kind: "notes", notes: [await send<PresentedNote>("note:add", { conversationId, text })] });
  };
  const transfer = async (to: TransferTarget, note: string) => {
    if (selected === null) return;
    await send("transfer", { conversationId: selected.id, to, note });
    // The server does not send "conversation:removed" to the agent who transfers.
    dispatch({ kind: "removed", conversationId: selected.id, reason: "transferred" });
  };
  const preview = (conversationId: string) =>
    send<HandoffContextV1>("conversation:open", { conversationId }).then((context) => dispatch({ kind: "preview", context }), report);
  const replyInbox = async (itemId: string, text: string) => {
    dispatch({ kind: "inbox:item", item: await send<InboxItem>("inbox:reply", { itemId, text }) });
  };
  const answer = (conversationId: string, accept: boolean) =>
    void send(accept ? "offer:accept" : "offer:decline", { conversationId }).catch(report);

  // While the transfer dialog is open, colleagues' presence and load stay live.
  useEffect(() => {
    if (!transferring) return;
    const poll = setInterval(loadColleagues, 3000);
    return () => clearInterval(poll);
  }, [transferring, loadColleagues]);

  // Unread messages and offers waiting for an answer, in the tab's title ("(3) Baton · Agent console").
  const unread = state.chats.reduce((n, c) => n + c.unread + (c.status === "offered" ? 1 : 0), 0);
  useEffect(() => {
    document.title = unread > 0 ? `(${unread}) Baton · Agent console` : "Baton · Agent console";
  }, [unread]);

  const selectChat = (conversationId: string) => {
    setPast(null);
    setView("chat");
    dispatch({ kind: "select", conversationId });
  };
  useShortcuts((action) => {
    const chats = state.chats;
    const at = chats.findIndex((c) => c.id === state.selected);
    switch (action) {
      case "next": {
        const target = chats.find((c) => c.unread > 0 && c.id !== state.selected) ?? chats[(at + 1) % Math.max(1, chats.length)];
        if (target) selectChat(target.id);
        return;
      }
      case "previous": {
        const target = chats[(at - 1 + chats.length) % Math.max(1, chats.length)];
        if (target) selectChat(target.id);
        return;
      }
      case "resolve":
        if (selected?.status === "assigned") void send("resolve", { conversationId: selected.id }).catch(report);
        return;
      case "transfer":
        if (selected?.status === "assigned") {
          loadColleagues();
          setTransferring(true);
        }
        return;
      case "find":
        setTab("find");
        setView("list");
        setTimeout(() => document.querySelector<HTMLInputElement>(".find-search input")?.focus(), 0);
        return;
      case "help":
        setHelp(true);
        return;
    }
  });

  const openPast = (conversationId: string) =>
    void api<PastChat>(`/api/conversations/${encodeURIComponent(conversationId)}/transcript`, { token }).then((p) => {
      setPast(p);
      setView("chat");
    }, report);
  const openRow = (row: ConversationRow) => {
    if (state.chats.some((c) => c.id === row.id)) selectChat(row.id);
    else openPast(row.id);
  };
  const openInbox = state.inbox.filter((i) => i.status === "open").length;
  // The previewed chat's context goes beside the previewed transcript, never the selected chat's.
  const previewing = state.preview !== null;
  const contextOf = state.preview ?? selected?.context ?? null;
  const take = (conversationId: string) =>
    void send("queue:take", { conversationId })
      .then(() => {
        dispatch({ kind: "preview", context: null });
        dispatch({ kind: "select", conversationId });
      })
      .catch(report);

  return (
    <div class={`console view-${view}`}>
      <TopBar
        me={state.me}
        name={agent.name}
        connection={state.connection}
        setPresence={(presence: Presence) => void send("presence:set", { presence }).catch(report)}
        setCap={(cap) => void send("cap:set", { cap }).catch(report)}
        openHelp={() => setHelp(true)}
        signOut={() => {
          // Offline first, then revoke the token on the server (it stops working everywhere).
          void send("presence:set", { presence: "offline" })
            .catch(() => undefined)
            .then(() => api("/api/agent/logout", { method: "POST", token }))
            .catch(() => undefined)
            .finally(() => signOut());
        }}
      />
      {askPermission && (
        <section class="permission-prompt" aria-label="Notifications">
          <p>
            <b>Get a desktop notification when a chat arrives</b> while this tab is in the background. Your browser will ask you to allow it.
          </p>
          <button
            type="button"
            class="primary"
            onClick={() => {
              setAskPermission(false);
              void answerPermission(true);
            }}
          >
            Allow notifications
          </button>
          <button
            type="button"
            onClick={() => {
              setAskPermission(false);
              void answerPermission(false);
            }}
          >
            Not now
          </button>
        </section>
      )}
      <nav class="narrow-nav" aria-label="Panes">
        {(
          [
            ["list", `Chats (${state.chats.length})`],
            ["chat", "Conversation"],
            ["context", "Context"],
          ] as const
        ).map(([v, label]) => (
          <button key={v} type="button" aria-pressed={view === v} onClick={() => setView(v)}>
            {label}
            {v === "list" && unread > 0 && <span class="badge unread">{unread}</span>}
          </button>
        ))}
      </nav>
      <div class="workspace">
        <nav class="sidebar" aria-label="Chats, queue and inbox">
          <div class="tabs" role="tablist">
            <button type="button" role="tab" aria-selected={tab === "chats"} onClick={() => setTab("chats")}>
              Chats ({state.chats.length})
            </button>
            <button type="button" role="tab" aria-selected={tab === "find"} onClick={() => setTab("find")}>
              Find
            </button>
            <button type="button" role="tab" aria-selected={tab === "inbox"} onClick={() => setTab("inbox")}>
              Inbox ({openInbox})
            </button>
            <button type="button" role="tab" aria-selected={tab === "canned"} onClick={() => setTab("canned")}>
              Canned
            </button>
          </div>
          {tab === "chats" ? (
            <>
              <h2 class="side-title">My chats</h2>
              <DeskList chats={state.chats} selected={state.selected} select={selectChat} answer={answer} myName={agent.name} online={state.me?.presence === "online"} />
              <h2 class="side-title">
                Queue <span class="muted">({state.queue.length})</span>
              </h2>
              <QueueList queue={state.queue} previewing={state.preview?.conversation.id ?? null} preview={preview} />
            </>
          ) : tab === "find" ? (
            <FindView token={token} open={openRow} openId={past?.conversation.id ?? null} />
          ) : tab === "canned" ? (
            <CannedView token={token} me={agent} teams={teams} canned={canned} reload={loadCanned} />
          ) : (
            <InboxView items={state.inbox} now={now} reply={replyInbox} showChat={openPast} />
          )}
        </nav>
        {past !== null ? (
          <PastPane chat={past} close={() => setPast(null)} />
        ) : state.preview !== null ? (
          <PreviewPane
            context={state.preview}
            close={() => dispatch({ kind: "preview", context: null })}
            take={() => take(state.preview?.conversation.id ?? "")}
          />
        ) : selected !== null ? (
          <ChatPane
            chat={selected}
            send={(text, translation) => sendMessage(selected.id, text, translation)}
            preview={(text) => send<{ translation: MessageTranslation | null }>("translate:preview", { conversationId: selected.id, text }).then((r) => r.translation)}
            sendNote={(text) => sendNote(selected.id, text)}
            attach={(file) => attach(selected.id, file)}
            canned={canned}
            agentName={agent.name}
            typing={(typing) => void send("typing", { conversationId: selected.id, typing }).catch(() => undefined)}
            answer={(accept) => answer(selected.id, accept)}
            openTransfer={() => {
              loadColleagues();
              setTransferring(true);
            }}
            resolve={() => void send("resolve", { conversationId: selected.id }).catch(report)}
          />
        ) : (
          <section class="chat-pane empty-pane">
            <p class="empty">
              {state.me?.presence === "online" ? "Waiting for chats. New chats open here with their whole context." : "Go online to receive chats."}
            </p>
          </section>
        )}
        {contextOf !== null && past === null && (
          <ContextPanel
            context={contextOf}
            lines={(!previewing ? selected?.lines : undefined) ?? contextOf.transcript.map((t) => ({ ...t, authorName: t.authorName ?? t.author }))}
            sla={selected && !previewing ? slaState(selected, now, agent.name) : null}
            explanation={!previewing ? (selected?.explanation ?? null) : null}
            agentNames={agentNames}
            token={token}
            openPast={openPast}
          />
        )}
      </div>
      <div class="notice" role="status" aria-live="polite">
        {state.notice && (
          <p>
            {state.notice}{" "}
            <button type="button" class="link" onClick={() => dispatch({ kind: "notice", notice: null })} aria-label="Dismiss">
              ×
            </button>
          </p>
        )}
      </div>
      {help && <ShortcutHelp close={() => setHelp(false)} />}
      {transferring && selected !== null && (
        <TransferDialog myId={agent.id} colleagues={colleagues} teams={teams} transfer={transfer} close={() => setTransferring(false)} />
      )}
    </div>
  );
}
