// The mail server's checks through the settings page, as its form sends it, on an app with no
// private network allowed (production): the mail server cannot point inside the network, "Test
// connection" says why in words, and the password is write-only — sealed in the database, never
// sent back to the page (before, the whole smtps://user:password@… URL was in both).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getShopSettings } from "../../app/domain/settings/settings.server";
import { DEMO_SHOP, installApp, setupSandboxWithApp } from "../helpers/sandbox";
import { scenarioHelpers } from "../helpers/scenario";
import { startSmtpServer } from "../sandbox/mailbox";

const ctx = setupSandboxWithApp("sqlite", { SMTP_ALLOW_PRIVATE_NETWORKS: undefined });
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp?.close());

const route = `routes/app.settings`;
const url = () => `${ctx.app.url}/app/settings?_data=${encodeURIComponent(route)}`;
const { headers } = scenarioHelpers(ctx);
type Page = { fields: Record<string, string>; passwordSet?: boolean };
const page = async () => (await (await fetch(url(), { headers: await headers() })).json()) as Page;
async function post(fields: Record<string, string>) {
  const res = await fetch(url(), {
    method: "POST",
    headers: await headers(),
    body: new URLSearchParams(fields),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as { ok: boolean; errors?: Record<string, string>; message?: string };
}
const storedRow = async () =>
  (await ctx.db.prisma.shopSettings.findUnique({ where: { shop: DEMO_SHOP } }))?.data ?? "";
const PASSWORD = "Tr0ub4dor&3-smtp";

describe("the shop's mail server on the settings page", () => {
  it("refuses a server inside the network or off the mail ports, in words, and saves nothing", async () => {
    expect(await installApp(ctx)).toBe(200);
    const { fields } = await page();
    for (const [host, port, field, words] of [
      [
        "127.0.0.1",
        "1",
        "smtpHost",
        "127.0.0.1: it is a private or reserved address, which the app does not connect to",
      ],
      ["169.254.169.254", "25", "smtpHost", "169.254.169.254: it is a private or reserved address"],
      ["10.0.0.5", "587", "smtpHost", "10.0.0.5: it is a private or reserved address"],
      ["localhost", "587", "smtpHost", "localhost is not a public server's name"],
      [
        "smtp.farmacia.example",
        "6379",
        "smtpPort",
        "Port 6379 is not a mail port: use 465 (SSL/TLS), 587 (STARTTLS), 25 or 2525.",
      ],
      ["smtp://smtp.farmacia.example:465?proxy=http://10.0.0.1", "465", "smtpHost", "is not a server's name"],
    ]) {
      const answer = await post({ ...fields, smtpHost: host, smtpPort: port });
      expect(answer.ok, host).toBe(false);
      expect(answer.errors?.[field], host).toContain(words);
    }
    expect((await getShopSettings(ctx.db.prisma, DEMO_SHOP)).smtp).toBeNull();
  });

  it("tests a server inside the network without connecting to it: the same words whether a port is open or not", async () => {
    expect(await installApp(ctx)).toBe(200);
    const test = (port: number) =>
      post({
        intent: "test-smtp",
        smtpHost: "127.0.0.1",
        smtpPort: String(port),
        smtpUser: "",
        smtpPassword: "",
      });
    const open = await test(smtp.server.port);
    const closed = await test(1);
    expect(open).toEqual({
      test: true,
      ok: false,
      message:
        "127.0.0.1: it is a private or reserved address, which the app does not connect to: use your mail provider's public server.",
    });
    expect(closed).toEqual(open);
    expect(await post({ intent: "test-smtp", smtpHost: "localhost", smtpPort: "587" })).toMatchObject({
      ok: false,
      message: expect.stringMatching(
        /^localhost \((127\.0\.0\.1|::1)\): it is a private or reserved address/,
      ),
    });
  });

  it("keeps the password write-only: sealed at rest, never on the page, kept, replaced or removed", async () => {
    expect(await installApp(ctx)).toBe(200);
    const { fields } = await page();
    const saved = await post({
      ...fields,
      smtpHost: "smtp.farmacia.example",
      smtpPort: "465",
      smtpUser: "hola@farmacia.example",
      smtpPassword: PASSWORD,
    });
    expect(saved).toMatchObject({ ok: true });
    expect(await storedRow()).not.toContain(PASSWORD);
    expect((await getShopSettings(ctx.db.prisma, DEMO_SHOP)).smtp?.password).toMatch(/^enc:v1:[0-9a-f]{8}:/);
    const shown = await page();
    expect(JSON.stringify(shown)).not.toContain(PASSWORD);
    expect(JSON.stringify(shown)).not.toContain("enc:v1");
    expect(shown).toMatchObject({
      passwordSet: true,
      fields: {
        smtpHost: "smtp.farmacia.example",
        smtpPort: "465",
        smtpUser: "hola@farmacia.example",
        smtpPassword: "",
      },
    });

    // Saved again without typing it: kept as it was.
    const sealed = (await getShopSettings(ctx.db.prisma, DEMO_SHOP)).smtp?.password;
    expect(await post({ ...shown.fields, handlingDays: "3" })).toMatchObject({ ok: true });
    expect((await getShopSettings(ctx.db.prisma, DEMO_SHOP)).smtp?.password).toBe(sealed);
    // Another server does not get it without typing it again.
    const moved = await post({ ...shown.fields, smtpHost: "smtp.attacker.example" });
    expect(moved).toMatchObject({
      ok: false,
      errors: {
        smtpPassword:
          "The saved password is for smtp.farmacia.example: type the password for smtp.attacker.example, or tick “Remove the saved password”.",
      },
    });
    expect(
      await post({
        intent: "test-smtp",
        smtpHost: "smtp.attacker.example",
        smtpPort: "465",
        smtpUser: "hola@farmacia.example",
      }),
    ).toMatchObject({
      ok: false,
      message:
        "The saved password is for smtp.farmacia.example: type the password for smtp.attacker.example to test it.",
    });
    // Removed.
    expect(await post({ ...shown.fields, smtpPasswordRemove: "on" })).toMatchObject({ ok: true });
    expect(await page()).toMatchObject({ passwordSet: false });
    expect((await getShopSettings(ctx.db.prisma, DEMO_SHOP)).smtp).toMatchObject({
      host: "smtp.farmacia.example",
      password: null,
    });
  });

  it("reads a password an older version stored in clear, never shows it, and seals it at the next save", async () => {
    expect(await installApp(ctx)).toBe(200);
    const data = JSON.stringify({
      handlingDays: 4,
      smtpUrl: `smtps://hola%40farmacia.example:${encodeURIComponent(PASSWORD)}@smtp.farmacia.example:465?tls.rejectUnauthorized=false`,
    });
    await ctx.db.prisma.shopSettings.upsert({
      where: { shop: DEMO_SHOP },
      create: { shop: DEMO_SHOP, data },
      update: { data },
    });
    const shown = await page();
    expect(JSON.stringify(shown)).not.toContain(PASSWORD);
    expect(shown).toMatchObject({
      passwordSet: true,
      fields: { smtpHost: "smtp.farmacia.example", smtpPort: "465", smtpUser: "hola@farmacia.example" },
    });
    expect(await post({ ...shown.fields })).toMatchObject({ ok: true });
    const row = await storedRow();
    expect(row).not.toContain(PASSWORD);
    expect(row).not.toContain("smtpUrl");
    expect(row).not.toContain("rejectUnauthorized");
    expect(JSON.parse(row).smtp.password).toMatch(/^enc:v1:/);
  });
});
