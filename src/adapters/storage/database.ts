import type { Generated } from "kysely";

/**
 * Baton's tables as Kysely sees them. Column names are snake_case; JSON columns are carried as
 * strings on both dialects (TEXT in SQLite, jsonb in PostgreSQL read back unparsed), and every
 * epoch-ms column comes back as a JS number (see the dialect openers).
 */
export interface BatonDatabase {
  readonly conversations: ConversationTable;
  readonly messages: MessageTable;
  readonly fields: FieldTable;
  readonly handoffs: HandoffTable;
  readonly csat: CsatTable;
  readonly inbox_items: InboxItemTable;
  readonly customers: CustomerTable;
  readonly agents: AgentTable;
  readonly undecided_messages: UndecidedMessageTable;
  readonly visitor_resume_tokens: VisitorResumeTokenTable;
  readonly revoked_sessions: RevokedSessionTable;
  readonly bot_dead_letters: BotDeadLetterTable;
  readonly canned_responses: CannedResponseTable;
  readonly notes: NoteTable;
  readonly visitor_devices: VisitorDeviceTable;
  readonly attachments: AttachmentTable;
  readonly read_marks: ReadMarkTable;
  readonly router_leader: RouterLeaderTable;
}

/** A visitor message an external bot never took (every attempt failed). */
export interface BotDeadLetterTable {
  id: string;
  bot_id: string;
  conversation_id: string;
  message_id: string;
  /** JSON: the body Baton tried to deliver. */
  payload: string;
  error: string;
  attempts: number;
  created_at: number;
}

/** The one row (id 1) naming the cluster's router leader: its epoch (fencing token) and the last command it applied. */
export interface RouterLeaderTable {
  id: number;
  epoch: number;
  node_id: string;
  elected_at: number;
  last_applied_id: Generated<string>;
}

/** The outbox: visitor messages stored whose decision is not recorded yet. */
export interface UndecidedMessageTable {
  message_id: string;
  conversation_id: string;
  at: number;
}

export interface ConversationTable {
  id: string;
  state: string;
  visitor_id: string;
  customer_id: string | null;
  language: string;
  /** JSON `{ url, title }` or null. */
  page: string | null;
  visitor_time_zone: string | null;
  assigned_agent_id: string | null;
  rule_id: string | null;
  priority: number;
  sla_deadline: number | null;
  created_at: number;
  updated_at: number;
  resolved_at: number | null;
  /** The bot in charge ("builtin", "none" or an external bot's id); null on older rows: the built-in bot. */
  bot: string | null;
  /** The router leader's epoch the last routing write was made under (0: one node, no leader). */
  router_epoch?: number;
}

export interface MessageTable {
  /** Insertion order, the tiebreak when two messages share `at`. */
  seq: Generated<number>;
  id: string;
  conversation_id: string;
  client_message_id: string | null;
  author: string;
  author_id: string | null;
  text: string;
  at: number;
  /** JSON NluResult or null. */
  nlu: string | null;
  /** JSON MessageTranslation or null (migration 0007). */
  translation: string | null;
  /** JSON `{ buttons?, payload? }` (an external bot's quick replies; the clicked one's payload) or null. */
  extra: string | null;
}

export interface FieldTable {
  conversation_id: string;
  name: string;
  value: string;
  /** JSON field source. */
  source: string;
  at: number;
}

export interface HandoffTable {
  id: string;
  conversation_id: string;
  /** JSON Trigger. */
  trigger: string;
  rule_id: string;
  priority: number;
  sla_deadline: number;
  /** JSON `{ seconds, bucket }` or null. */
  estimate: string | null;
  from_agent_id: string | null;
  to_agent_id: string | null;
  to_team: string | null;
  note: string | null;
  created_at: number;
  assigned_at: number | null;
  first_human_at: number | null;
  /** Reply time promised when the handoff went straight to the async path; null when routed live. */
  async_promised_by: number | null;
  /** Times the chat was taken back from an agent who did not answer it, under this handoff. */
  unanswered_reassignments: number;
}

export interface CsatTable {
  conversation_id: string;
  score: number;
  comment: string | null;
  segment: string;
  at: number;
}

export interface InboxItemTable {
  id: string;
  conversation_id: string;
  name: string | null;
  email: string;
  text: string;
  promised_by: number;
  reason: string;
  status: string;
  reply: string | null;
  replied_by: string | null;
  replied_at: number | null;
  created_at: number;
}

export interface CustomerTable {
  id: string;
  name: string;
  email: string | null;
  plan: string | null;
  tier: string;
  open_tickets: number;
  lifetime_value: number;
  csm_agent_id: string | null;
  time_zone: string | null;
}

export interface AgentTable {
  id: string;
  email: string;
  /** JSON AgentProfile without `cap` (the column below is the truth). */
  profile: string;
  cap: number;
  presence: string;
  password_hash: string;
}

export interface RevokedSessionTable {
  jti: string;
  expires_at: number;
}

export interface VisitorResumeTokenTable {
  token_hash: string;
  visitor_id: string;
  conversation_id: string;
  created_at: number;
  expires_at: number;
}

export interface CannedResponseTable {
  id: string;
  team: string | null;
  owner_id: string | null;
  shortcut: string;
  title: string;
  text: string;
  updated_at: number;
}

export interface NoteTable {
  id: string;
  conversation_id: string;
  author_id: string;
  text: string;
  /** JSON array of agent ids. */
  mentions: string;
  at: number;
}

export interface VisitorDeviceTable {
  visitor_id: string;
  user_agent: string;
  browser: string | null;
  os: string | null;
  device: string | null;
  updated_at: number;
}

/** How far one side of a conversation has read (migration 0010). */
export interface ReadMarkTable {
  conversation_id: string;
  /** "visitor" or "agent". */
  reader: string;
  message_id: string;
  at: number;
}

export interface AttachmentTable {
  id: string;
  conversation_id: string;
  message_id: string;
  uploader: string;
  uploader_id: string | null;
  name: string;
  content_type: string;
  size: number;
  storage_key: string;
  access_key: string;
  created_at: number;
}
