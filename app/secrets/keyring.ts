// Secrets at rest (a shop's SMTP password): AES-256-GCM with a key from the environment. Each sealed
// value names the key that sealed it ("enc:v1:<key id>:…"), so the operator can rotate keys without
// losing a secret: the new key seals, the previous ones still open what they sealed, and a value
// sealed by an older key (or stored in plain text before there was a key) is sealed again.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { LEGACY_PLAIN } from "./legacy";

export type Key = { id: string; bytes: Buffer };
export type Keyring = { current: Key; previous: Key[] };

const PREFIX = "enc:v1:";

export class KeyError extends Error {}

/** A 32-byte key written as base64 (openssl rand -base64 32) or 64 hex digits; its id is a short
 *  digest of it, so a sealed value says which key opens it without saying anything of the key. */
export function parseKey(text: string): Key {
  const trimmed = text.trim();
  const bytes = /^[0-9a-fA-F]{64}$/.test(trimmed)
    ? Buffer.from(trimmed, "hex")
    : /^[A-Za-z0-9+/]{43}=?$/.test(trimmed)
      ? Buffer.from(trimmed, "base64")
      : null;
  if (!bytes || bytes.length !== 32)
    throw new KeyError("must be 32 random bytes as base64 (openssl rand -base64 32) or 64 hex digits");
  return { id: createHash("sha256").update(bytes).digest("hex").slice(0, 8), bytes };
}

export function makeKeyring(current: string, previous = ""): Keyring {
  return {
    current: parseKey(current),
    previous: previous
      .split(",")
      .map((k) => k.trim())
      .filter(Boolean)
      .map(parseKey),
  };
}

export function seal(keyring: Keyring, secret: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyring.current.bytes, iv);
  // The key id is bound to the ciphertext, so a value cannot be passed off as another key's.
  cipher.setAAD(Buffer.from(keyring.current.id));
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return `${PREFIX}${keyring.current.id}:${[iv, body, cipher.getAuthTag()].map((b) => b.toString("base64url")).join(":")}`;
}

export class SecretUnreadable extends Error {}

/** The secret in a sealed value; throws SecretUnreadable when no key of the ring opens it. */
export function open(keyring: Keyring, sealed: string): string {
  if (sealed.startsWith(LEGACY_PLAIN)) return sealed.slice(LEGACY_PLAIN.length);
  const parts = sealed.startsWith(PREFIX) ? sealed.slice(PREFIX.length).split(":") : [];
  if (parts.length !== 4) throw new SecretUnreadable("not a sealed secret");
  const [id, iv, body, tag] = parts;
  const key = [keyring.current, ...keyring.previous].find((k) => k.id === id);
  if (!key)
    throw new SecretUnreadable(
      `sealed with key ${id}, which is neither ENCRYPTION_KEY nor in ENCRYPTION_KEYS_PREVIOUS`,
    );
  try {
    const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(iv, "base64url"));
    decipher.setAAD(Buffer.from(id));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString(
      "utf8",
    );
  } catch {
    throw new SecretUnreadable(`sealed with key ${id}, but it does not open with it (altered?)`);
  }
}

/** Whether a stored value should be sealed again: plain text, or sealed by a key other than the current. */
export const needsResealing = (keyring: Keyring, sealed: string) =>
  !sealed.startsWith(`${PREFIX}${keyring.current.id}:`);

export const reseal = (keyring: Keyring, sealed: string) =>
  needsResealing(keyring, sealed) ? seal(keyring, open(keyring, sealed)) : sealed;
