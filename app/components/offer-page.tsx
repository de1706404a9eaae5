// The customer's offer page (see app/domain/remedies/offer-page.server.ts). Plain HTML that works
// without JavaScript: through Shopify's App Proxy the app's scripts are not served.
import type { MetaFunction } from "@remix-run/node";
import { Form } from "@remix-run/react";
import type { Locale } from "../domain/notifications/messages";

export type OfferPageData = {
  state: "invalid" | "open" | "answered" | "expired" | "failed";
  locale: Locale;
  texts: Record<string, string>;
  choices: { value: string; label: string }[];
};

/** The page's title (the customer's language: "Tu pedido #1031"); kept out of search engines, and
 *  its address (which holds the offer's secret) out of Referer headers to other sites. */
export const offerPageMeta: MetaFunction = ({ data }) => [
  { title: (data as OfferPageData | undefined)?.texts?.title || "Your order" },
  { name: "robots", content: "noindex" }, { name: "referrer", content: "same-origin" },
];

const box = { maxWidth: 560, margin: "40px auto", padding: 24, fontFamily: "system-ui, sans-serif", lineHeight: 1.5, border: "1px solid #ddd", borderRadius: 12 } as const;

export function OfferPage({ data, answered }: { data: OfferPageData; answered?: { outcome: string; message: string } }) {
  const { state, texts, choices, locale } = data;
  if (answered) return <main style={box} lang={locale} data-outcome={answered.outcome}><p>{answered.message}</p></main>;
  if (state === "invalid") return <main style={box}><p>This link is not valid. Please contact the shop.</p></main>;
  if (state !== "open") return <main style={box} lang={locale} data-outcome={state}><p>{state === "expired" ? texts.expired : state === "failed" ? texts.failed : texts.answered}</p></main>;
  return (
    <main style={box} lang={locale}>
      <h1 style={{ fontSize: 22 }}>{texts.title}</h1>
      <p>{texts.proposal}</p>
      <Form method="post" reloadDocument>
        {choices.map((c, i) => (
          <label key={c.value} style={{ display: "block", margin: "10px 0" }}>
            <input type="radio" name="choice" value={c.value} defaultChecked={i === 0} required /> {c.label}
          </label>
        ))}
        <button type="submit" style={{ marginTop: 12, padding: "10px 16px", borderRadius: 8, border: 0, background: "#303030", color: "#fff" }}>{texts.submit}</button>
      </Form>
      <p>{texts.apology}</p>
    </main>
  );
}
