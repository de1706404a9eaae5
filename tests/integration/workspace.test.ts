// The incident workspace's actions as its forms send them (Remix data requests with the App
// Bridge session token): refund preview then confirm, a compensation code, dismissing, and
// writing to the customer after reading the email first.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveShopSettings } from "../../app/domain/settings/settings.server";
import { startSmtpServer } from "../sandbox/mailbox";
import { appSettled, DEMO_SHOP, setupSandboxWithApp } from "../helpers/sandbox";
import { scenarioHelpers } from "../helpers/scenario";

const ctx = setupSandboxWithApp();
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp?.close());
const { scenario, headers } = scenarioHelpers(ctx);

const route = (id: string) =>
  `${ctx.app.url}/app/incidents/${id}?_data=${encodeURIComponent("routes/app.incidents.$id")}`;
async function submit(id: string, fields: Record<string, string>) {
  const res = await fetch(route(id), {
    method: "POST",
    headers: await headers(),
    body: new URLSearchParams(fields),
  });
  return {
    status: res.status,
    body: (await res.json()) as {
      ok: boolean;
      message: string;
      preview?: { amount: string; quantity: number };
      email?: { to: string; subject: string; text: string; locale: string };
    },
  };
}

describe("incident workspace actions", () => {
  it("loads the incident with its order, timeline and substitutes", async () => {
    const {
      incidents: [incident],
    } = await scenario("oversold");
    const res = await fetch(route(incident.id), { headers: await headers() });
    expect(res.status).toBe(200);
    // The page comes first and the substitutes (asked of Shopify) follow on the same response.
    expect(res.headers.get("content-type")).toContain("text/remix-deferred");
    const [page, ...later] = (await res.text()).split("\n\n").filter(Boolean);
    const data = JSON.parse(page) as {
      incident: { id: string };
      order: { lines: unknown[] };
      timeline: unknown[];
      decisionId: string;
    };
    expect(data).toMatchObject({
      incident: { id: incident.id },
      order: { lines: [expect.objectContaining({ id: incident.subject })] },
      decisionId: expect.any(String),
    });
    // The phone to call first, as the orders webhook carried it (Ioana gave hers at checkout).
    expect(data).toMatchObject({ order: { customer: "Ioana Popescu", phone: "+40721234567" } });
    const streamed = Object.assign({}, ...later.map((chunk) => JSON.parse(chunk.replace(/^data:/, "")))) as {
      substitutes: {
        lines: { incidentId: string; candidates: { line: { id: string }; substitutes: unknown[] } }[];
        error: null;
      };
    };
    // The order's every line one offer covers: here the incident's own.
    expect(streamed.substitutes).toMatchObject({
      error: null,
      lines: [{ incidentId: incident.id, candidates: { line: { id: incident.subject } } }],
    });
    expect(data.timeline.length).toBeGreaterThan(0);
    expect((await fetch(route("someone-elses"), { headers: await headers() })).status).toBe(404);
    expect(await submit(incident.id, { intent: "dismiss", reason: "" })).toMatchObject({
      status: 400,
      body: { ok: false, message: expect.stringContaining("say why") },
    });
    // Every wrong field at once, in words a merchant reads (not the schema's).
    expect(
      await submit(incident.id, {
        intent: "code",
        percentage: "150",
        expiresInDays: "0",
        decisionId: "code-x",
      }),
    ).toMatchObject({
      status: 400,
      body: { ok: false, message: "The discount is from 1 to 100 %. A code is valid for 1 to 365 days" },
    });
    expect(
      (await submit(incident.id, { intent: "dismiss", reason: "customer collected in store" })).body,
    ).toEqual({ ok: true, message: "Incident dismissed" });
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
      status: "dismissed",
      closeReason: "customer collected in store",
    });
  });

  it("previews a refund, then refunds once on confirm even if confirmed twice", async () => {
    const {
      incidents: [incident],
      sandboxOrder,
    } = await scenario("oversold");
    const preview = await submit(incident.id, { intent: "refund_preview", quantity: "2" });
    expect(preview.body).toMatchObject({ ok: true, preview: { amount: "59.90", quantity: 2 } });
    expect(sandboxOrder.refunds).toHaveLength(0); // a preview moves nothing
    const confirm = { intent: "refund", quantity: "2", decisionId: "refund-form-1" };
    expect((await submit(incident.id, confirm)).body).toEqual({ ok: true, message: "Refunded" });
    expect((await submit(incident.id, confirm)).body).toEqual({
      ok: true,
      message: "Already done: Refunded",
    });
    expect(sandboxOrder.refunds).toHaveLength(1);
  });

  it("dismissing a stock incident releases the fulfillment hold it placed, and the stock check does not open it again", async () => {
    const {
      incidents: [incident],
      sandboxOrder,
    } = await scenario("expired-last-unit");
    const fo = ctx.sandbox.store
      .shop(DEMO_SHOP)
      .fulfillmentOrders.find((f) => f.orderId === sandboxOrder.id)!;
    expect(fo.status).toBe("ON_HOLD");
    expect(
      (await submit(incident.id, { intent: "dismiss", reason: "the gift is fine, the count was wrong" }))
        .body,
    ).toEqual({ ok: true, message: "Incident dismissed" });
    await appSettled(ctx);
    expect([fo.status, fo.holds]).toEqual(["OPEN", []]);
    expect(
      (await ctx.db.prisma.incident.findMany({ where: { shop: DEMO_SHOP, orderId: incident.orderId } })).map(
        (i) => i.status,
      ),
    ).toEqual(["dismissed"]);
  });

  it("creates a compensation code, after which the incident is closed rather than dismissed", async () => {
    const {
      incidents: [incident],
    } = await scenario("oversold");
    expect(
      (
        await submit(incident.id, {
          intent: "code",
          percentage: "5",
          expiresInDays: "60",
          decisionId: "code-form-1",
        })
      ).body,
    ).toEqual({ ok: true, message: "Compensation code created" });
    expect(
      await ctx.db.prisma.remedy.findFirst({ where: { incidentId: incident.id, kind: "compensation_code" } }),
    ).toMatchObject({ status: "done", code: expect.stringMatching(/^SORRY-/) });
    expect(await submit(incident.id, { intent: "dismiss", reason: "changed my mind" })).toMatchObject({
      status: 409,
      body: { message: "a remedy was already given for it: close it instead" },
    });
    expect((await submit(incident.id, { intent: "close", reason: "customer thanked us" })).body).toEqual({
      ok: true,
      message: "Incident closed",
    });
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
      status: "closed",
      closeReason: "customer thanked us",
    });
  });

  it("previews a message in the customer's language, sends exactly that, and tells a code once", async () => {
    const {
      incidents: [incident],
    } = await scenario("cod-amount-mismatch"); // a Romanian customer
    await saveShopSettings(ctx.db.prisma, DEMO_SHOP, {
      smtp: smtp.server,
      messages: { ro: { signoff: "Cu drag, echipa {shop}" } },
    });
    smtp.mails.length = 0;
    const note = { kind: "note", locale: "ro", note: "Am vorbit cu curierul: plătești doar suma inițială." };
    const preview = await submit(incident.id, { intent: "message_preview", ...note });
    expect(preview.body).toMatchObject({
      ok: true,
      email: {
        to: incident.customerEmail,
        locale: "ro",
        subject: "Farmacia Demo: despre comanda dumneavoastră " + incident.orderName,
      },
    });
    expect(preview.body.email!.text).toBe(
      `Bună ziua, Ioana,\n\n${note.note}\n\nCu drag, echipa Farmacia Demo`,
    );
    expect(smtp.mails).toHaveLength(0); // a preview sends nothing
    expect(
      await ctx.db.prisma.incidentEvent.count({
        where: { incidentId: incident.id, kind: "customer_message" },
      }),
    ).toBe(0);

    expect((await submit(incident.id, { intent: "message_send", ...note })).body).toEqual({
      ok: true,
      message: `Email sent to ${incident.customerEmail}`,
    });
    expect(smtp.mails.map((m) => [m.subject, m.text?.trim()])).toEqual([
      [preview.body.email!.subject, preview.body.email!.text],
    ]);
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({
      status: "customer_contacted",
      acknowledgedAt: expect.any(Date),
    });

    // The same message in another language, when the merchant picks it.
    expect(
      (await submit(incident.id, { intent: "message_preview", kind: "acknowledge", locale: "en", note: "" }))
        .body.email!.subject,
    ).toBe(`Farmacia Demo: we are on it — your order ${incident.orderName}`);
    // An apology needs a code first; then it tells that code, once.
    expect(
      await submit(incident.id, { intent: "message_send", kind: "apology_code", locale: "ro", note: "" }),
    ).toMatchObject({ status: 409, body: { ok: false, message: "create a compensation code first" } });
    await submit(incident.id, {
      intent: "code",
      percentage: "7",
      expiresInDays: "30",
      decisionId: "code-form-2",
    });
    const { code } = await ctx.db.prisma.remedy.findFirstOrThrow({
      where: { incidentId: incident.id, kind: "compensation_code" },
    });
    const apology = await submit(incident.id, {
      intent: "message_preview",
      kind: "apology_code",
      locale: "ro",
      note: "",
    });
    expect(apology.body.email!.text).toContain(`Codul dumneavoastră: ${code} (introduceți-l la plată).`);
    expect(apology.body.email!.text).toMatch(/o reducere de 7\s%/);
    expect(
      (await submit(incident.id, { intent: "message_send", kind: "apology_code", locale: "ro", note: "" }))
        .body.ok,
    ).toBe(true);
    expect(
      (await submit(incident.id, { intent: "message_send", kind: "apology_code", locale: "ro", note: "" }))
        .body,
    ).toEqual({ ok: false, message: "Not emailed: the customer already has this code" });
    expect(smtp.mails).toHaveLength(2);
    expect(
      await submit(incident.id, { intent: "message_send", kind: "note", locale: "xx", note: "hi" }),
    ).toMatchObject({ status: 400 });
  });
});
