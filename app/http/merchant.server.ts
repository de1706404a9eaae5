// Who acts, as the timeline names them.
import type { Actor } from "../domain/incidents/types";

/** The merchant on the app's own pages: what they did reads "You" on the timeline they look at. */
export const YOU: { actor: Actor; name: string } = { actor: "merchant", name: "You" };

/** Who calls the API with a session token: the staff member it names (its `sub`), or the merchant
 *  when it names none. */
export const apiCaller = (sessionToken: { sub?: string } | undefined): { actor: Actor; name: string } => ({
  actor: "merchant",
  name: sessionToken?.sub ? `staff member ${sessionToken.sub}` : "the merchant",
});
