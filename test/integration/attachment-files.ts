/** Small files for attachment tests: real magic bytes, and hostile look-alikes. */
export const PNG_1X1 = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<< /Type /Catalog >>endobj\ntrailer<< /Root 1 0 R >>\n%%EOF\n");
export const HTML = Buffer.from("<!doctype html><html><body><script>window.__pwned = 1; document.title = 'pwned'</script><h1>pwned</h1></body></html>");
/** A GIF header followed by a page: sniffed as a GIF, and must never run as HTML. */
export const GIF_HTML_POLYGLOT = Buffer.concat([Buffer.from("GIF89a\x01\x00\x01\x00\x00\x00\x00;", "latin1"), HTML]);
/** A PDF that carries a page after its header, uploaded as "invoice.html". */
export const PDF_HTML_POLYGLOT = Buffer.concat([PDF, HTML]);

/** Uploads bytes as the widget or console does (raw body, name in the query). */
export async function upload(url: string, path: string, token: string | null, name: string, bytes: Uint8Array): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${url}${path}?name=${encodeURIComponent(name)}`, {
    method: "POST",
    headers: { "content-type": "application/octet-stream", ...(token === null ? {} : { authorization: `Bearer ${token}` }) },
    body: new Blob([new Uint8Array(bytes)]),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}
