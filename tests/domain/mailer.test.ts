// The mailer never sends a mail without a real From: the shop's sender, else one made from its SMTP
// server; a sender that is not an address is a reason not to send, told to the caller.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendCustomerMail, senderFor } from "../../app/domain/notifications/mailer.server";
import { startSmtpServer } from "../sandbox/mailbox";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
beforeAll(async () => {
  smtp = await startSmtpServer();
});
afterAll(() => smtp?.close());

const mail = { to: "lucia.martin@example.es", subject: "Tu pedido #1001", text: "Hola", html: "<p>Hola</p>" };

describe("the sender of customer email", () => {
  it("is the shop's sender, with the shop's name when it gives none", () => {
    expect(senderFor("Farmacia Demo <hola@farmacia.example>", "Shop", "smtp://smtp.example.com")).toEqual({ sender: { name: "Farmacia Demo", address: "hola@farmacia.example" } });
    expect(senderFor("hola@farmacia.example", "Farmacia Demo", "smtp://smtp.example.com")).toEqual({ sender: { name: "Farmacia Demo", address: "hola@farmacia.example" } });
  });

  it("else the SMTP login when it is an address, else no-reply at the server's domain", () => {
    expect(senderFor(null, "Farmacia Demo", "smtps://hola%40farmacia.example:pw@smtp.example.com:465")).toEqual({ sender: { name: "Farmacia Demo", address: "hola@farmacia.example" } });
    expect(senderFor(null, "Farmacia Demo", "smtps://apikey:pw@smtp.example.com:465")).toEqual({ sender: { name: "Farmacia Demo", address: "no-reply@smtp.example.com" } });
    expect(senderFor(null, "Farmacia Demo", "smtp://127.0.0.1:2525")).toEqual({ sender: { name: "Farmacia Demo", address: "no-reply@[127.0.0.1]" } });
    expect(senderFor(null, "Farmacia Demo", "smtp://mailhost:25")).toEqual({ reason: "no sender address: set one in Settings, under Email to customers" });
  });

  it("goes out as the From of the mail; a sender that is no address sends nothing and says why", async () => {
    expect(await sendCustomerMail({ smtpUrl: smtp.url, fromAddress: "Farmacia Demo <hola@farmacia.example>" }, "Farmacia Demo", mail)).toMatchObject({ sent: true });
    expect(await sendCustomerMail({ smtpUrl: smtp.url, fromAddress: null }, "Farmacia Demo", mail)).toMatchObject({ sent: true });
    expect(smtp.mails.map((m) => m.from?.text)).toEqual(["\"Farmacia Demo\" <hola@farmacia.example>", "\"Farmacia Demo\" <no-reply@[127.0.0.1]>"]);

    expect(await sendCustomerMail({ smtpUrl: smtp.url, fromAddress: "nobody" }, "Farmacia Demo", mail)).toEqual({ sent: false, reason: "the sender “nobody” in the settings is not an email address" });
    expect(smtp.mails).toHaveLength(2); // nothing left
  });
});
