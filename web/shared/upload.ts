import type { PresentedMessage } from "../../src/app/events.js";

/** The types the file pickers offer (the server decides by the bytes). */
export const ACCEPTED_FILES = "image/png,image/jpeg,image/gif,image/webp,application/pdf";

/**
 * Sends a file as an attachment: the raw bytes, the name in the query, the bearer token.
 * Rejects with the server's message (too large, not an image or PDF, too many files).
 *
 * @example
 * const message = await uploadFile(`${origin}/api/visitor/attachments`, token, file);
 */
export async function uploadFile(endpoint: string, token: string, file: File): Promise<PresentedMessage> {
  const res = await fetch(`${endpoint}?name=${encodeURIComponent(file.name.slice(0, 200) || "file")}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream", authorization: `Bearer ${token}` },
    body: file,
  });
  const body = (await res.json().catch(() => null)) as { message?: string } | null;
  if (!res.ok) throw new Error(res.status === 413 ? "the file is too large" : (body?.message ?? `HTTP ${res.status}`));
  return body as PresentedMessage;
}

/** "1.2 MB", "340 kB". */
export function formatBytes(n: number): string {
  return n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} MB` : `${Math.max(1, Math.round(n / 1000))} kB`;
}
