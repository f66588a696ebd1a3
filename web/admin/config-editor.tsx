import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError, type ConfigIssue, api } from "../shared/api.js";

export interface ConfigEditorProps {
  readonly token: string;
  readonly yaml: string;
  /** Called after a successful save (the page reloads the config). */
  readonly saved: () => void;
}

/** Offset of the first character of 1-based `line` in `text`. */
export function lineOffset(text: string, line: number): number {
  let at = 0;
  for (let n = 1; n < line; n++) {
    const next = text.indexOf("\n", at);
    if (next === -1) return text.length;
    at = next + 1;
  }
  return at;
}

/**
 * The config file in a textarea with a line-number gutter (lines with a problem marked). Saving
 * validates on the server; every problem comes back with its path and line, and choosing one
 * puts the cursor on that line. A plain textarea, not an editor library: it keeps the admin
 * bundle small and the browser's own undo, search and accessibility.
 */
export function ConfigEditor({ token, yaml, saved }: ConfigEditorProps) {
  const [text, setText] = useState(yaml);
  const [issues, setIssues] = useState<readonly ConfigIssue[]>([]);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const area = useRef<HTMLTextAreaElement>(null);
  const gutter = useRef<HTMLDivElement>(null);
  useEffect(() => setText(yaml), [yaml]);
  const lineCount = text.split("\n").length;
  const badLines = new Set(issues.map((i) => i.line).filter((l): l is number => l !== null));

  const goTo = (line: number) => {
    const el = area.current;
    if (el === null) return;
    const start = lineOffset(el.value, line);
    const end = el.value.indexOf("\n", start);
    el.focus();
    el.setSelectionRange(start, end === -1 ? el.value.length : end);
    const lh = Number.parseFloat(getComputedStyle(el).lineHeight) || 18;
    el.scrollTop = Math.max(0, (line - 4) * lh);
  };

  const save = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    setIssues([]);
    try {
      const r = await api<{ rules: number; router: { offers: { enabled: boolean } } }>("/api/admin/config", { method: "PUT", body: { yaml: text }, token });
      setMessage({ kind: "ok", text: `Saved. ${r.rules} rules and the router options (offers ${r.router.offers.enabled ? "on" : "off"}) are live.` });
      saved();
    } catch (err) {
      const issues = err instanceof ApiError ? err.issues : [];
      setIssues(issues);
      setMessage({ kind: "error", text: issues.length > 0 ? `Not saved: ${issues.length} problem${issues.length === 1 ? "" : "s"}.` : (err as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="card" aria-labelledby="yaml-title">
      <h2 id="yaml-title">Edit the configuration</h2>
      <p class="muted">The whole baton.yaml. Saving checks it first; nothing changes unless every problem is fixed.</p>
      <form onSubmit={save}>
        <label class="visually-hidden" for="config-yaml">
          Configuration YAML
        </label>
        <div class="code-editor">
          <div class="gutter" ref={gutter} aria-hidden="true" data-testid="config-gutter">
            {Array.from({ length: lineCount }, (_, i) => (
              <span key={i} class={badLines.has(i + 1) ? "bad" : undefined}>
                {i + 1}
              </span>
            ))}
          </div>
          <textarea
            id="config-yaml"
            ref={area}
            class="yaml-editor"
            spellcheck={false}
            wrap="off"
            rows={24}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
            onScroll={(e) => {
              if (gutter.current !== null) gutter.current.scrollTop = e.currentTarget.scrollTop;
            }}
          />
        </div>
        <div class="form-row">
          <button type="submit" class="primary" disabled={busy || text === yaml}>
            Validate and save
          </button>
          <button type="button" disabled={busy || text === yaml} onClick={() => setText(yaml)}>
            Discard changes
          </button>
          {message && (
            <span class={message.kind === "ok" ? "ok-text" : "error"} role={message.kind === "ok" ? "status" : "alert"}>
              {message.text}
            </span>
          )}
        </div>
      </form>
      {issues.length > 0 && (
        <ul class="issues" aria-label="Configuration problems" data-testid="config-issues">
          {issues.map((i) => (
            <li key={`${i.path}-${i.line}-${i.message}`}>
              <button type="button" disabled={i.line === null} onClick={() => i.line !== null && goTo(i.line)}>
                <code>{i.path || "(file)"}</code>
                {i.line !== null && ` (line ${i.line})`}: {i.message}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
