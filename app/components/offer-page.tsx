// The customer's offer page (see app/domain/remedies/offer-page-data.server.ts). Plain HTML, without
// the app's scripts (`offerPageHandle`): through Shopify's App Proxy they are not reachable. The form
// posts to `formAction`, the page's address as the customer's browser names it — under the proxy's
// path prefix on the shop's domain (/apps/makegood/offers/…), the app's /offers/… otherwise — where
// Remix's <Form> would name the app's route (/proxy/offers/…), which the shop's domain does not
// serve. It has no browser validation on purpose: the browser would word it in its own language,
// the server words "choose one" in the customer's.
import type { HeadersFunction, MetaFunction } from "@remix-run/node";
import { useRouteLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import type { Locale } from "../domain/notifications/messages";
import { OFFER_PAGE_ERROR } from "../domain/notifications/offer-page-error";
import type { OfferAnswerData, OfferPageData } from "../domain/remedies/offer-page-data.server";

/** The customer's browser language, as the root read it: all an error page knows of them. */
const browserLocaleOf = (root: unknown): Locale =>
  (root as { browserLocale?: Locale } | undefined)?.browserLocale ?? "en";

/** The page's title (the customer's language: "Tu pedido #1031"); kept out of search engines, and
 *  its address (which holds the offer's secret) out of Referer headers to other sites. Its icon is
 *  named (an empty one), so the browser does not fetch /favicon.ico from the shop's domain, outside
 *  the proxy's path, where the app cannot know what answers. */
export const offerPageMeta: MetaFunction = ({ data, error, matches }) => [
  {
    title: error
      ? OFFER_PAGE_ERROR[browserLocaleOf(matches[0]?.data)].title
      : (data as OfferPageData | undefined)?.texts?.title ||
        (data as OfferPageData | undefined)?.texts?.message ||
        "Your order",
  },
  { name: "robots", content: "noindex" },
  { name: "referrer", content: "same-origin" },
  { tagName: "link", rel: "icon", href: "data:," },
];

/** Read by the root (no scripts on this page) and by entry.server (a customer's page, not the admin's). */
export const offerPageHandle = { scripts: false, customerPage: true };

/**
 * Never cached, by the browser or anything between: the page holds the credential and changes with
 * the answer. Its address (the credential) goes to no other site in a Referer (`same-origin`, not
 * `no-referrer`: with that, Chromium sends `Origin: null` on the form's post, which Remix's CSRF
 * check refuses). It is opened on its own, from an email, never inside another page — so no site may
 * frame it (a framed "confirm" button could be clicked for the customer) — and it loads nothing but
 * pictures: no scripts, no base, and its form posts only to its own origin.
 */
export const offerPageHeaders: HeadersFunction = ({ loaderHeaders, actionHeaders }) => ({
  "Cache-Control": actionHeaders.get("Cache-Control") ?? loaderHeaders.get("Cache-Control") ?? "no-store",
  "Referrer-Policy": "same-origin",
  "Content-Security-Policy":
    "default-src 'none'; img-src * data:; style-src 'unsafe-inline'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
  "X-Content-Type-Options": "nosniff",
});

const box = {
  maxWidth: 560,
  margin: "32px auto",
  padding: "20px 24px",
  fontFamily: "system-ui, sans-serif",
  lineHeight: 1.5,
  border: "1px solid #ddd",
  borderRadius: 12,
  color: "#1f1f1f",
} as const;
const card = {
  display: "flex",
  gap: 12,
  alignItems: "center",
  margin: "10px 0",
  padding: 12,
  border: "1px solid #d4d4d4",
  borderRadius: 10,
  cursor: "pointer",
} as const;
const capitalize = (s: string, locale: string) => s.charAt(0).toLocaleUpperCase(locale) + s.slice(1);

function Page({ data, children }: { data: OfferPageData; children: ReactNode }) {
  return (
    <main style={box} lang={data.locale}>
      {data.shop && (
        <p style={{ margin: 0, fontWeight: 600, color: "#4a4a4a" }} data-shop>
          {data.shop}
        </p>
      )}
      {children}
    </main>
  );
}

export function OfferPage({
  data,
  formAction,
  answered,
}: {
  data: OfferPageData;
  formAction: string;
  answered?: OfferAnswerData;
}) {
  const { state, texts, lines, cancel, locale } = data;
  if (answered?.outcome === "done") {
    return (
      <Page data={data}>
        <h1 style={{ fontSize: 22 }}>{answered.title}</h1>
        <div data-outcome="done">
          {answered.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      </Page>
    );
  }
  if (answered && answered.outcome !== "unchosen")
    return (
      <Page data={data}>
        <p data-outcome={answered.outcome}>{answered.lines[0]}</p>
      </Page>
    );
  if (state === "answered" && data.confirmed) {
    // The link opened again: what was chosen, as the confirmation said it.
    return (
      <Page data={data}>
        <h1 style={{ fontSize: 22 }}>{data.confirmed.title}</h1>
        <div data-outcome="answered">
          {data.confirmed.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </div>
      </Page>
    );
  }
  if (state !== "open") {
    return (
      <Page data={data}>
        {texts.title && <h1 style={{ fontSize: 22 }}>{texts.title}</h1>}
        <p data-outcome={state}>{texts.message}</p>
      </Page>
    );
  }
  const missing = new Set(
    answered?.outcome === "unchosen" ? (answered.missing ?? lines.map((l) => l.position)) : [],
  );
  const error = answered?.outcome === "unchosen" ? answered.lines[0] : null;
  // One line: its choices under the proposal. Several: a group per line, named by the item.
  const several = lines.length > 1;
  return (
    <Page data={data}>
      <h1 style={{ fontSize: 22 }}>{texts.title}</h1>
      {texts.problems?.map((p) => (
        <p key={p}>{p}</p>
      ))}
      {texts.problemLines && (
        <ul data-problems>
          {texts.problemLines.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <form method="post" action={formAction} noValidate>
        <p style={{ marginBottom: 4 }}>{texts.proposal}</p>
        {lines.map((line) => (
          <fieldset
            key={line.position}
            style={{ border: 0, padding: 0, margin: "8px 0" }}
            aria-describedby={missing.has(line.position) ? `choice-error-${line.position}` : undefined}
            data-line={line.position}
          >
            <legend
              style={several ? { padding: 0, fontWeight: 600 } : { position: "absolute", left: -10000 }}
            >
              {line.label}
            </legend>
            {missing.has(line.position) && (
              <p
                id={`choice-error-${line.position}`}
                role="alert"
                style={{ color: "#8e1f0b", fontWeight: 600, margin: "8px 0" }}
              >
                {error}
              </p>
            )}
            {line.choices.map((c) => (
              <label key={c.value} style={card} data-choice={c.value}>
                <input
                  type="radio"
                  name={`line-${line.position}`}
                  value={c.value}
                  defaultChecked={answered?.chosen?.[line.position] === c.value}
                />
                {/* The label names the product: the picture adds no words for a screen reader. */}
                {c.image && (
                  <img
                    src={c.image.url}
                    alt=""
                    width={64}
                    height={64}
                    style={{ borderRadius: 8, objectFit: "cover", flex: "none" }}
                  />
                )}
                <span>
                  <span style={{ display: "block", fontWeight: 600 }}>{c.label}</span>
                  {c.detail && (
                    <span style={{ display: "block", color: "#3d3d3d" }}>{capitalize(c.detail, locale)}</span>
                  )}
                </span>
              </label>
            ))}
          </fieldset>
        ))}
        <p>{texts.deadline}</p>
        <button
          type="submit"
          style={{
            padding: "10px 16px",
            borderRadius: 8,
            border: 0,
            background: "#303030",
            color: "#fff",
            fontSize: 16,
          }}
        >
          {texts.submit}
        </button>
      </form>
      {cancel && (
        // Cancelling is the whole order at once, so it is its own form, never mixed with a line's choice.
        <form
          method="post"
          action={formAction}
          style={{ marginTop: 20, paddingTop: 12, borderTop: "1px solid #e3e3e3" }}
        >
          <p style={{ margin: "0 0 8px" }}>{texts.orCancel}</p>
          <input type="hidden" name="choice" value="cancel_order" />
          <button
            type="submit"
            style={{
              padding: "8px 14px",
              borderRadius: 8,
              border: "1px solid #8a8a8a",
              background: "#fff",
              color: "#1f1f1f",
              fontSize: 15,
            }}
          >
            {cancel.label}
          </button>
        </form>
      )}
      <p>{texts.apology}</p>
    </Page>
  );
}

/** The page when it fails for a reason no one foresaw, in the customer's browser language (the
 *  offer, which knows theirs, could not be read); what failed is in the server's log. */
export function OfferErrorPage() {
  const locale = browserLocaleOf(useRouteLoaderData("root"));
  const { title, message } = OFFER_PAGE_ERROR[locale];
  return (
    <main style={box} lang={locale}>
      <h1 style={{ fontSize: 22 }}>{title}</h1>
      <p data-outcome="error">{message}</p>
    </main>
  );
}
