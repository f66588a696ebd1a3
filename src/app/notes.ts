import { DomainError } from "../core/errors.js";
import type { AgentProfile } from "../core/model.js";
import type { Note } from "../ports/index.js";
import { mayView } from "./conversation-views.js";
import type { Engine } from "./engine.js";

/** A note as the console shows it: with its author's name and the names of those mentioned. */
export interface PresentedNote extends Note {
  readonly authorName: string;
  readonly mentionNames: readonly string[];
}

/**
 * The colleagues a note mentions: "@tom" names the agent whose e-mail starts "tom@" (or whose
 * id is "tom"), case-insensitively; the author never mentions themselves.
 *
 * @example
 * mentionsIn("@Tom can you check? cc @priya", roster, "maria"); // ["tom", "priya"]
 */
export function mentionsIn(text: string, roster: ReadonlyMap<string, AgentProfile>, authorId: string): string[] {
  const handles = new Set([...text.matchAll(/(?:^|[^\w@.])@([\w.-]+)/g)].map((m) => (m[1] ?? "").toLowerCase().replace(/[.-]+$/, "")));
  const out: string[] = [];
  for (const a of roster.values()) {
    const local = a.email.split("@")[0]?.toLowerCase() ?? "";
    if (a.id !== authorId && (handles.has(local) || handles.has(a.id.toLowerCase()))) out.push(a.id);
  }
  return out;
}

function present(n: Note, roster: ReadonlyMap<string, AgentProfile>): PresentedNote {
  return { ...n, authorName: roster.get(n.authorId)?.name ?? n.authorId, mentionNames: n.mentions.map((id) => roster.get(id)?.name ?? id) };
}

/** Whether an agent may read a conversation's notes: whoever may view it, and whoever a note mentions. */
export async function mayReadNotes(engine: Engine, agent: AgentProfile, conversationId: string): Promise<boolean> {
  if (await mayView(engine, agent, conversationId)) return true;
  return (await engine.deps.desk.listNotes(conversationId)).some((n) => n.mentions.includes(agent.id));
}

/**
 * Adds a private note to a conversation the agent may view. It goes to agents only: the author,
 * the agent holding the chat and everyone mentioned ("mention" tells them); never to the visitor.
 */
export async function addNote(engine: Engine, agent: AgentProfile, input: { readonly conversationId: string; readonly text: string }): Promise<PresentedNote> {
  await engine.conversation(input.conversationId);
  if (!(await mayReadNotes(engine, agent, input.conversationId))) throw new DomainError("forbidden", "you may not add notes to this conversation");
  const roster = await engine.profiles();
  const note: Note = {
    id: engine.deps.newId(),
    conversationId: input.conversationId,
    authorId: agent.id,
    text: input.text,
    mentions: mentionsIn(input.text, roster, agent.id),
    at: engine.now(),
  };
  await engine.deps.desk.addNote(note);
  const shown = present(note, roster);
  const holder = (await engine.conversation(input.conversationId)).assignedAgentId;
  const { publisher } = engine.deps;
  for (const id of new Set([agent.id, ...(holder === null ? [] : [holder]), ...note.mentions])) publisher.publish({ kind: "agent", agentId: id }, "note", shown);
  for (const id of note.mentions) publisher.publish({ kind: "agent", agentId: id }, "mention", { note: shown, by: agent.name });
  return shown;
}

/** A conversation's notes, oldest first, for an agent who may read them. */
export async function notesFor(engine: Engine, agent: AgentProfile, conversationId: string): Promise<PresentedNote[]> {
  await engine.conversation(conversationId);
  if (!(await mayReadNotes(engine, agent, conversationId))) throw new DomainError("forbidden", "you may not read this conversation's notes");
  const roster = await engine.profiles();
  return (await engine.deps.desk.listNotes(conversationId)).map((n) => present(n, roster));
}
