// What the model layer throws, for the route edge to answer (404) and for logs to name the row.
import type { z } from "zod";

/** No such row in this shop (or at all): routes answer 404. */
export class NotFound extends Error {
  constructor(what: string, id: string, shop: string) {
    super(`no ${what} ${id} in ${shop}`);
    this.name = "NotFound";
  }
}

/** A JSON column that does not read as its schema says: a bug or a hand-edited row, never the
 *  user's doing. The message names the row and each field that failed, so the log says what to fix. */
export class UnreadableRow extends Error {
  constructor(what: string, problem: string) {
    super(`${what} cannot be read: ${problem}`);
    this.name = "UnreadableRow";
  }
}

/**
 * A stored JSON text through its schema; `what` names the row ("order snapshot gid://… of shop").
 * `asStored`: the value is checked and returned as stored, keys in the order they were written,
 * rather than zod's copy (which puts the declared keys first) — only for schemas that change
 * nothing (no defaults, no transforms), where the written order means something.
 */
export function readStoredJson<T extends z.ZodTypeAny>(
  schema: T,
  json: string,
  what: string,
  { asStored = false } = {},
): z.output<T> {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new UnreadableRow(what, "not JSON");
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new UnreadableRow(
      what,
      parsed.error.issues.map((i) => `${i.path.join(".") || "the whole value"}: ${i.message}`).join("; "),
    );
  }
  return asStored ? (raw as z.output<T>) : parsed.data;
}
