import type { ComponentChildren } from "preact";
import { formatAmount, formatDateTime, formatScore, humanize, triggerLabel } from "../shared/format.js";
import { SlaClock } from "./sla-clock.js";
import type { SlaState } from "./sla.js";
import type { ChatLine, Explanation, HandoffContextV1 } from "./types.js";
import { VisitorSection } from "./visitor-section.js";

export interface ContextPanelProps {
  readonly context: HandoffContextV1;
  readonly lines: readonly ChatLine[];
  readonly sla: SlaState | null;
  readonly explanation: Explanation | null;
  /** Agent id → name, for the CSM and earlier handoffs. */
  readonly agentNames: ReadonlyMap<string, string>;
  readonly token: string;
  /** Opens a past chat of this visitor read-only. */
  readonly openPast: (conversationId: string) => void;
}

const TREND: Readonly<Record<HandoffContextV1["sentiment"]["trend"], string>> = {
  improving: "↗ improving",
  steady: "→ steady",
  worsening: "↘ worsening",
};

function Section({ id, title, children }: { readonly id: string; readonly title: string; readonly children: ComponentChildren }) {
  return (
    <section class="ctx-section" aria-labelledby={`ctx-${id}`}>
      <h3 id={`ctx-${id}`}>{title}</h3>
      {children}
    </section>
  );
}

function Row({ label, children }: { readonly label: string; readonly children: ComponentChildren }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const safeHref = (url: string) => (/^https?:\/\//i.test(url) ? url : undefined);

/** Everything that travelled with the handoff, so the agent never asks again. */
export function ContextPanel({ context: c, lines, sla, explanation, agentNames, token, openPast }: ContextPanelProps) {
  const name = (id: string | null) => (id === null ? "–" : (agentNames.get(id) ?? id));
  const latestIntent = c.intentHistory.at(-1);
  const evidence = c.trigger.evidence.messageIds.flatMap((id) => lines.filter((l) => l.id === id));
  const scores = Object.entries(c.trigger.evidence.scores);
  const transfer = c.trigger.kind === "agent_transfer" ? c.handoffs.findLast((h) => h.note !== null) : undefined;
  return (
    <aside class="context-panel" aria-label="Conversation context">
      {transfer && (
        <section class="ctx-section transfer-note" aria-labelledby="ctx-transfer">
          <h3 id="ctx-transfer">Note from {name(transfer.fromAgentId)}</h3>
          <blockquote class="note" data-testid="current-transfer-note">
            {transfer.note}
          </blockquote>
        </section>
      )}
      <Section id="summary" title="Summary">
        <p class="summary">{c.summary}</p>
      </Section>
      <VisitorSection context={c} token={token} openPast={openPast} />
      <Section id="priority" title="Priority and SLA">
        <dl class="kv">
          <Row label="Priority">P{c.priority}</Row>
          <Row label="Rule">{c.ruleName}</Row>
          <Row label="SLA">
            {sla === null ? (
              formatDateTime(c.slaDeadline)
            ) : (
              <SlaClock deadline={c.slaDeadline} answered={sla.kind === "answered" ? { met: sla.met } : null} />
            )}
          </Row>
          <Row label="Language">{c.conversation.language}</Row>
        </dl>
      </Section>
      <Section id="trigger" title="Why a human">
        <p>
          <span class="badge trigger">{triggerLabel(c.trigger.kind)}</span> {c.trigger.reason}
        </p>
        {evidence.length > 0 && (
          <ul class="evidence">
            {evidence.map((l) => (
              <li key={l.id}>
                <q>{l.text}</q>
              </li>
            ))}
          </ul>
        )}
        {scores.length > 0 && (
          <p class="muted">
            {scores.map(([k, v]) => `${humanize(k)} ${Number.isInteger(v) ? v : v.toFixed(2)}`).join(" · ")}
          </p>
        )}
      </Section>
      <Section id="customer" title="Customer">
        {c.customer === null ? (
          <p class="muted">Anonymous visitor (no customer record).</p>
        ) : (
          <dl class="kv">
            <Row label="Name">{c.customer.name}</Row>
            <Row label="E-mail">{c.customer.email ?? "–"}</Row>
            <Row label="Plan">{c.customer.plan ?? "–"}</Row>
            <Row label="Tier">
              <span class={`badge tier-${c.customer.tier}`}>{c.customer.tier}</span>
            </Row>
            <Row label="Open tickets">{c.customer.openTickets}</Row>
            <Row label="Lifetime value">{formatAmount(c.customer.lifetimeValue)}</Row>
            <Row label="CSM">{c.customer.csmAgentId === null ? "none" : name(c.customer.csmAgentId)}</Row>
          </dl>
        )}
      </Section>
      <Section id="page" title="Page">
        {c.conversation.page === null ? (
          <p class="muted">Unknown page.</p>
        ) : (
          <dl class="kv">
            <Row label="Title">{c.conversation.page.title || "–"}</Row>
            <Row label="URL">
              <a href={safeHref(c.conversation.page.url)} target="_blank" rel="noopener noreferrer" class="url">
                {c.conversation.page.url}
              </a>
            </Row>
          </dl>
        )}
      </Section>
      <Section id="fields" title="Known fields">
        {c.fields.length === 0 ? (
          <p class="muted">None collected.</p>
        ) : (
          <dl class="kv fields">
            {c.fields.map((f) => (
              <Row key={`${f.name}-${f.at}`} label={humanize(f.name)}>
                <code>{f.value}</code> <span class="muted">({f.source.kind === "message" ? "said in chat" : f.source.kind})</span>
              </Row>
            ))}
          </dl>
        )}
      </Section>
      <Section id="intent" title="Intent and sentiment">
        <dl class="kv">
          <Row label="Intent">
            {latestIntent === undefined ? "–" : `${latestIntent.intent} (${Math.round(latestIntent.confidence * 100)}%)`}
          </Row>
          <Row label="History">
            {c.intentHistory.length === 0 ? "–" : c.intentHistory.map((s) => `${s.intent} ${Math.round(s.confidence * 100)}%`).join(" → ")}
          </Row>
          <Row label="Sentiment">
            {formatScore(c.sentiment.latest)} <span class={`trend trend-${c.sentiment.trend}`}>{TREND[c.sentiment.trend]}</span>
          </Row>
        </dl>
      </Section>
      {c.handoffs.length > 0 && (
        <Section id="handoffs" title="Earlier handoffs">
          <ol class="handoffs">
            {c.handoffs.map((h) => (
              <li key={h.id}>
                <span class="muted">{formatDateTime(h.createdAt)}</span> {triggerLabel(h.trigger.kind)}
                {h.fromAgentId !== null && ` from ${name(h.fromAgentId)}`}
                {h.toAgentId !== null ? ` to ${name(h.toAgentId)}` : h.toTeam !== null ? ` to team ${h.toTeam}` : ""}
                {h.note && (
                  <blockquote class="note" data-testid="transfer-note">
                    {h.note}
                  </blockquote>
                )}
              </li>
            ))}
          </ol>
        </Section>
      )}
      {explanation && (
        <Section id="why-me" title="Why you">
          <p>{explanation.summary}</p>
          {explanation.reasons.length > 0 && (
            <ul class="muted">
              {explanation.reasons.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </Section>
      )}
    </aside>
  );
}
