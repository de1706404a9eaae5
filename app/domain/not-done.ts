// Why the domain did not do what it was asked, in its own words. The route edge turns each reason
// into an HTTP status in one place (app/http/outcome.server.ts); the CLI and the jobs read `error`.

export type Reason =
  /** What was asked is not a thing the domain can do (a substitute that cannot be offered, a dismissal without a reason). */
  | "invalid"
  /** Nothing of that id in the shop. */
  | "not_found"
  /** Not in the state things are in now (closed, already done, changed meanwhile, answered right now). */
  | "conflict"
  /** Shopify (or a rule before it) said no, in the words kept in `error`: the same again gets the same no. */
  | "refused"
  /** Shopify could not be reached: the same again is safe, and may work. */
  | "unreachable";

export type NotDone<R extends Reason = Reason> = { ok: false; reason: R; error: string };
