// The message texts of the settings page: every block of every language is on the form (so
// switching language loses nothing typed and one Save keeps them all); one language is shown.
import { BlockStack, Card, Select, Text, TextField } from "@shopify/polaris";
import { LOCALES, MESSAGE_KEYS, type Locale } from "../domain/notifications/messages";
import { MESSAGE_BLOCKS, MESSAGE_GROUPS, placeholdersOf } from "../domain/settings/message-blocks";
import { messageField } from "../domain/settings/settings-form";
import { fieldId, LANGUAGE_NAME, shownError } from "./settings-fields";

type Props = {
  language: Locale;
  onLanguage: (language: Locale) => void;
  values: Record<string, string>;
  onChange: (field: string, value: string) => void;
  errors: Record<string, string>;
};

export function MessageTexts({ language, onLanguage, values, onChange, errors }: Props) {
  const toCorrect = (locale: Locale) =>
    MESSAGE_KEYS.filter((key) => errors[messageField(locale, key)]).length;
  const languages = LOCALES.map((locale) => ({
    value: locale,
    label: toCorrect(locale)
      ? `${LANGUAGE_NAME[locale]} (${toCorrect(locale)} to correct)`
      : LANGUAGE_NAME[locale],
  }));
  return (
    <Card>
      <BlockStack gap="500">
        <Select
          label="Language of the texts below"
          value={language}
          onChange={(l) => onLanguage(l as Locale)}
          options={languages}
        />
        {MESSAGE_GROUPS.map((group) => (
          <BlockStack key={group.id} gap="300">
            <Text as="h3" variant="headingSm">
              {group.title}
            </Text>
            {MESSAGE_KEYS.filter((key) => MESSAGE_BLOCKS[key].group === group.id).map((key) => {
              const name = messageField(language, key);
              const names = placeholdersOf(key);
              return (
                <TextField
                  key={name}
                  id={fieldId(name)}
                  name={name}
                  label={MESSAGE_BLOCKS[key].label}
                  multiline={2}
                  autoComplete="off"
                  helpText={
                    names.length ? `Filled in when sent: ${names.map((n) => `{${n}}`).join(", ")}` : undefined
                  }
                  value={values[name] ?? ""}
                  onChange={(v) => onChange(name, v)}
                  error={shownError(errors[name])}
                />
              );
            })}
          </BlockStack>
        ))}
        {LOCALES.filter((locale) => locale !== language).flatMap((locale) =>
          MESSAGE_KEYS.map((key) => (
            <input
              key={messageField(locale, key)}
              type="hidden"
              name={messageField(locale, key)}
              value={values[messageField(locale, key)] ?? ""}
            />
          )),
        )}
      </BlockStack>
    </Card>
  );
}
