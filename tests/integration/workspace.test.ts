// The incident workspace's actions as its forms send them (Remix data requests with the App
// Bridge session token): refund preview then confirm, a compensation code, and dismissing.
import { describe, expect, it } from "vitest";
import { BROWSER_UA } from "../helpers/app-server";
import { appSettled, DEMO_SHOP, installApp, setupSandboxWithApp } from "../helpers/sandbox";

const ctx = setupSandboxWithApp();
const gid = (type: string, id: number) => `gid://shopify/${type}/${id}`;

async function scenario(name: string) {
  expect(await installApp(ctx)).toBe(200);
  const res = await fetch(`${ctx.sandbox.url}/sandbox/scenarios/${name}?shop=${DEMO_SHOP}`, { method: "POST" });
  const { order } = (await res.json()) as { order: { id: string } };
  await appSettled(ctx);
  const [incident] = await ctx.db.prisma.incident.findMany({ where: { shop: DEMO_SHOP, orderId: order.id } });
  return { incident, sandboxOrder: ctx.sandbox.store.shop(DEMO_SHOP).orders.find((o) => gid("Order", o.id) === order.id)! };
}

const route = (id: string) => `${ctx.app.url}/app/incidents/${id}?_data=${encodeURIComponent("routes/app.incidents.$id")}`;
async function headers() {
  return { "User-Agent": BROWSER_UA, Authorization: `Bearer ${await ctx.sandbox.auth.sessionToken(DEMO_SHOP)}` };
}
async function submit(id: string, fields: Record<string, string>) {
  const res = await fetch(route(id), { method: "POST", headers: await headers(), body: new URLSearchParams(fields) });
  return { status: res.status, body: (await res.json()) as { ok: boolean; message: string; preview?: { amount: string; quantity: number } } };
}

describe("incident workspace actions", () => {
  it("loads the incident with its order, timeline and substitutes", async () => {
    const { incident } = await scenario("oversold");
    const res = await fetch(route(incident.id), { headers: await headers() });
    expect(res.status).toBe(200);
    const data = (await res.json()) as { incident: { id: string }; order: { lines: unknown[] }; timeline: unknown[]; candidates: unknown; decisionId: string };
    expect(data).toMatchObject({ incident: { id: incident.id }, order: { lines: [expect.objectContaining({ id: incident.subject })] }, decisionId: expect.any(String) });
    expect(data.timeline.length).toBeGreaterThan(0);
    expect((await fetch(route("someone-elses"), { headers: await headers() })).status).toBe(404);
    expect(await submit(incident.id, { intent: "dismiss", reason: "" })).toMatchObject({ status: 400, body: { ok: false, message: expect.stringContaining("say why") } });
    expect((await submit(incident.id, { intent: "dismiss", reason: "customer collected in store" })).body).toEqual({ ok: true, message: "Incident dismissed" });
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ status: "dismissed", closeReason: "customer collected in store" });
  });

  it("previews a refund, then refunds once on confirm even if confirmed twice", async () => {
    const { incident, sandboxOrder } = await scenario("oversold");
    const preview = await submit(incident.id, { intent: "refund_preview", quantity: "2" });
    expect(preview.body).toMatchObject({ ok: true, preview: { amount: "59.90", quantity: 2 } });
    expect(sandboxOrder.refunds).toHaveLength(0); // a preview moves nothing
    const confirm = { intent: "refund", quantity: "2", decisionId: "refund-form-1" };
    expect((await submit(incident.id, confirm)).body).toEqual({ ok: true, message: "Refunded" });
    expect((await submit(incident.id, confirm)).body).toEqual({ ok: true, message: "Already done: Refunded" });
    expect(sandboxOrder.refunds).toHaveLength(1);
  });

  it("creates a compensation code, after which the incident is closed rather than dismissed", async () => {
    const { incident } = await scenario("oversold");
    expect((await submit(incident.id, { intent: "code", percentage: "5", expiresInDays: "60", decisionId: "code-form-1" })).body).toEqual({ ok: true, message: "Compensation code created" });
    expect(await ctx.db.prisma.remedy.findFirst({ where: { incidentId: incident.id, kind: "compensation_code" } })).toMatchObject({ status: "done", code: expect.stringMatching(/^SORRY-/) });
    expect(await submit(incident.id, { intent: "dismiss", reason: "changed my mind" })).toMatchObject({ status: 409, body: { message: "an incident remedied cannot become dismissed" } });
    expect((await submit(incident.id, { intent: "close", reason: "customer thanked us" })).body).toEqual({ ok: true, message: "Incident closed" });
    expect(await ctx.db.prisma.incident.findUniqueOrThrow({ where: { id: incident.id } })).toMatchObject({ status: "closed", closeReason: "customer thanked us" });
  });
});
