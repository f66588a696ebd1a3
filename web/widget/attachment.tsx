import { useRef, useState } from "preact/hooks";
import type { PresentedAttachment } from "../../src/app/events.js";
import type { Translate } from "../shared/i18n.js";
import { ACCEPTED_FILES, formatBytes, uploadFile } from "../shared/upload.js";

/** Attachments in the widget (issue 17): the paperclip and the thumbnail or download link. */

let origin = "";
/** Baton's origin: attachment URLs are relative to it (the widget runs on another site). */
export function setAttachmentOrigin(o: string): void {
  origin = o;
}

/** An image as a thumbnail (opens full size), anything else as a download link. */
export function AttachmentView({ a }: { readonly a: PresentedAttachment }) {
  const href = `${origin}${a.url}`;
  if (a.inline) {
    return (
      <a class="attachment" href={href} target="_blank" rel="noopener noreferrer" style={{ display: "block", marginTop: "6px" }}>
        <img src={href} alt={a.name} loading="lazy" style={{ display: "block", maxWidth: "200px", maxHeight: "160px", borderRadius: "8px", objectFit: "cover" }} />
      </a>
    );
  }
  return (
    <a class="attachment file" href={href} download={a.name} rel="noopener noreferrer" style={{ display: "inline-block", marginTop: "6px" }}>
      ⬇ {a.name} ({formatBytes(a.size)})
    </a>
  );
}

export interface AttachButtonProps {
  readonly t: Translate;
  /** Where and as whom to upload; null before a session. */
  readonly target: () => { readonly origin: string; readonly token: string } | null;
}

/** "Attach an image or PDF" above the message box: picks a file and sends it. */
export function AttachButton({ t, target }: AttachButtonProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Nothing to attach to before the conversation exists.
  if (target() === null) return null;
  const send = async (file: File) => {
    const to = target();
    if (to === null) return;
    setBusy(true);
    setError(null);
    try {
      await uploadFile(`${to.origin}/api/visitor/attachments`, to.token, file);
    } catch (err) {
      setError(t("attachFailed", { message: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div class="attach" style={{ display: "flex", flexWrap: "wrap", alignItems: "center", gap: "4px 8px", padding: "6px 10px 0", borderTop: "1px solid var(--line)", background: "var(--bg)" }}>
      <input
        ref={input}
        type="file"
        accept={ACCEPTED_FILES}
        class="sr"
        tabIndex={-1}
        aria-hidden="true"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = "";
          if (file !== undefined) void send(file);
        }}
      />
      <button class="btn ghost attach-button" type="button" disabled={busy} onClick={() => input.current?.click()} style={{ fontSize: "0.85em", padding: "2px 8px", height: "auto" }}>
        {t("attach")}
      </button>
      {error !== null && (
        <p class="note" role="alert" style={{ flexBasis: "100%", margin: 0 }}>
          {error}
        </p>
      )}
    </div>
  );
}
