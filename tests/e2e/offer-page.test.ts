// The customer's moment, in a real browser against `npm run sandbox`: after expired-last-unit the
// shop sends an offer (through the app's API, as its workspace does), and the customer opens the
// link from the email. The page tells the shop, the problem, each choice with its picture and value
// and the answer-by date in Spanish; confirming without a choice is refused in Spanish; choosing
// the substitute shows what happens next, a confirmation email goes out, and the order in Shopify
// carries the substitute.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { accessibilityViolations } from "../helpers/accessibility";
import { BROWSER_UA } from "../helpers/app-server";
import { ARTIFACTS } from "../helpers/browser";
import { DEMO as SHOP, openAppUntil, personPage, playScenario, storeOrder } from "../helpers/person";
import { setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";

const e2e = setupLauncher();

/** The merchant's API, with the session token the admin gives the app. */
async function api(route: string, body?: unknown) {
  const { token } = (await (
    await fetch(`${e2e.launcher.sandboxUrl}/sandbox/session-token?shop=${SHOP}`)
  ).json()) as { token: string };
  const res = await fetch(`http://localhost:${e2e.launcher.appPort}${route}`, {
    method: body === undefined ? "GET" : "POST",
    headers: {
      Authorization: `Bearer ${token}`,
      "User-Agent": BROWSER_UA,
      "Content-Type": "application/json",
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> }; // eslint-disable-line @typescript-eslint/no-explicit-any
}

describe("the customer's offer page in Chromium", () => {
  it("expired-last-unit: the customer reads the offer in Spanish, is told to choose, chooses the substitute, is confirmed by page and email; the order has it", async () => {
    const { order } = await playScenario(e2e.launcher, "expired-last-unit");

    // The merchant opens the incident from the app's home (detection runs a moment after the order),
    // only to learn the incident's id.
    const merchant = await personPage(e2e.browser);
    await openAppUntil(merchant, e2e.launcher, "/app", order.name);
    await merchant.getByRole("link", { name: order.name }).first().click();
    await merchant.waitForURL(/\/app\/incidents\/[\w-]+/);
    const incidentId = new URL(merchant.url()).pathname.split("/").pop()!;
    expect(merchant.errors).toEqual([]);
    await merchant.close();

    const { body: candidates } = await api(`/api/incidents/${incidentId}/offers`);
    const best = candidates.substitutes[0] as {
      variantId: string;
      title: string;
      image: { url: string } | null;
    };
    expect(best).toMatchObject({
      title: "Sensibio H2O Micellar Water",
      image: { url: expect.stringContaining("sensibio-h2o-micellar-water.png") },
    });
    expect((await api(`/api/incidents/${incidentId}/offers`, { variantIds: [best.variantId] })).status).toBe(
      201,
    );
    const offerUrl = (await until(
      "the offer's email",
      async () => e2e.launcher.output().match(/Offer page: (\S+)/)?.[1],
    ))!;

    // The customer, on a phone set to Spanish, opens the link from the email. (openPage, as
    // personPage takes no locale: its console errors and uncaught exceptions are gathered.)
    const customer = await personPage(e2e.browser, { width: 420, height: 860 }, { locale: "es-ES" });
    const { errors } = customer;
    await customer.goto(offerUrl, { waitUntil: "networkidle" });
    expect(await customer.evaluate(() => [document.documentElement.lang, document.title])).toEqual([
      "es",
      `Tu pedido ${order.name}`,
    ]);
    await customer.getByText("Farmacia Demo", { exact: true }).waitFor();
    await customer
      .getByText(
        `Al preparar tu pedido ${order.name} hemos visto que la última unidad de Thermal Spring Water 150 ml que teníamos está dañada o caducada`,
      )
      .waitFor();

    const substitute = customer.getByRole("radio", {
      name: /Recibir Sensibio H2O Micellar Water en su lugar/,
    });
    const leaveOut = customer.getByRole("radio", {
      name: "Quitar Thermal Spring Water 150 ml del pedido (era un regalo, no se cobra nada)",
    });
    for (const choice of [substitute, leaveOut]) expect(await choice.isChecked()).toBe(false);
    // Cancelling is the whole order: a button of its own, under "O bien:".
    await customer
      .getByRole("button", { name: "Cancelar todo el pedido con el reembolso completo" })
      .waitFor();
    const substituteCard = customer.locator("label").filter({ has: substitute });
    expect(await substituteCard.innerText()).toMatch(/Vale 12,40\s€, gratis para ti/);
    // The picture Shopify gave for the product, loaded from its CDN.
    const picture = substituteCard.locator("img");
    expect(await picture.getAttribute("src")).toBe(best.image!.url);
    const loadedWidth = await until("the picture loaded", () =>
      picture.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
    );
    expect(loadedWidth).toBe(240);
    await customer
      .getByText(
        /^Si no sabemos de ti antes del \S+, \d+ de \S+ de \d{4}, \d{1,2}:\d\d \(hora de Europa central\), quitaremos Thermal Spring Water 150 ml del pedido\.$/,
      )
      .waitFor();
    await customer.screenshot({ path: path.join(ARTIFACTS, "offer-page-open.png"), fullPage: true });
    expect(await accessibilityViolations(customer)).toEqual([]);

    // Confirming without a choice: told so in Spanish, the choices still there.
    await customer.getByRole("button", { name: "Confirmar mi elección" }).click();
    await customer.getByRole("alert").filter({ hasText: "Elige una de las opciones, por favor." }).waitFor();
    expect(await substitute.isVisible()).toBe(true);
    await customer.screenshot({ path: path.join(ARTIFACTS, "offer-page-unchosen.png"), fullPage: true });
    expect(await accessibilityViolations(customer)).toEqual([]);

    await substitute.check();
    await customer.getByRole("button", { name: "Confirmar mi elección" }).click();
    await customer.getByRole("heading", { name: "Tu elección está confirmada" }).waitFor();
    await customer
      .getByText("¡Gracias! Te enviaremos Sensibio H2O Micellar Water con tu pedido, sin coste adicional.")
      .waitFor();
    await customer
      .getByText(/^Tu pedido saldrá de nuestro almacén como muy tarde el \S+, \d+ de \S+ de \d{4}\.$/)
      .waitFor();
    await customer.getByText("También te hemos enviado esta confirmación por correo electrónico.").waitFor();
    await customer.screenshot({ path: path.join(ARTIFACTS, "offer-page-confirmed.png"), fullPage: true });
    expect(await accessibilityViolations(customer)).toEqual([]);

    // The confirmation email, as the shop's mail server received it.
    const confirmation = `Mail to lucia.martin@example.es: Farmacia Demo: tu elección para el pedido ${order.name} está confirmada`;
    expect(
      await until(
        "the confirmation email",
        async () => e2e.launcher.output(),
        (output) => output.includes(confirmation),
      ),
    ).toContain(confirmation);

    // Shopify's side: the substitute is on the order, the gift is gone from it.
    const sandboxOrder = await storeOrder(e2e.launcher, order.id);
    expect(
      sandboxOrder.lines
        .filter((l) => l.currentQuantity > 0)
        .map((l) => l.title)
        .sort(),
    ).toEqual(["Sensibio H2O Micellar Water", "Summer Protection Pack (fluid + free spring water)"]);

    // The link again: the answer stands.
    await customer.goto(offerUrl, { waitUntil: "networkidle" });
    // The link again: it says what was chosen.
    await customer
      .getByText("¡Gracias! Te enviaremos Sensibio H2O Micellar Water con tu pedido, sin coste adicional.")
      .waitFor();
    expect(errors).toEqual([]);
    await customer.close();
  });
});
