// The customers' mailbox, on the sandbox's own address: every email the app sent, listed per
// customer (GET /sandbox/mail, ?to=<address> for one), each opened as the customer sees it
// (/sandbox/mail/<n>: its HTML in a sandboxed frame — no script, no cookies, links open in the
// whole window as a mail client opens them — and its text version with the links live), and its
// source (/sandbox/mail/<n>.eml). A code of the shop named in a mail links to the shop's checkout.
import type http from "node:http";
import type { CapturedMail } from "../mailbox";
import type { Customer, SandboxStore } from "../store";
import { customerLocale, dateTime, esc, page, sendHtml } from "./customer-html";
import { checkoutPath } from "./storefront";

type Recipient = { email: string; shop: string | null; customer: Customer | null };

function recipient(store: SandboxStore, email: string): Recipient {
  for (const shop of store.domains()) {
    const customer = store.shop(shop).customers.find((c) => c.email.toLowerCase() === email.toLowerCase());
    if (customer) return { email, shop, customer };
  }
  return { email, shop: null, customer: null };
}

/** When a mail arrived, as its reader would read it: their language, the shop's time zone. */
function received(store: SandboxStore, who: Recipient, mail: CapturedMail) {
  if (!who.shop || !who.customer) return dateTime(mail.receivedAt, "en-GB", "UTC");
  const shop = store.shop(who.shop);
  return dateTime(mail.receivedAt, customerLocale(who.customer.locale, shop.countryCode), shop.ianaTimezone);
}

const nameOf = (who: Recipient) =>
  who.customer ? `${who.customer.firstName} ${who.customer.lastName}` : who.email;

const bar = `Sandbox: the customers' mailbox — every email the app sent, as each customer receives it. <a href="/sandbox/mail">All customers</a> · <a href="/sandbox/home">The sandbox admin home</a>`;

function index(store: SandboxStore, mails: CapturedMail[], only: string | null) {
  const byRecipient = new Map<string, CapturedMail[]>();
  for (const mail of mails)
    for (const to of mail.envelopeTo)
      byRecipient.set(to.toLowerCase(), [...(byRecipient.get(to.toLowerCase()) ?? []), mail]);
  const shown = [...byRecipient.entries()].filter(([to]) => only === null || to === only.toLowerCase());
  const sections = shown.map(([to, theirs]) => {
    const who = recipient(store, to);
    const rows = [...theirs]
      .reverse()
      .map(
        (m) => `<tr><td>${esc(received(store, who, m))}</td><td>${esc(m.from?.text ?? "")}</td>
      <td><a href="/sandbox/mail/${m.id}">${esc(m.subject ?? "(no subject)")}</a></td></tr>`,
      )
      .join("");
    return `<section aria-labelledby="to-${esc(theirs[0].id)}"><h2 id="to-${esc(theirs[0].id)}">${esc(nameOf(who))} <span class="note">&lt;${esc(to)}&gt;</span></h2>
      <p><a href="/sandbox/mail?to=${encodeURIComponent(to)}">Only ${esc(nameOf(who))}'s mail</a>${who.shop ? ` · <a href="${esc(store.storefrontUrl(who.shop) + checkoutPath(to))}">Shop as ${esc(nameOf(who))} at ${esc(store.shop(who.shop).name)}</a>` : ""}</p>
      <table><caption class="note">${theirs.length} email${theirs.length === 1 ? "" : "s"}, newest first</caption>
      <thead><tr><th scope="col">Received</th><th scope="col">From</th><th scope="col">Subject</th></tr></thead><tbody>${rows}</tbody></table></section>`;
  });
  const empty = only
    ? `<p>No email to ${esc(only)} yet.</p>`
    : "<p>No email yet: what the app sends a customer lands here.</p>";
  return page({
    title: only ? `Mailbox of ${only}` : "Customers' mailbox",
    bar,
    body: `<h1>${only ? `Mailbox of ${esc(nameOf(recipient(store, only)))}` : "Customers' mailbox"}</h1>${sections.join("") || empty}`,
  });
}

/** The mail's HTML made a document whose links open in the whole window (the frame is sandboxed). */
function framed(html: string) {
  const base = `<base target="_top">`;
  if (/<head[^>]*>/i.test(html)) return html.replace(/<head[^>]*>/i, (head) => `${head}${base}`);
  return `<!doctype html><html><head><meta charset="utf-8">${base}</head><body>${html}</body></html>`;
}

/** Escaped text with its http(s) addresses as links. */
function linkified(text: string) {
  return text
    .split(/(https?:\/\/[^\s<>"]+)/g)
    .map((part, i) => (i % 2 ? `<a href="${esc(part)}">${esc(part)}</a>` : esc(part)))
    .join("");
}

/** The shop's codes that appear in the mail, each with a link to check out with it. */
function codesIn(store: SandboxStore, who: Recipient, mail: CapturedMail) {
  if (!who.shop) return [];
  const text = `${mail.text ?? ""} ${typeof mail.html === "string" ? mail.html : ""}`;
  return store
    .shop(who.shop)
    .discounts.filter((d) => text.includes(d.code))
    .map((d) => ({ code: d.code, href: store.storefrontUrl(who.shop!) + checkoutPath(who.email, d.code) }));
}

function message(store: SandboxStore, mail: CapturedMail) {
  const to = mail.envelopeTo[0] ?? "";
  const who = recipient(store, to);
  const html = typeof mail.html === "string" ? mail.html : null;
  const codes = codesIn(store, who, mail);
  const headers = [
    ["From", mail.from?.text ?? "(no sender)"],
    ["To", mail.envelopeTo.join(", ")],
    ...(mail.replyTo ? [["Reply-To", mail.replyTo.text]] : []),
    ["Received", received(store, who, mail)],
  ]
    .map(([name, value]) => `<tr><th scope="row">${name}</th><td>${esc(value)}</td></tr>`)
    .join("");
  const body = `<h1>${esc(mail.subject ?? "(no subject)")}</h1>
    <p><a href="/sandbox/mail?to=${encodeURIComponent(to)}">Back to ${esc(nameOf(who))}'s mailbox</a> · <a href="/sandbox/mail/${mail.id}.eml" download>Download the .eml</a>${mail.savedAs?.length ? ` · <span class="note">saved as ${esc(mail.savedAs.join(", "))}</span>` : ""}</p>
    <section aria-label="Headers"><table>${headers}</table></section>
    ${codes.length ? `<section aria-labelledby="codes"><h2 id="codes">Codes in this email</h2><ul>${codes.map((c) => `<li><a href="${esc(c.href)}">Check out with ${esc(c.code)}</a> <span class="note">(the shop's storefront, as ${esc(nameOf(who))})</span></li>`).join("")}</ul></section>` : ""}
    <section aria-labelledby="as-html"><h2 id="as-html">As the customer sees it</h2>
      ${html !== null ? `<iframe class="mail" title="The email as the customer sees it" sandbox="allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation" srcdoc="${esc(framed(html))}"></iframe>` : `<p>This email has no HTML version.</p>`}</section>
    <section aria-labelledby="as-text"><h2 id="as-text">Text version</h2><pre>${linkified(mail.text ?? "")}</pre></section>`;
  return page({ title: mail.subject ?? "Email", bar, body });
}

/** Answers the mailbox's pages; false when the request is not one of them. */
export function mailboxPages(
  store: SandboxStore,
  mails: readonly CapturedMail[],
  url: URL,
  req: http.IncomingMessage,
  res: http.ServerResponse,
): boolean {
  if (req.method !== "GET") return false;
  if (url.pathname === "/sandbox/mail") {
    sendHtml(res, 200, index(store, [...mails], url.searchParams.get("to")));
    return true;
  }
  const one = url.pathname.match(/^\/sandbox\/mail\/(\d+)(\.eml)?$/);
  if (!one) return false;
  const mail = mails.find((m) => m.id === Number(one[1]));
  if (!mail) {
    sendHtml(
      res,
      404,
      page({
        title: "No such email",
        bar,
        body: `<h1>No such email</h1><p>The mailbox has no email number ${esc(one[1])}.</p>`,
      }),
    );
  } else if (one[2]) {
    res.writeHead(200, {
      "Content-Type": "message/rfc822",
      "Content-Disposition": `attachment; filename="mail-${mail.id}.eml"`,
    });
    res.end(mail.raw);
  } else {
    sendHtml(res, 200, message(store, mail));
  }
  return true;
}
