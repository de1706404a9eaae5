// Settings: what detection and deadlines go by, how remedies are offered, the sender and the
// message blocks per language. Saved all at once through the zod schema, or not at all; any change
// shows App Bridge's save bar, which stays in view however far down the page the merchant is.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useFetcher, useLoaderData, useNavigation } from "@remix-run/react";
import {
  Banner,
  Button,
  Card,
  Checkbox,
  ChoiceList,
  FormLayout,
  InlineStack,
  Layout,
  List,
  Page,
  Select,
  Text,
  TextField,
} from "@shopify/polaris";
import { SaveBar, TitleBar, useAppBridge } from "@shopify/app-bridge-react";
import { useEffect, useRef, useState } from "react";
import prisma from "../db.server";
import { localeOf, type Locale } from "../domain/notifications/messages";
import {
  checkSettingsForm,
  fieldErrors,
  settingsToForm,
  smtpPasswordSet,
  type FieldErrors,
  type FormFields,
} from "../domain/settings/settings-form";
import { readShopSettings, saveShopSettings } from "../domain/settings/settings.server";
import { smtpServerProblem, testSmtpForm, type SmtpTestAnswer } from "../domain/settings/smtp-check.server";
import { sealSecret } from "../secrets/secrets.server";
import { INCIDENT_TYPES } from "../domain/incidents/types";
import {
  fieldId,
  FIELD_LABEL,
  inPageOrder,
  labelOf,
  messageFieldParts,
  shownError,
} from "../components/settings-fields";
import { MessageTexts } from "../components/settings-messages";
import { authenticate } from "../shopify.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const { settings, setAside } = await readShopSettings(prisma, session.shop);
  return json({
    fields: settingsToForm(settings),
    passwordSet: smtpPasswordSet(settings),
    locale: localeOf(new URL(request.url).searchParams.get("lang")),
    setAside: fieldErrors(setAside),
  });
};

const TEST_SMTP = "test-smtp";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const form = Object.fromEntries(
    [...(await request.formData()).entries()].map(([k, v]) => [k, String(v)]),
  ) as FormFields;
  const current = (await readShopSettings(prisma, session.shop)).settings;
  // "Test connection": the server as typed (the saved password unless another is typed), not saved.
  if (form.intent === TEST_SMTP) return json(await testSmtpForm(form, current));
  // A refused save is an answer of the page, not a failed request (which the browser would log as
  // an error): 200 with what to correct.
  const checked = checkSettingsForm(form, current, sealSecret);
  if (!checked.ok) return json({ ok: false, errors: checked.errors });
  const server = smtpServerProblem(checked.changes.smtp);
  if (server) return json({ ok: false, errors: { [server.field]: server.problem } as FieldErrors });
  const saved = await saveShopSettings(prisma, session.shop, checked.changes);
  return json(
    saved.ok ? { ok: true, errors: {} as FieldErrors } : { ok: false, errors: fieldErrors(saved.errors) },
  );
};

/** A titled group of fields, as Shopify's own settings pages lay them out. */
function Section({
  title,
  description,
  children,
}: {
  title: string;
  description: string;
  children: React.ReactNode;
}) {
  return (
    <Layout.AnnotatedSection title={title} description={description}>
      <Card>
        <FormLayout>{children}</FormLayout>
      </Card>
    </Layout.AnnotatedSection>
  );
}

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const SAVE_BAR = "settings-save-bar";

export default function Settings() {
  const { fields, passwordSet, locale, setAside } = useLoaderData<typeof loader>();
  const smtpTest = useFetcher<SmtpTestAnswer>();
  const saved = useActionData<typeof action>();
  const navigation = useNavigation().state;
  const busy = navigation !== "idle";
  const shopify = useAppBridge();
  const form = useRef<HTMLFormElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const loaded = useRef(fields);
  loaded.current = fields;
  // What the page shows, and what it was loaded with: the save bar shows while they differ. A
  // refused save keeps everything typed; only a save that went through takes the stored values.
  const [values, setValues] = useState<FormFields>(fields);
  const [baseline, setBaseline] = useState<FormFields>(fields);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [language, setLanguage] = useState<Locale>(locale);
  const [focusField, setFocusField] = useState<string | null>(null);
  const dirty = Object.keys(values).some((name) => values[name] !== baseline[name]);

  // The action's answer arrives before the reloaded settings: act on it once both are in.
  const answered = useRef<typeof saved>(undefined);
  useEffect(() => {
    if (!saved || !("errors" in saved) || navigation !== "idle" || answered.current === saved) return;
    answered.current = saved;
    setErrors(saved.errors);
    if (saved.ok) {
      setValues(loaded.current);
      setBaseline(loaded.current);
      shopify.toast.show("Settings saved");
    }
  }, [saved, navigation, shopify]);
  // A refused save brings the list of what to correct into view, wherever the merchant pressed Save.
  useEffect(() => {
    if (!Object.keys(errors).length) return;
    summary.current?.scrollIntoView({ block: "start" });
    summary.current?.focus({ preventScroll: true });
  }, [errors]);
  useEffect(() => {
    if (focusField) document.getElementById(fieldId(focusField))?.focus();
    setFocusField(null);
  }, [focusField, language]);

  const set = (name: string, value: string) => setValues((s) => ({ ...s, [name]: value }));
  const goTo = (name: string) => {
    const message = messageFieldParts(name);
    if (message) setLanguage(message.locale);
    setFocusField(name);
  };
  const field = (name: string, extra: Partial<React.ComponentProps<typeof TextField>> = {}) => (
    <TextField
      id={fieldId(name)}
      label={FIELD_LABEL[name]}
      name={name}
      value={values[name] ?? ""}
      onChange={(v) => set(name, v)}
      error={shownError(errors[name])}
      autoComplete="off"
      {...extra}
    />
  );
  const wrong = inPageOrder(Object.keys(errors));

  return (
    <Page title="Settings">
      <TitleBar title="Settings" />
      <SaveBar id={SAVE_BAR} open={dirty} discardConfirmation>
        <button
          variant="primary"
          type="button"
          onClick={() => form.current?.requestSubmit()}
          loading={busy ? "" : undefined}
          disabled={busy}
        >
          Save
        </button>
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setValues(baseline);
            setErrors({});
          }}
        >
          Discard
        </button>
      </SaveBar>
      {/* noValidate: the browser would stop at its first complaint; the server reports them all. */}
      <Form method="post" ref={form} noValidate>
        <Layout>
          {wrong.length > 0 && (
            <Layout.Section>
              <div ref={summary} tabIndex={-1} style={{ outline: "none", scrollMarginTop: "72px" }}>
                <Banner
                  tone="critical"
                  title={`Nothing was saved: ${wrong.length === 1 ? "1 field needs" : `${wrong.length} fields need`} correcting`}
                >
                  <List>
                    {wrong.map((name) => (
                      <List.Item key={name}>
                        <Button variant="plain" onClick={() => goTo(name)}>
                          {labelOf(name)}
                        </Button>
                        : {errors[name].split("\n").join(" ")}
                      </List.Item>
                    ))}
                  </List>
                </Banner>
              </div>
            </Layout.Section>
          )}
          {Object.keys(setAside).length > 0 && (
            <Layout.Section>
              <Banner tone="warning" title="Some saved settings are not valid, so their defaults are used">
                <List>
                  {Object.entries(setAside).map(([name, message]) => (
                    <List.Item key={name}>
                      {labelOf(name)}: {message.split("\n").join(" ")}
                    </List.Item>
                  ))}
                </List>
              </Banner>
            </Layout.Section>
          )}
          <Section
            title="Shipping deadlines"
            description="An order not shipped by its ship-by date becomes a late-shipment incident. Shopify's own fulfil-by date wins when there is one."
          >
            {field("handlingDays", { type: "number", min: 0, max: 30 })}
            <input type="hidden" name="workdays" value={values.workdays ?? ""} />
            <ChoiceList
              title={FIELD_LABEL.workdays}
              allowMultiple
              error={shownError(errors.workdays)}
              choices={WEEKDAYS.map((label, i) => ({ label, value: String(i + 1) }))}
              selected={(values.workdays ?? "").split(",").filter(Boolean)}
              onChange={(days) => set("workdays", [...days].sort().join(","))}
            />
            {field("holidays", { multiline: 3, placeholder: "2026-12-25" })}
            {field("timezone", {
              placeholder: "Europe/Madrid",
              helpText: "Blank: the shop's own time zone in Shopify.",
            })}
          </Section>
          <Section
            title="Delivery deadlines"
            description="A parcel in transit past the carrier's estimate, or past these transit times when there is none, becomes a late-delivery incident."
          >
            {field("transitDays", { type: "number", min: 1, max: 60 })}
            {field("carrierTransitDays", {
              multiline: 3,
              placeholder: "SEUR: 2",
              helpText: "The carrier as Shopify names it, then the business days, from 1 to 60.",
            })}
            {field("watchDays", { type: "number", min: 1, max: 90 })}
          </Section>
          <Section
            title="Stock problems and offers"
            description="What happens when stock cannot honour an order."
          >
            <Checkbox
              label={FIELD_LABEL.holdOnStockMismatch}
              name="holdOnStockMismatch"
              value="on"
              checked={values.holdOnStockMismatch === "on"}
              onChange={(on) => set("holdOnStockMismatch", on ? "on" : "")}
            />
            <Select
              label={FIELD_LABEL.substituteMatch}
              name="substituteMatch"
              value={values.substituteMatch}
              onChange={(v) => set("substituteMatch", v)}
              error={shownError(errors.substituteMatch)}
              helpText="Group products that can replace each other by giving them the same tag in Shopify, such as substitute-group:facial-water."
              options={[
                { label: "of the same product type, or in a substitute group with it", value: "both" },
                { label: "in a substitute group with it", value: "groups" },
              ]}
            />
            {field("offerExpiresInHours", { type: "number", min: 1, max: 720 })}
          </Section>
          <Section
            title="Default compensation"
            description="The discount on the next order that an apology code gives, by problem: the bulk “apology + code” uses it, and the incident page starts from it."
          >
            <InlineStack gap="400">
              {INCIDENT_TYPES.map((type) => (
                <div key={type} style={{ width: "9rem" }}>
                  {field(`compensationPercent.${type}`, { type: "number", min: 1, max: 100 })}
                </div>
              ))}
            </InlineStack>
            {field("compensationValidDays", { type: "number", min: 1, max: 365 })}
          </Section>
          <Section
            title="Service deadlines"
            description="Every new incident gets these: acknowledge the customer, then answer with a solution."
          >
            <InlineStack gap="400" wrap={false}>
              {field("acknowledgeWithinHours", { type: "number", min: 0, max: 168 })}
              {field("answerWithinHours", { type: "number", min: 1, max: 336 })}
            </InlineStack>
          </Section>
          <Section
            title="Email to customers"
            description="Sent through your own SMTP server, from your address."
          >
            {field("fromAddress", {
              placeholder: "Farmacia Demo <hola@farmacia.example>",
              helpText:
                "An email address, with your shop's name before it if you like. Blank: your SMTP login when it is an address, else no-reply at your SMTP server's domain.",
            })}
            {/* Server and port one under the other: a narrow port box cut "2626" to "26" and wrapped its help mid-word. */}
            {field("smtpHost", {
              placeholder: "smtp.example.com",
              helpText:
                "Your mail provider's server name. Blank: the app's own mail relay, when there is one (from the app's address, with your shop's name, replies to your sender address).",
            })}
            <div style={{ maxWidth: "16rem" }}>
              {field("smtpPort", {
                type: "number",
                min: 1,
                max: 65535,
                placeholder: "465",
                helpText: "465 (SSL/TLS), 587 (STARTTLS), 25 or 2525",
              })}
            </div>
            {field("smtpUser", { placeholder: "hola@farmacia.example" })}
            <Text as="p" id="smtp-password-status">
              Password:{" "}
              {passwordSet
                ? values.smtpPasswordRemove === "on"
                  ? "set — it will be removed when you save"
                  : "set"
                : "not set"}
            </Text>
            {field("smtpPassword", {
              type: "password",
              autoComplete: "new-password",
              helpText: passwordSet
                ? "Blank keeps the saved password; it is never shown again."
                : "Stored encrypted; it is never shown again.",
            })}
            {passwordSet && (
              <Checkbox
                label="Remove the saved password"
                name="smtpPasswordRemove"
                value="on"
                checked={values.smtpPasswordRemove === "on"}
                onChange={(on) => set("smtpPasswordRemove", on ? "on" : "")}
              />
            )}
            <InlineStack gap="300" blockAlign="center">
              <Button
                loading={smtpTest.state !== "idle"}
                disabled={!values.smtpHost?.trim()}
                onClick={() =>
                  smtpTest.submit(
                    {
                      intent: TEST_SMTP,
                      smtpHost: values.smtpHost ?? "",
                      smtpPort: values.smtpPort ?? "",
                      smtpUser: values.smtpUser ?? "",
                      smtpPassword: values.smtpPassword ?? "",
                      smtpPasswordRemove: values.smtpPasswordRemove ?? "",
                    },
                    { method: "post" },
                  )
                }
              >
                Test connection
              </Button>
            </InlineStack>
            <div id="smtp-test-result">
              {smtpTest.state === "idle" && smtpTest.data && (
                <Banner
                  tone={smtpTest.data.ok ? "success" : "critical"}
                  title={smtpTest.data.ok ? "The mail server answered" : "The mail server cannot be used"}
                >
                  <p>{smtpTest.data.message}</p>
                </Banner>
              )}
            </div>
          </Section>
          <Layout.AnnotatedSection
            title="Message texts"
            description="Your own wording for each text, per language. Words in braces such as {order} are filled in when sent; leave a text blank to go back to ours."
          >
            <MessageTexts
              language={language}
              onLanguage={setLanguage}
              values={values}
              onChange={set}
              errors={errors}
            />
          </Layout.AnnotatedSection>
          <Layout.Section>
            <Text as="p" tone="subdued" variant="bodySm">
              Any change shows the save bar: everything is saved at once, or nothing.
            </Text>
          </Layout.Section>
        </Layout>
      </Form>
    </Page>
  );
}
