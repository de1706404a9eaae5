// The sender is exactly one mailbox. Before, anything whose last <…> held an
// address passed — a group ("Undisclosed:;"), a list-like name ("a, b"), a Unicode line separator,
// a direction override that reverses what the customer reads, an encoded word, an address as the
// name — and was stored and used as the From.
import { describe, expect, it } from "vitest";
import { parseSender } from "../../app/domain/settings/sender";
import { checkSettings } from "../../app/domain/settings/settings";

describe("the sender is one mailbox", () => {
  it.each([
    ["hola@farmacia.example", { name: "", address: "hola@farmacia.example" }],
    ["Farmacia Demo <hola@farmacia.example>", { name: "Farmacia Demo", address: "hola@farmacia.example" }],
    [
      '"Farmacia, S.L." <hola@farmacia.example>',
      { name: "Farmacia, S.L.", address: "hola@farmacia.example" },
    ],
    ['"Say \\"hola\\"" <hola@farmacia.example>', { name: 'Say "hola"', address: "hola@farmacia.example" }],
    ["J. Pérez <hola@farmacia.example>", { name: "J. Pérez", address: "hola@farmacia.example" }],
    ["<hola@farmacia.example>", { name: "", address: "hola@farmacia.example" }],
  ])("reads %s", (text, sender) => {
    expect(parseSender(text)).toEqual(sender);
  });

  it.each([
    ["a list", "hola@farmacia.example, ventas@farmacia.example", "holds more than one address"],
    [
      "a list in brackets",
      "Farmacia <hola@farmacia.example>, <x@evil.example>",
      "holds more than one address",
    ],
    ["a group", "Undisclosed:; <hola@farmacia.example>", "put the name in double quotes"],
    [
      "a name that reads as a list",
      "Farmacia, evil <hola@farmacia.example>",
      "put the name in double quotes",
    ],
    ["a comment", "Farmacia (support) <hola@farmacia.example>", "put the name in double quotes"],
    ["an address as the name", '"support@bank.example" <hola@farmacia.example>', "cannot hold an address"],
    ["an encoded word", "=?utf-8?q?Bank?= <hola@farmacia.example>", "encoded text"],
    ["a line break", "Farmacia\r\nBcc: all@victims.example <hola@farmacia.example>", "line break"],
    [
      "a Unicode line separator",
      "Farmacia\u2028Bcc: all@victims.example <hola@farmacia.example>",
      "line break",
    ],
    ["a direction override", "Farmacia\u202e <hola@farmacia.example>", "invisible character"],
    ["an unclosed quote", '"Farmacia <hola@farmacia.example>', "double quotes are not closed"],
    ["no address", "Farmacia <nobody>", "is not an email address"],
  ])("refuses %s, saying why", (_, text, words) => {
    expect(parseSender(text)).toBeNull();
    const checked = checkSettings({ fromAddress: text });
    expect(checked.ok).toBe(false);
    expect(checked.ok ? "" : checked.errors.fromAddress).toContain(words);
  });
});
