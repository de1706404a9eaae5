// What a request got wrong, per field: zod's issues keyed by their field's path ("lines.0.variantIds"),
// the whole input's under `whole`. One message per field: its last issue's.
import type { ZodError } from "zod";

export const issuesByField = (error: ZodError, whole = "body"): Record<string, string> =>
  Object.fromEntries(error.issues.map((i) => [i.path.join(".") || whole, i.message]));
