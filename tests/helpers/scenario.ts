// The sandbox's named cases (tests/sandbox/scenarios.ts) played against the app, and the merchant's
// side of the app's HTTP API: one place that knows the scenario endpoint, the session token the
// admin's pages send, and where to find what the app made of a case.
import { expect } from "vitest";
import { gid } from "../sandbox/ids";
import type { Sandbox } from "../sandbox/server";
import { BROWSER_UA } from "./app-server";
import { appSettled, DEMO_SHOP, installApp, type AppContext } from "./sandbox";

export { gid };

export type PlayedOrder = { id: string; name: string };

/**
 * Plays the named scenario for the demo shop in the sandbox at `sandboxUrl` (`params`: the
 * scenario's own, such as `code`); the order it placed. The browser tests play through it too
 * (person.ts), against the launcher's sandbox.
 */
export async function play(
  sandboxUrl: string,
  name: string,
  params: Record<string, string> = {},
): Promise<PlayedOrder> {
  const query = new URLSearchParams({ shop: DEMO_SHOP, ...params });
  const res = await fetch(`${sandboxUrl}/sandbox/scenarios/${name}?${query}`, { method: "POST" });
  if (!res.ok) throw new Error(`scenario ${name}: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { order: PlayedOrder }).order;
}

/** What a page of the app sends as the merchant in the admin: a browser, and App Bridge's session token. */
export async function headers(ctx: { sandbox: Sandbox }) {
  return {
    "User-Agent": BROWSER_UA,
    Authorization: `Bearer ${await ctx.sandbox.auth.sessionToken(DEMO_SHOP)}`,
  };
}

/** The sandbox's own record of an order the app knows by its global id. */
export function sandboxOrderOf(ctx: { sandbox: Sandbox }, orderId: string) {
  const order = ctx.sandbox.store.shop(DEMO_SHOP).orders.find((o) => gid("Order", o.id) === orderId);
  if (!order) throw new Error(`the sandbox has no order ${orderId}`);
  return order;
}

/**
 * On the installed app: plays the scenario and waits until the app has applied its webhooks and
 * the detection due; the order, the incidents opened on it (oldest first) and the sandbox's order.
 */
export async function scenario(ctx: AppContext, name: string, params: Record<string, string> = {}) {
  expect(await installApp(ctx)).toBe(200);
  const order = await play(ctx.sandbox.url, name, params);
  await appSettled(ctx);
  const incidents = await ctx.db.prisma.incident.findMany({
    where: { shop: DEMO_SHOP, orderId: order.id },
    orderBy: { openedAt: "asc" },
  });
  return { order, incidents, sandboxOrder: sandboxOrderOf(ctx, order.id) };
}

/** The app's JSON API as its pages call it: GET without a body, POST with one. */
export async function api(ctx: AppContext, path: string, body?: unknown) {
  const res = await fetch(`${ctx.app.url}${path}`, {
    method: body === undefined ? "GET" : "POST",
    headers: { ...(await headers(ctx)), "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/** The helpers above bound to one test file's app, called as `scenario(name)`, `headers()`… */
export function scenarioHelpers(ctx: AppContext) {
  return {
    play: (name: string, params?: Record<string, string>) => play(ctx.sandbox.url, name, params),
    scenario: (name: string, params?: Record<string, string>) => scenario(ctx, name, params),
    headers: () => headers(ctx),
    api: (path: string, body?: unknown) => api(ctx, path, body),
  };
}
