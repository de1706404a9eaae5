// The Privacy requests page in a real browser against `npm run sandbox`: with no request it says
// so; a customer the shop wrote to about a problem asks Shopify for their data; the merchant follows
// the app's navigation to the page, reads what MakeGood holds on them in words and in the shop's
// dates, marks it sent, and the export's content is gone from the database and the page says so.
import path from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "../../app/db/client";
import { listDataExports, type DataExport } from "../../app/domain/privacy/data-export.server";
import { accessibilityViolations } from "../helpers/accessibility";
import { ARTIFACTS } from "../helpers/browser";
import { openAppUntil, personPage, playScenario, toast } from "../helpers/person";
import { BROWSER_FLOW, setupLauncher } from "../helpers/setup-launcher";
import { until } from "../helpers/wait";
import { DEMO_SHOP } from "../sandbox/seed";

const { launcher, browser } = setupLauncher();

// The customer expired-last-unit orders for (the demo shop's first Spanish customer).
const LUCIA = { name: "Lucía Martín", email: "lucia.martin@example.es", phone: "+34612345678" };
// The demo shop is in Spain: its dates in Madrid's zone, written as English in Spain writes them.
const MADRID = {
  at: new Intl.DateTimeFormat("en-ES", {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Europe/Madrid",
  }),
  day: new Intl.DateTimeFormat("en-ES", { dateStyle: "medium", timeZone: "Europe/Madrid" }),
};
const at = (iso: string) => MADRID.at.format(new Date(iso));
const day = (iso: string) => MADRID.day.format(new Date(iso));

/** What must never reach a merchant's eyes: stored instants, keys and tokens as they are stored. */
const RAW: [string, RegExp][] = [
  ["an ISO date", /\d{4}-\d{2}-\d{2}/],
  ["a snake_case key", /\b[a-z]+_[a-z_]+\b/],
  ["a camelCase key", /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ["a date token", /\{\w+(:\w+)?\}/],
  ["JSON", /[{}[\]]"|":/],
];

const bodyText = (page: Page) => page.evaluate(() => document.body.innerText);
async function rawText(page: Page) {
  const text = await bodyText(page);
  return RAW.flatMap(([what, re]) => {
    const found = text.match(re);
    return found
      ? [
          `${what}: “${text.slice(Math.max(0, found.index! - 40), found.index! + found[0].length + 40).replace(/\s+/g, " ")}”`,
        ]
      : [];
  });
}

async function inDatabase<T>(work: (prisma: ReturnType<typeof createPrismaClient>) => Promise<T>) {
  const prisma = createPrismaClient(launcher.databaseUrl);
  try {
    return await work(prisma);
  } finally {
    await prisma.$disconnect();
  }
}

const privacyLink = (page: Page) =>
  page.getByRole("navigation", { name: "App navigation" }).getByRole("link", { name: "Privacy requests" });

describe("the Privacy requests page in Chromium", () => {
  it(
    "shows a customer's data request in words and the shop's dates, and deletes it once the merchant has sent it",
    { timeout: BROWSER_FLOW },
    async () => {
      const page = await personPage(browser);
      const found: Record<string, string[]> = {};
      const check = async (name: string) => {
        await page.screenshot({ path: path.join(ARTIFACTS, `privacy-${name}.png`), fullPage: true });
        found[name] = [
          ...(await rawText(page)),
          ...(await accessibilityViolations(page)).map((v) => `${v.id}: ${v.help} (${v.targets.join(", ")})`),
        ];
      };

      // No request yet: the page, reached from the app's navigation, says so.
      await openAppUntil(page, launcher, "/app", "In progress");
      await privacyLink(page).click();
      await page.getByText("No customer has asked for their data.").waitFor();
      // The browser draws what the server drew (the time an export is kept, too).
      expect(await bodyText(page)).toContain("then mark it sent: it is deleted then, or after 30 days.");
      expect(new URL(page.url()).pathname).toBe("/app/privacy");
      await check("empty");

      // A problem with Lucía's order, and the shop tells her it is on it: a message the export must name.
      const { order } = await playScenario(launcher, "expired-last-unit");
      await openAppUntil(page, launcher, "/app/incidents", order.name);
      await page.getByRole("link", { name: order.name }).click();
      await page.getByRole("heading", { name: "Tell the customer" }).waitFor();
      await page.getByLabel("Message", { exact: true }).selectOption("acknowledge");
      await page.getByRole("button", { name: "Preview email" }).click();
      await page.getByRole("button", { name: /^Send to / }).click();
      await toast(page, `Email sent to ${LUCIA.email}`);

      // She asks the shop for her data; Shopify forwards the request to the app.
      const asked = await fetch(
        `${launcher.sandboxUrl}/sandbox/compliance/customers-data-request?shop=${DEMO_SHOP}&email=${encodeURIComponent(LUCIA.email)}`,
        { method: "POST" },
      );
      expect(asked.status).toBe(200);
      const [request] = await until(
        "the data request recorded",
        () => inDatabase((prisma) => listDataExports(prisma, DEMO_SHOP)),
        (rows) => rows.length === 1,
      );
      expect(request.export.status).toBe("ready");
      const data = request.export as DataExport;
      const ordered = data.orders.find((o) => o.order === order.name)!;
      expect(ordered).toMatchObject({
        name: LUCIA.name,
        email: LUCIA.email,
        language: "es",
        placedAt: expect.any(String),
      });
      const [incident] = data.incidents.filter((i) => i.order === order.name);
      const [message] = data.messages.filter((m) => m.order === order.name);
      expect(message.dates?.answerBy).toEqual(expect.any(String));

      // The merchant opens the app and follows the navigation to the request.
      await openAppUntil(page, launcher, "/app", "In progress");
      await privacyLink(page).click();
      await page.getByRole("heading", { name: `${LUCIA.name} asked for their data` }).waitFor();
      const shown = await bodyText(page);
      for (const line of [
        "Waiting to be sent",
        `Received ${at(request.receivedAt.toISOString())}.`,
        `${data.orders.length} order${data.orders.length === 1 ? "" : "s"}, ${data.incidents.length} problem${data.incidents.length === 1 ? "" : "s"} and ${data.messages.length} message${data.messages.length === 1 ? "" : "s"} sent`,
        `It is deleted on ${day(data.deleteBy)} at the latest, sent or not.`,
        `Email: ${LUCIA.email}`,
        `Phone: ${LUCIA.phone}`,
        `Order ${order.name}, placed ${at(ordered.placedAt!)}`,
        `Name: ${LUCIA.name}`,
        "Language: Spanish",
        `Shipping address: ${LUCIA.name}, ${ordered.shippingAddress!.address1}`,
        `Order ${order.name}: Stock mismatch, found ${at(incident.openedAt)}. Status: Customer contacted.`,
        `Order ${order.name}, ${at(message.sentAt)}: You: emailed the customer we are on it in Spanish, answer promised by ${at(message.dates!.answerBy)}.`,
      ])
        expect(shown).toContain(line);
      await check("request");

      // Sent: the merchant deletes it.
      await page.getByRole("button", { name: "Sent to the customer — delete it" }).click();
      await toast(page, "Deleted: MakeGood no longer keeps the customer's data");
      await page.getByText("Answered").waitFor();

      // In the database: the request is still there, naming no one, with nothing of her in it.
      const row = await inDatabase((prisma) =>
        prisma.complianceRequest.findUniqueOrThrow({ where: { id: request.id } }),
      );
      expect(row.customerId).toBeNull();
      const spent = JSON.parse(row.result) as { status: string; at: string; orders: number };
      expect(spent).toEqual({ status: "delivered", at: expect.any(String), orders: data.orders.length });
      for (const personal of [
        LUCIA.email,
        LUCIA.phone,
        "Lucía",
        "Martín",
        String(ordered.shippingAddress!.address1),
      ])
        expect(row.result).not.toContain(personal);

      // And the page says so, with nothing of her left on it and nothing more to click.
      const after = await bodyText(page);
      expect(after).toContain(
        `Sent to the customer and deleted on ${day(spent.at)}: ${data.orders.length} order${data.orders.length === 1 ? " was" : "s were"} in it; nothing of the customer is kept here.`,
      );
      for (const gone of [
        "Waiting to be sent",
        LUCIA.name,
        LUCIA.email,
        LUCIA.phone,
        String(ordered.shippingAddress!.address1),
      ])
        expect(after).not.toContain(gone);
      expect(await page.getByRole("button", { name: "Sent to the customer — delete it" }).count()).toBe(0);
      await check("deleted");

      expect(found).toEqual({ empty: [], request: [], deleted: [] });
      expect(page.errors).toEqual([]);
      await page.close();
    },
  );
});
