// Secrets at rest are sealed (AES-256-GCM, a key from the environment) and the
// keys can be rotated without losing one; a value stored in clear keeps working until sealed.
import { describe, expect, it } from "vitest";
import { makeKeyring, needsResealing, open, reseal, seal, SecretUnreadable } from "../../app/secrets/keyring";
import { readSettings } from "../../app/domain/settings/settings";

const OLD = "efY9CjwOxS2DsIGHx7yFec273gNHRZ1zRSHvn7aCv4k=";
const NEW = "b1f0c8a2d4e6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7081";

describe("sealed secrets", () => {
  it("never hold the secret in clear, and each sealing differs", () => {
    const ring = makeKeyring(OLD);
    const a = seal(ring, "hunter2-smtp");
    const b = seal(ring, "hunter2-smtp");
    expect(a).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    expect(a).not.toContain("hunter2");
    expect(a).not.toBe(b);
    expect(open(ring, a)).toBe("hunter2-smtp");
  });

  it("open with a previous key after rotation, and are sealed again with the new one", () => {
    const sealedOld = seal(makeKeyring(OLD), "s3cret");
    const rotated = makeKeyring(NEW, OLD);
    expect(open(rotated, sealedOld)).toBe("s3cret");
    expect(needsResealing(rotated, sealedOld)).toBe(true);
    const sealedNew = reseal(rotated, sealedOld);
    expect(needsResealing(rotated, sealedNew)).toBe(false);
    // Once resealed, the old key can go.
    expect(open(makeKeyring(NEW), sealedNew)).toBe("s3cret");
    expect(() => open(makeKeyring(NEW), sealedOld)).toThrow(SecretUnreadable);
  });

  it("refuse a value altered at rest", () => {
    const ring = makeKeyring(OLD);
    const sealed = seal(ring, "s3cret");
    const parts = sealed.split(":");
    parts[4] = Buffer.from("other!").toString("base64url");
    expect(() => open(ring, parts.join(":"))).toThrow(SecretUnreadable);
  });

  it("read a password stored in clear by an older version, marked to be sealed", () => {
    const settings = readSettings({
      smtpUrl:
        "smtps://hola%40farmacia.example:p%40ss@smtp.farmacia.example:465?proxy=socks5://10.0.0.1:1080&tls.rejectUnauthorized=false",
    });
    // The URL's options (a proxy, certificate checks off) are gone: only server, port, login, password.
    expect(settings.smtp).toEqual({
      host: "smtp.farmacia.example",
      port: 465,
      user: "hola@farmacia.example",
      password: "plain:p@ss",
    });
    const ring = makeKeyring(OLD);
    expect(open(ring, settings.smtp!.password!)).toBe("p@ss");
    expect(needsResealing(ring, settings.smtp!.password!)).toBe(true);
  });
});
