// Reads a posted form with a size limit, so a huge paste cannot exhaust memory.
// Above the limit the request is answered with 413 and nothing is written.
export const MAX_FORM_BYTES = 1024 * 1024;

export async function readForm(request: Request, maxBytes = MAX_FORM_BYTES): Promise<FormData> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) throw new Response("Payload Too Large", { status: 413 });
  if (!request.body) return request.formData();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw new Response("Payload Too Large", { status: 413 });
    }
    chunks.push(value);
  }
  const body = Buffer.concat(chunks);
  return new Response(body, { headers: { "Content-Type": request.headers.get("Content-Type") ?? "" } }).formData();
}

/** The client's address as the server (server.js) saw it; a proxy is only trusted when configured. */
export function clientIp(context: { clientIp?: unknown } | undefined): string {
  return typeof context?.clientIp === "string" ? context.clientIp : "unknown";
}
