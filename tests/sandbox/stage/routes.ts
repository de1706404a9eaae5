// The sandbox admin home (GET /sandbox/home, also /sandbox): the demo shop's orders, a button per
// scenario, the clock, the carrier desk and the fault switches. Each button posts, changes the
// store as Shopify would, and leads back to the home saying what changed (see outcome.ts).
import type http from "node:http";
import { DEMO_SHOP } from "../seed";
import { clockSection, moveClock } from "./clock-section";
import type { StageDeps } from "./deps";
import { deskSection, moveParcel, shipOrder } from "./desk";
import { applyFaults, faultsSection } from "./faults-section";
import { html, page } from "./html";
import { home, openApp } from "./links";
import { ordersSection } from "./orders";
import { keep, outcomeSection, recall, type Outcome } from "./outcome";
import { playScenario, scenariosSection } from "./scenarios-section";

export const isStagePath = (pathname: string) =>
  pathname === "/sandbox" || pathname === "/sandbox/home" || pathname.startsWith("/sandbox/home/");

export async function handleStage(
  deps: StageDeps,
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  readBody: () => Promise<string>,
) {
  const domain = url.searchParams.get("shop") || DEMO_SHOP;
  if (!deps.store.hasShop(domain))
    return answer(
      res,
      404,
      page("No such shop", html`<p>The sandbox has no shop ${domain}. The launcher seeds ${DEMO_SHOP}.</p>`),
    );
  const shop = deps.store.shop(domain);
  const action = url.pathname.match(/^\/sandbox\/home\/([\w-]+)$/)?.[1];
  if (!action) {
    if (req.method !== "GET" && req.method !== "HEAD")
      return answer(res, 405, page("Method not allowed", html`<p>The home is read with GET.</p>`));
    return answer(res, 200, homePage(deps, domain, recall(url.searchParams.get("outcome"))));
  }
  if (req.method !== "POST")
    return answer(res, 405, page("Method not allowed", html`<p>Buttons on the home post here.</p>`));
  const form = new URLSearchParams(await readBody());
  const acts: Record<string, () => Outcome | Promise<Outcome>> = {
    scenario: () => playScenario(deps, domain, form),
    clock: () => moveClock(deps, shop, form),
    faults: () => applyFaults(deps, form),
    ship: () => shipOrder(deps, shop, form),
    parcel: () => moveParcel(deps, shop, form),
  };
  if (!acts[action])
    return answer(res, 404, page("No such button", html`<p>The home has no button '${action}'.</p>`));
  res.writeHead(303, { Location: home(domain, keep(await acts[action]())) });
  res.end();
}

function homePage(deps: StageDeps, domain: string, outcome: Outcome | undefined) {
  const shop = deps.store.shop(domain);
  return page(
    `Sandbox admin: ${shop.name}`,
    html` <nav aria-label="Sandbox">
        <p>
          <a href="${openApp(domain)}">Open MakeGood as the merchant of ${shop.name}</a> ·
          <a href="${openApp(domain, "/app/incidents")}">All incidents in the app</a> ·
          <a href="/sandbox/mail">The customers' mailbox</a> ·
          <a href="${deps.store.storefrontUrl(domain)}/checkout">The shop's checkout (as a customer)</a>
        </p>
      </nav>
      ${outcomeSection(outcome)} ${clockSection(deps, shop)} ${scenariosSection(shop)}
      ${deskSection(deps, shop)} ${ordersSection(shop)} ${faultsSection(deps, shop)}`,
  );
}

function answer(res: http.ServerResponse, status: number, body: string) {
  res.writeHead(status, { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" });
  res.end(body);
}
