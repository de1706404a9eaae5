// The mailer never sends a mail without a real From: the shop's sender, else one made from its SMTP
// server; a sender that is not an address is a reason not to send, told to the caller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  envelopeForRelay,
  envelopeForShopServer,
  sendCustomerMail,
} from "../../app/domain/notifications/mailer.server";
import { startSmtpServer } from "../sandbox/mailbox";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp?.close());

const mail = { to: "lucia.martin@example.es", subject: "Tu pedido #1001", text: "Hola", html: "<p>Hola</p>" };
const server = (host: string, user: string | null = null) => ({ host, user });

describe("the sender of customer email", () => {
  it("is the shop's sender, with the shop's name when it gives none", () => {
    expect(
      envelopeForShopServer("Farmacia Demo <hola@farmacia.example>", "Shop", server("smtp.example.com")),
    ).toEqual({ from: { name: "Farmacia Demo", address: "hola@farmacia.example" } });
    expect(
      envelopeForShopServer("hola@farmacia.example", "Farmacia Demo", server("smtp.example.com")),
    ).toEqual({ from: { name: "Farmacia Demo", address: "hola@farmacia.example" } });
  });

  it("else the SMTP login when it is an address, else no-reply at the server's domain", () => {
    expect(
      envelopeForShopServer(null, "Farmacia Demo", server("smtp.example.com", "hola@farmacia.example")),
    ).toEqual({ from: { name: "Farmacia Demo", address: "hola@farmacia.example" } });
    expect(envelopeForShopServer(null, "Farmacia Demo", server("smtp.example.com", "apikey"))).toEqual({
      from: { name: "Farmacia Demo", address: "no-reply@smtp.example.com" },
    });
    expect(envelopeForShopServer(null, "Farmacia Demo", server("127.0.0.1"))).toEqual({
      from: { name: "Farmacia Demo", address: "no-reply@[127.0.0.1]" },
    });
    expect(envelopeForShopServer(null, "Farmacia Demo", server("mailhost"))).toEqual({
      reason: "no sender address: set one in Settings, under Email to customers",
    });
  });

  it("on the app's relay is the operator's address under the shop's name, replies to the shop", () => {
    expect(
      envelopeForRelay("Farmacia Demo <hola@farmacia.example>", "Farmacia Demo", {
        url: "smtps://relay%40makegood.example:pw@smtp.makegood.example:465",
      }),
    ).toEqual({
      from: { name: "Farmacia Demo", address: "relay@makegood.example" },
      replyTo: "hola@farmacia.example",
    });
    expect(
      envelopeForRelay(null, "Farmacia Demo", {
        url: "smtp://smtp.makegood.example:587",
        from: "no-reply@makegood.example",
      }),
    ).toEqual({ from: { name: "Farmacia Demo", address: "no-reply@makegood.example" } });
  });

  it("goes out as the From of the mail; a sender that is no address sends nothing and says why", async () => {
    expect(
      await sendCustomerMail(
        { smtp: smtp.server, fromAddress: "Farmacia Demo <hola@farmacia.example>" },
        "Farmacia Demo",
        mail,
      ),
    ).toMatchObject({ sent: true });
    expect(
      await sendCustomerMail({ smtp: smtp.server, fromAddress: null }, "Farmacia Demo", mail),
    ).toMatchObject({ sent: true });
    expect(smtp.mails.map((m) => m.from?.text)).toEqual([
      '"Farmacia Demo" <hola@farmacia.example>',
      '"Farmacia Demo" <no-reply@[127.0.0.1]>',
    ]);

    expect(
      await sendCustomerMail({ smtp: smtp.server, fromAddress: "nobody" }, "Farmacia Demo", mail),
    ).toEqual({ sent: false, reason: "the sender “nobody” in the settings is not one email address" });
    expect(smtp.mails).toHaveLength(2); // nothing left
  });
});
