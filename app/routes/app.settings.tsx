// Settings: what detection and deadlines go by, how remedies are offered, the sender and the
// message blocks per language. Saved all at once through the zod schema, or not at all.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, Checkbox, ChoiceList, FormLayout, InlineStack, Layout, Page, Select, Text, TextField } from "@shopify/polaris";
import { TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useState } from "react";
import prisma from "../db.server";
import { defaultText, localeOf, LOCALES, MESSAGE_KEYS, MESSAGE_LABELS, type Locale } from "../domain/notifications/messages";
import { formToChanges, settingsToForm, type FormFields } from "../domain/settings/settings-form";
import { getShopSettings, saveShopSettings } from "../domain/settings/settings.server";
import { INCIDENT_TYPES } from "../domain/incidents/types";
import { TYPE_LABEL } from "../components/incident-labels";
import { authenticate } from "../shopify.server";

const languageOf = (request: Request): Locale => localeOf(new URL(request.url).searchParams.get("lang"));

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const settings = await getShopSettings(prisma, session.shop);
  const locale = languageOf(request);
  const messages = Object.fromEntries(MESSAGE_KEYS.map((key) => [key, settings.messages[locale]?.[key] ?? defaultText(locale, key)]));
  return json({ fields: settingsToForm(settings), locale, messages });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries([...(await request.formData()).entries()].map(([k, v]) => [k, String(v)])) as FormFields;
  const current = await getShopSettings(prisma, session.shop);
  const { changes, errors } = formToChanges(form, languageOf(request), current);
  if (Object.keys(errors).length) return json({ ok: false, errors }, { status: 400 });
  const saved = await saveShopSettings(prisma, session.shop, changes);
  return saved.ok ? json({ ok: true, errors: {} as Record<string, string> }) : json({ ok: false, errors: saved.errors }, { status: 400 });
};

/** A titled group of fields, as Shopify's own settings pages lay them out. */
function Section({ title, description, children }: { title: string; description: string; children: React.ReactNode }) {
  return (
    <Layout.AnnotatedSection title={title} description={description}>
      <Card>
        <FormLayout>{children}</FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];


export default function Settings() {
  const { fields, locale, messages } = useLoaderData<typeof loader>();
  const saved = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const [, setSearch] = useSearchParams();
  const shopify = useAppBridge();
  const [values, setValues] = useState<Record<string, string>>({ ...fields, ...Object.fromEntries(Object.entries(messages).map(([k, v]) => [`message.${k}`, v])) });
  useEffect(() => {
    setValues({ ...fields, ...Object.fromEntries(Object.entries(messages).map(([k, v]) => [`message.${k}`, v])) });
  }, [fields, messages]);
  useEffect(() => {
    if (saved?.ok) shopify.toast.show("Settings saved");
  }, [saved, shopify]);
  const errors = saved?.errors ?? {};
  const field = (name: string, label: string, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField label={label} name={name} value={values[name] ?? ""} onChange={(v) => setValues((s) => ({ ...s, [name]: v }))} error={errors[name]} autoComplete="off" {...extra} />
  );

  return (
    <Page title="Settings">
      <TitleBar title="Settings" />
      <Form method="post">
        <Layout>
          {saved && !saved.ok && (
            <Layout.Section>
              <Banner tone="critical" title="Nothing was saved">Correct the fields marked below.</Banner>
            </Layout.Section>
          )}
          <Section title="Shipping deadlines" description="An order not shipped by its ship-by date becomes a late-shipment incident. Shopify's own fulfil-by date wins when there is one.">
                {field("handlingDays", "Handling time (business days)", { type: "number", min: 0, max: 30 })}
                <input type="hidden" name="workdays" value={values.workdays ?? ""} />
                <ChoiceList title="The warehouse ships on" allowMultiple error={errors.workdays}
                  choices={WEEKDAYS.map((label, i) => ({ label, value: String(i + 1) }))}
                  selected={(values.workdays ?? "").split(",").filter(Boolean)}
                  onChange={(days) => setValues((s) => ({ ...s, workdays: [...days].sort().join(",") }))} />
                {field("holidays", "Holidays (one date per line, YYYY-MM-DD)", { multiline: 3 })}
                {field("timezone", "Time zone (blank: the shop's)", { placeholder: "Europe/Madrid" })}
          </Section>
          <Section title="Delivery deadlines" description="A parcel in transit past the carrier's estimate, or past these transit times when there is none, becomes a late-delivery incident.">
                {field("transitDays", "Transit time (business days)", { type: "number", min: 1, max: 60 })}
                {field("carrierTransitDays", "Per carrier (one \"Carrier: days\" per line)", { multiline: 3, placeholder: "SEUR: 2" })}
                {field("watchDays", "Watch orders of the last (days)", { type: "number", min: 1, max: 90 })}
          </Section>
          <Section title="Stock problems and offers" description="What happens when stock cannot honour an order.">
                <Checkbox label="Hold the fulfillment while stock cannot honour it" name="holdOnStockMismatch" value="on"
                  checked={values.holdOnStockMismatch === "on"} onChange={(on) => setValues((s) => ({ ...s, holdOnStockMismatch: on ? "on" : "" }))} />
                <Select label="A substitute is a product with" name="substituteMatch" value={values.substituteMatch}
                  onChange={(v) => setValues((s) => ({ ...s, substituteMatch: v }))} error={errors.substituteMatch}
                  options={[{ label: "the same product type or a shared tag", value: "both" }, { label: "the same product type", value: "product_type" }, { label: "a shared tag", value: "tags" }]} />
                {field("offerExpiresInHours", "The customer has this many hours to answer an offer (then the item is refunded)", { type: "number", min: 1, max: 720 })}
          </Section>
          <Section title="Default compensation" description="The discount on the next order that an apology code gives, by problem: the bulk “apology + code” uses it, and the incident page starts from it.">
                <InlineStack gap="400">
                  {INCIDENT_TYPES.map((type) => (
                    <div key={type} style={{ width: "9rem" }}>{field(`compensationPercent.${type}`, `${TYPE_LABEL[type]} (%)`, { type: "number", min: 1, max: 100 })}</div>
                  ))}
                </InlineStack>
                {field("compensationValidDays", "Codes can be used for (days)", { type: "number", min: 1, max: 365 })}
          </Section>
          <Section title="Service deadlines" description="Every new incident gets these: acknowledge the customer, then answer with a solution.">
                <InlineStack gap="400" wrap={false}>
                  {field("acknowledgeWithinHours", "Acknowledge within (hours)", { type: "number", min: 0, max: 168 })}
                  {field("answerWithinHours", "Answer within (hours)", { type: "number", min: 1, max: 336 })}
                </InlineStack>
          </Section>
          <Section title="Email to customers" description="Sent through your own SMTP server, from your address.">
                {field("fromAddress", "Sender", { placeholder: "Farmacia Demo <hola@farmacia.example>" })}
                {field("smtpUrl", "SMTP server", { placeholder: "smtps://user:password@smtp.example.com:465", type: "password" })}
          </Section>
          <Layout.AnnotatedSection title="Message texts" description="Your own wording for each block, per language. {order}, {item}, {shop} and the like are filled in when sent.">
            <Card>
              <BlockStack gap="300">
                <Select label="Language" value={locale} onChange={(lang) => setSearch({ lang })}
                  options={LOCALES.map((l) => ({ label: { en: "English", es: "Español", ro: "Română" }[l], value: l }))} />
                {MESSAGE_KEYS.map((key) => (
                  <TextField key={`${locale}-${key}`} label={MESSAGE_LABELS[key]} name={`message.${key}`} multiline={2} autoComplete="off"
                    value={values[`message.${key}`] ?? ""} onChange={(v) => setValues((s) => ({ ...s, [`message.${key}`]: v }))} />
                ))}
              </BlockStack>
            </Card>
          </Layout.AnnotatedSection>
          <Layout.Section>
            <InlineStack align="end">
              <Button submit variant="primary" loading={busy}>Save</Button>
            </InlineStack>
            <Text as="p" tone="subdued" variant="bodySm">Saved all at once, or not at all.</Text>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
