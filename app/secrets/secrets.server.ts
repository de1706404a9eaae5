// The app's keyring (ENCRYPTION_KEY, ENCRYPTION_KEYS_PREVIOUS) applied: what the rest of the app calls.
import { env } from "../env.server";
import { needsResealing, open, reseal, seal } from "./keyring";

export const sealSecret = (secret: string) => seal(env.keyring, secret);
export const openSecret = (sealed: string) => open(env.keyring, sealed);
export const resealSecret = (sealed: string) => reseal(env.keyring, sealed);
export const secretNeedsResealing = (sealed: string) => needsResealing(env.keyring, sealed);
