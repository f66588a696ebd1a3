import { useEffect, useRef } from "preact/hooks";

/** The console's keyboard shortcuts: Alt + a letter works even while typing a reply. */
export const SHORTCUTS: readonly { keys: string; code: string | null; what: string }[] = [
  { keys: "Alt + N", code: "KeyN", what: "Next chat (unread first)" },
  { keys: "Alt + P", code: "KeyP", what: "Previous chat" },
  { keys: "Alt + R", code: "KeyR", what: "Resolve the open chat" },
  { keys: "Alt + T", code: "KeyT", what: "Transfer the open chat…" },
  { keys: "Alt + F", code: "KeyF", what: "Find: search transcripts" },
  { keys: "/", code: null, what: "In the reply box: canned responses" },
  { keys: "?", code: null, what: "This list (outside a text box)" },
];

export type ShortcutAction = "next" | "previous" | "resolve" | "transfer" | "find" | "help";

const BY_CODE: Readonly<Record<string, ShortcutAction>> = { KeyN: "next", KeyP: "previous", KeyR: "resolve", KeyT: "transfer", KeyF: "find" };

/** Listens for the shortcuts on the whole page. */
export function useShortcuts(run: (action: ShortcutAction) => void): void {
  const latest = useRef(run);
  latest.current = run;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey && !e.ctrlKey && !e.metaKey && BY_CODE[e.code] !== undefined) {
        e.preventDefault();
        latest.current(BY_CODE[e.code] as ShortcutAction);
        return;
      }
      const target = e.target as HTMLElement | null;
      const typing = target !== null && (target.tagName === "INPUT" || target.tagName === "TEXTAREA" || target.tagName === "SELECT" || target.isContentEditable);
      if (e.key === "?" && !typing && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        latest.current("help");
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);
}

/** The help sheet ("?"): a modal dialog listing the shortcuts. */
export function ShortcutHelp({ close }: { readonly close: () => void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = dialog.current;
    if (d !== null && !d.open) d.showModal();
  }, []);
  return (
    <dialog ref={dialog} class="dialog shortcut-help" aria-labelledby="shortcuts-title" onClose={close} onCancel={close}>
      <div class="transfer-form">
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        <table class="data compact">
          <tbody>
            {SHORTCUTS.map((s) => (
              <tr key={s.keys}>
                <th scope="row">
                  <kbd>{s.keys}</kbd>
                </th>
                <td>{s.what}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div class="dialog-actions">
          <button type="button" class="primary" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
