// The app's own relay (SMTP_URL): before, any merchant could send as anyone
// through the operator's server — the From was whatever the shop's settings said. Now the mail is
// from the operator's address, under the shop's name, and replies go to the shop's address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSmtpServer } from "../sandbox/mailbox";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let mailer: typeof import("../../app/domain/notifications/mailer.server");
beforeAll(async () => {
  smtp = await startSmtpServer();
  // The app's configuration is read once, when first loaded: this file's is the relay's.
  process.env.SMTP_URL = smtp.url;
  process.env.SMTP_FROM = "no-reply@makegood.example";
  mailer = await import("../../app/domain/notifications/mailer.server");
});
afterAll(() => smtp?.close());

describe("the app's mail relay", () => {
  it("sends as the operator, under the shop's name, with the shop's address to reply to", async () => {
    const mail = {
      to: "lucia.martin@example.es",
      subject: "Tu pedido #1001",
      text: "Hola",
      html: "<p>Hola</p>",
    };
    expect(
      await mailer.sendCustomerMail(
        { smtp: null, fromAddress: "PayPal Security <security@paypal.example>" },
        "Farmacia Demo",
        mail,
      ),
    ).toMatchObject({ sent: true });
    expect(
      await mailer.sendCustomerMail({ smtp: null, fromAddress: null }, "Farmacia Demo", mail),
    ).toMatchObject({ sent: true });
    expect(smtp.mails.map((m) => [m.from?.text, m.replyTo?.text ?? null])).toEqual([
      ['"Farmacia Demo" <no-reply@makegood.example>', "security@paypal.example"],
      ['"Farmacia Demo" <no-reply@makegood.example>', null],
    ]);
  });
});
