// The app's keyring (ENCRYPTION_KEY, ENCRYPTION_KEYS_PREVIOUS) applied: what the rest of the app calls.
// Built on first use from those two variables alone: the webhook worker and the CLI read settings
// without the rest of the app's configuration (no Shopify key), and must not fail on it. The app
// itself validates both at start (app/env.server.ts).
import { KeyError, makeKeyring, needsResealing, open, reseal, seal, type Keyring } from "./keyring";

let ring: Keyring | undefined;
function keyring(): Keyring {
  if (!ring) {
    const current = process.env.ENCRYPTION_KEY;
    if (!current) throw new KeyError("ENCRYPTION_KEY is missing (32 random bytes: openssl rand -base64 32)");
    ring = makeKeyring(current, process.env.ENCRYPTION_KEYS_PREVIOUS ?? "");
  }
  return ring;
}

export const sealSecret = (secret: string) => seal(keyring(), secret);
export const openSecret = (sealed: string) => open(keyring(), sealed);
export const resealSecret = (sealed: string) => reseal(keyring(), sealed);
export const secretNeedsResealing = (sealed: string) => needsResealing(keyring(), sealed);
