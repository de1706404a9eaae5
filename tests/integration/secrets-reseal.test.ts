// `npm run cli -- secrets reseal` as the operator runs it after rotating ENCRYPTION_KEY: a shop's SMTP
// password sealed by the old key, and one stored in clear by an older version (the one-URL `smtpUrl`
// form), come out sealed by the new key and open to the same password with the new key alone; the
// rest of each shop's settings stays as stored; a second run changes nothing.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { makeKeyring, open, seal } from "../../app/secrets/keyring";
import { appEnv } from "../helpers/app-server";
import { projectRoot, providers } from "../helpers/database";
import { useTestDatabase } from "../helpers/test-database";

const OLD_KEY = randomBytes(32).toString("base64");
const NEW_KEY = randomBytes(32).toString("base64");
const oldRing = makeKeyring(OLD_KEY);
const newRing = makeKeyring(NEW_KEY); // the new key alone: what opens the secrets once the old key is retired

const ROTATED = "rotated.myshopify.com"; // sealed by the old key
const LEGACY = "legacy.myshopify.com"; // saved before the mail server had fields: one URL, password in clear
const CURRENT = "current.myshopify.com"; // already sealed by the new key
const NO_MAIL = "no-mail.myshopify.com"; // no mail server of its own

const ROTATED_PASSWORD = "Tr0ub4dor&3-smtp";
const LEGACY_PASSWORD = "p@ss:wörd/42";
const CURRENT_PASSWORD = "correct horse battery staple";

/** The CLI as the operator runs it after the rotation: the new key, the old one in the previous keys. */
async function reseal(databaseUrl: string) {
  const run = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = execFile(
      process.execPath,
      ["--import", "tsx", path.join(projectRoot, "scripts/cli.ts"), "secrets", "reseal"],
      {
        cwd: projectRoot,
        env: appEnv({
          DATABASE_URL: databaseUrl,
          ENCRYPTION_KEY: NEW_KEY,
          ENCRYPTION_KEYS_PREVIOUS: OLD_KEY,
        }),
      },
      (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
    );
  });
  const summary = run.stdout.trim().split("\n").at(-1) ?? "";
  return {
    ...run,
    summary: (summary.startsWith("{") ? JSON.parse(summary) : null) as {
      event: string;
      shops: number;
      resealed: number;
      unreadable: number;
    } | null,
  };
}

describe.each(providers)("secrets reseal on %s", (provider) => {
  const ctx = useTestDatabase(provider);
  const rows = async () =>
    Object.fromEntries((await ctx.db.prisma.shopSettings.findMany()).map((r) => [r.shop, r.data]));
  const stored = async (shop: string) =>
    JSON.parse((await ctx.db.prisma.shopSettings.findUniqueOrThrow({ where: { shop } })).data) as Record<
      string,
      unknown
    > & {
      smtp?: { host: string; port: number; user: string | null; password: string | null };
    };

  it("seals every SMTP password with the new key, the same password inside, and a second run changes nothing", async () => {
    const smtp = (password: string) => ({
      host: "smtp.example.com",
      port: 587,
      user: "hola@farmacia.example",
      password,
    });
    await ctx.db.prisma.shopSettings.createMany({
      data: [
        {
          shop: ROTATED,
          data: JSON.stringify({ handlingDays: 4, smtp: smtp(seal(oldRing, ROTATED_PASSWORD)) }),
        },
        {
          shop: LEGACY,
          data: JSON.stringify({
            holidays: ["2026-12-25"],
            smtpUrl: `smtps://hola%40tienda.example:${encodeURIComponent(LEGACY_PASSWORD)}@mail.tienda.example:465`,
          }),
        },
        { shop: CURRENT, data: JSON.stringify({ smtp: smtp(seal(newRing, CURRENT_PASSWORD)) }) },
        { shop: NO_MAIL, data: JSON.stringify({ handlingDays: 1 }) },
      ],
    });
    const before = await rows();
    expect(before[ROTATED]).toContain(`enc:v1:${oldRing.current.id}:`);
    expect(before[LEGACY]).toContain(encodeURIComponent(LEGACY_PASSWORD));

    const first = await reseal(ctx.db.url);
    expect(first.stderr).toBe("");
    expect(first.code).toBe(0);
    expect(first.summary).toEqual({ event: "secrets_resealed", shops: 4, resealed: 2, unreadable: 0 });

    const sealedByNewKey = new RegExp(`^enc:v1:${newRing.current.id}:`);
    const rotated = await stored(ROTATED);
    expect(rotated.smtp).toMatchObject({
      host: "smtp.example.com",
      port: 587,
      user: "hola@farmacia.example",
      password: expect.stringMatching(sealedByNewKey),
    });
    expect(open(newRing, rotated.smtp!.password!)).toBe(ROTATED_PASSWORD);
    expect(rotated.handlingDays).toBe(4);

    // The clear URL is gone: its server as fields, its password sealed, nothing of it in clear.
    const legacy = await stored(LEGACY);
    expect(legacy.smtpUrl).toBeUndefined();
    expect(legacy.smtp).toMatchObject({
      host: "mail.tienda.example",
      port: 465,
      user: "hola@tienda.example",
      password: expect.stringMatching(sealedByNewKey),
    });
    expect(open(newRing, legacy.smtp!.password!)).toBe(LEGACY_PASSWORD);
    expect(legacy.holidays).toEqual(["2026-12-25"]);
    const legacyRow = (await rows())[LEGACY];
    for (const clear of [LEGACY_PASSWORD, encodeURIComponent(LEGACY_PASSWORD), "plain:"])
      expect(legacyRow).not.toContain(clear);

    // Already sealed by the new key, or nothing to seal: the rows are as they were.
    const after = await rows();
    expect(after[CURRENT]).toBe(before[CURRENT]);
    expect(after[NO_MAIL]).toBe(before[NO_MAIL]);

    // Run again: nothing left to seal, not a byte changes.
    const second = await reseal(ctx.db.url);
    expect(second.code).toBe(0);
    expect(second.summary).toEqual({ event: "secrets_resealed", shops: 4, resealed: 0, unreadable: 0 });
    expect(await rows()).toEqual(after);
  });

  it("names a password no key opens, leaves it as it is, still seals the other shops, and exits with failure", async () => {
    await ctx.db.prisma.shopSettings.deleteMany();
    const forgotten = makeKeyring(randomBytes(32).toString("base64")); // a key the operator left out of ENCRYPTION_KEYS_PREVIOUS
    const lost = JSON.stringify({
      smtp: {
        host: "smtp.example.com",
        port: 587,
        user: "a@lost.example",
        password: seal(forgotten, "gone"),
      },
    });
    // Named so that the shop with the lost key comes first: it must not stop the ones after it.
    await ctx.db.prisma.shopSettings.createMany({
      data: [
        { shop: "a-lost-key.myshopify.com", data: lost },
        {
          shop: ROTATED,
          data: JSON.stringify({
            smtp: {
              host: "smtp.example.com",
              port: 587,
              user: null,
              password: seal(oldRing, ROTATED_PASSWORD),
            },
          }),
        },
      ],
    });

    const run = await reseal(ctx.db.url);
    expect(run.code).toBe(1);
    expect(run.summary).toEqual({ event: "secrets_resealed", shops: 2, resealed: 1, unreadable: 1 });
    expect(run.stderr).toContain(
      `a-lost-key.myshopify.com: its SMTP password was left as it is: sealed with key ${forgotten.current.id}, which is neither ENCRYPTION_KEY nor in ENCRYPTION_KEYS_PREVIOUS`,
    );
    expect((await rows())["a-lost-key.myshopify.com"]).toBe(lost);
    expect(open(newRing, (await stored(ROTATED)).smtp!.password!)).toBe(ROTATED_PASSWORD);
  });
});
