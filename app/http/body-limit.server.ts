// How much of a request body the app reads, per route family, and the reading itself: the
// declared Content-Length is judged before a byte is read, and a body that comes without one
// (chunked) is read only up to the cap. JSON is parsed here; what it must hold, by the caller.
import { json } from "@remix-run/node";

/** Bytes each family of routes reads at most. */
export const BODY_LIMITS = {
  // Shopify's webhook bodies: its largest orders (hundreds of lines, long notes) stay well below.
  webhook: 5 * 1024 * 1024,
  // The app's JSON API (/api/*): a remedy, an offer or a flag is a few hundred bytes.
  api: 64 * 1024,
  // A customer's answer on the offer page: one choice and a token.
  form: 64 * 1024,
} as const;

export type Capped<T> = { ok: true; value: T } | { ok: false; response: Response };

/** 413, and the connection closed: what the client still sends is not read. */
export function tooLarge(limit: number): Response {
  return new Response(`The request body is larger than the ${limit} bytes this address accepts`, {
    status: 413,
    headers: { "Content-Type": "text/plain; charset=utf-8", Connection: "close" },
  });
}

/** The body's bytes, or 413 once it is known to pass `limit`. */
export async function readBytesWithin(request: Request, limit: number): Promise<Capped<Uint8Array>> {
  const declared = Number(request.headers.get("content-length"));
  if (declared > limit) return { ok: false, response: tooLarge(limit) };
  if (!request.body) return { ok: true, value: new Uint8Array() };
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    // Stop here without cancelling: cancelling destroys the socket, and the 413 with it. The
    // answer closes the connection instead (Connection: close).
    if (size > limit) return (reader.releaseLock(), { ok: false, response: tooLarge(limit) });
    chunks.push(value);
  }
  return { ok: true, value: Buffer.concat(chunks) };
}

/** The body as UTF-8 text, within `limit`. */
export async function readTextWithin(request: Request, limit: number): Promise<Capped<string>> {
  const bytes = await readBytesWithin(request, limit);
  return bytes.ok ? { ok: true, value: Buffer.from(bytes.value).toString("utf8") } : bytes;
}

/** The body as JSON within `limit`; `undefined` when it is not JSON (the caller words that 400). */
export async function readJsonWithin(request: Request, limit: number): Promise<Capped<unknown>> {
  const text = await readTextWithin(request, limit);
  if (!text.ok) return text;
  try {
    return { ok: true, value: JSON.parse(text.value) as unknown };
  } catch {
    return { ok: true, value: undefined };
  }
}

/** A JSON body within `limit` (the API's by default), or the response that refuses it: 413 too
 *  large, 400 not JSON. */
export async function readJsonBody(
  request: Request,
  limit: number = BODY_LIMITS.api,
): Promise<Capped<unknown>> {
  const read = await readJsonWithin(request, limit);
  if (read.ok && read.value === undefined)
    return { ok: false, response: json({ error: "the body must be JSON" }, { status: 400 }) };
  return read;
}

/** A form (urlencoded or multipart) within `limit`; a larger one is thrown as the 413 Response. */
export async function readFormWithin(request: Request, limit: number): Promise<FormData> {
  const bytes = await readBytesWithin(request, limit);
  if (!bytes.ok) throw bytes.response;
  const type = request.headers.get("content-type") ?? "application/x-www-form-urlencoded";
  return new Request(request.url, {
    method: "POST",
    headers: { "Content-Type": type },
    body: new Uint8Array(bytes.value),
  }).formData();
}
