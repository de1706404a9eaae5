// "Tell the customer": pick a message, see it as the customer will read it (their language, the
// shop's own wording), then send it. Nothing leaves before the merchant has seen the preview.
import { useSubmit } from "@remix-run/react";
import { BlockStack, Box, Button, Card, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import { useState } from "react";

export type MessagePreview = {
  kind: string;
  locale: string;
  note: string;
  to: string;
  subject: string;
  text: string;
};

const LANGUAGES = [
  { value: "en", label: "English" },
  { value: "es", label: "Español" },
  { value: "ro", label: "Română" },
];

export function MessagePanel({
  email,
  locale,
  code,
  busy,
  preview,
  open,
}: {
  email: string | null;
  locale: string;
  code: string | null;
  busy: boolean;
  preview?: MessagePreview;
  open: boolean;
}) {
  const [kind, setKind] = useState(preview?.kind ?? (open ? "acknowledge" : "note"));
  const [language, setLanguage] = useState(preview?.locale ?? locale);
  const [note, setNote] = useState(preview?.note ?? "");
  const submit = useSubmit();
  const post = (intent: string) => submit({ intent, kind, locale: language, note }, { method: "post" });
  const showing =
    preview && preview.kind === kind && preview.locale === language && preview.note === note ? preview : null;
  const kinds = [
    ...(open ? [{ value: "acknowledge", label: "We are on it (with the answer-by date)" }] : []),
    {
      value: "apology_code",
      label: code ? `Apology with code ${code}` : "Apology with a code (create a code first)",
      disabled: !code,
    },
    { value: "note", label: "Your own words" },
  ];
  if (!email) {
    return (
      <Card>
        <BlockStack gap="200">
          <Text as="h2" variant="headingMd">
            Tell the customer
          </Text>
          <Text as="p" tone="subdued">
            The order has no email address.
          </Text>
        </BlockStack>
      </Card>
    );
  }
  return (
    <Card>
      <BlockStack gap="300">
        <Text as="h2" variant="headingMd">
          Tell the customer
        </Text>
        <Select label="Message" options={kinds} value={kind} onChange={setKind} />
        <Select
          label="Language"
          helpText="The customer's language, from their order"
          options={LANGUAGES}
          value={language}
          onChange={setLanguage}
        />
        {kind === "note" && (
          <TextField
            label="Your message"
            value={note}
            onChange={setNote}
            multiline={4}
            autoComplete="off"
            maxLength={2000}
          />
        )}
        {showing && (
          <Box background="bg-surface-secondary" padding="300" borderRadius="200">
            <BlockStack gap="200">
              <Text as="p" variant="bodySm" tone="subdued">
                To {showing.to}
              </Text>
              <Text as="h3" variant="headingSm">
                {showing.subject}
              </Text>
              <div style={{ whiteSpace: "pre-wrap" }} aria-label="Email preview">
                <Text as="p">{showing.text}</Text>
              </div>
            </BlockStack>
          </Box>
        )}
        <InlineStack gap="200">
          <Button
            onClick={() => post("message_preview")}
            disabled={busy || (kind === "note" && !note.trim())}
          >
            {showing ? "Preview again" : "Preview email"}
          </Button>
          {showing && (
            <Button
              onClick={() => post("message_send")}
              variant="primary"
              disabled={busy}
            >{`Send to ${showing.to}`}</Button>
          )}
        </InlineStack>
      </BlockStack>
    </Card>
  );
}
