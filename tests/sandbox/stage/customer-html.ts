// Server-rendered pages the customer's side of the stage shows (the customers' mailbox, the
// storefront checkout, the order status page): plain HTML forms, no script, every value escaped
// where it is written (the stage's own escaping, html.ts).
import type http from "node:http";
import { escape } from "./html";

/** Text or an attribute value, safe to put between tags or in quotes. */
export const esc = escape;

/** A customer's locale as Intl takes it: their language and the shop's country (es → es-ES). */
export const customerLocale = (language: string, countryCode: string) =>
  language.includes("-") ? language : `${language}-${countryCode}`;

export const money = (amount: string | number, currency: string, locale: string) =>
  new Intl.NumberFormat(locale, { style: "currency", currency }).format(Number(amount));

export const dateTime = (at: Date, locale: string, timeZone: string) =>
  new Intl.DateTimeFormat(locale, { dateStyle: "long", timeStyle: "short", timeZone }).format(at);

const STYLE = `
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f6f6f7; }
  .sandbox-bar { background: #1f2937; color: #fff; padding: .5rem 1rem; font-size: .875rem; }
  .sandbox-bar a { color: #bfdbfe; }
  main { max-width: 60rem; margin: 0 auto; padding: 1rem; overflow-wrap: anywhere; }
  section, fieldset { background: #fff; border: 1px solid #d1d5db; border-radius: .5rem; padding: 1rem; margin: 0 0 1rem; }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.2rem; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; }
  th, td { text-align: left; padding: .4rem .5rem; border-bottom: 1px solid #e5e7eb; vertical-align: top; }
  td.num, th.num { text-align: right; }
  label { display: block; font-weight: 600; margin: .5rem 0 .25rem; }
  input[type=text], input[type=number], select { font: inherit; padding: .4rem; border: 1px solid #6b7280; border-radius: .25rem; }
  input[type=number] { width: 5rem; }
  .choice { display: flex; gap: .5rem; align-items: center; font-weight: normal; }
  button { font: inherit; padding: .5rem 1rem; border-radius: .25rem; border: 1px solid #1f2937; background: #1f2937; color: #fff; cursor: pointer; }
  button.secondary { background: #fff; color: #1f2937; }
  .error { color: #b91c1c; font-weight: 600; }
  .note { color: #4b5563; }
  iframe.mail { width: 100%; height: 70vh; border: 1px solid #d1d5db; background: #fff; }
  pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #fff; border: 1px solid #d1d5db; padding: 1rem; }
  .placeholder { border: 2px dashed #6b7280; background: #fff; }
`;

/** A whole page: `bar` is the sandbox's own line above it (what this page stands in for). */
export function page({
  title,
  lang = "en",
  bar,
  body,
}: {
  title: string;
  lang?: string;
  bar: string;
  body: string;
}) {
  return `<!doctype html>
<html lang="${esc(lang)}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title><link rel="icon" href="data:,"><style>${STYLE}</style></head>
<body><div class="sandbox-bar" role="note">${bar}</div><main>${body}</main></body></html>`;
}

export function sendHtml(
  res: http.ServerResponse,
  status: number,
  html: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, {
    "Content-Type": "text/html; charset=utf-8",
    "Cache-Control": "no-store",
    ...headers,
  });
  res.end(html);
}

export function redirect(res: http.ServerResponse, location: string) {
  res.writeHead(303, { Location: location });
  res.end();
}
