import type { CannedResponse } from "./types.js";

/** The canned responses matching what follows "/": shortcut prefix first, then title words. */
export function matchCanned(canned: readonly CannedResponse[], query: string): CannedResponse[] {
  const q = query.toLowerCase();
  const byShortcut = canned.filter((c) => c.shortcut.startsWith(q));
  const byTitle = canned.filter((c) => !byShortcut.includes(c) && (c.title.toLowerCase().includes(q) || c.text.toLowerCase().includes(q)));
  return [...byShortcut, ...byTitle].slice(0, 8);
}

export interface CannedPickerProps {
  readonly matches: readonly CannedResponse[];
  readonly active: number;
  readonly pick: (c: CannedResponse) => void;
}

/** The "/" popup over the reply box: a listbox the textarea drives (arrows, Enter or Tab, Escape). */
export function CannedPicker({ matches, active, pick }: CannedPickerProps) {
  return (
    <div class="canned-picker" role="listbox" id="canned-list" aria-label="Canned responses">
      {matches.length === 0 ? (
        <p class="muted canned-none">No canned response matches. Keep typing, or Escape.</p>
      ) : (
        matches.map((c, i) => (
          <div
            key={c.id}
            tabIndex={-1}
            id={`canned-${c.id}`}
            role="option"
            aria-selected={i === active}
            class={i === active ? "active" : undefined}
            onMouseDown={(e) => {
              e.preventDefault();
              pick(c);
            }}
          >
            <span class="canned-shortcut">/{c.shortcut}</span> <b>{c.title}</b>
            <span class="badge">{c.team === null ? "mine" : c.team}</span>
            <span class="canned-text muted">{c.text}</span>
          </div>
        ))
      )}
    </div>
  );
}
