// A shop's SMTP setting cannot reach inside the network. Before, any host, port
// and nodemailer URL option went straight to nodemailer, and its raw error came back to the
// merchant: 127.0.0.1:1 answered ECONNREFUSED, an open port "Greeting never received" — a port
// scanner. Now only public addresses on mail ports (after resolving the name, connecting to the
// address checked), and failures in words. These run with no private network allowed, as in
// production; the test mail server on 127.0.0.1 stands for anything inside the network.
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendCustomerMail, testSmtpServer } from "../../app/domain/notifications/mailer.server";
import {
  addressProblem,
  isPublicAddress,
  NO_PRIVATE_NETWORKS,
  parseNetworks,
} from "../../app/domain/notifications/smtp-address";
import { checkedAddress } from "../../app/domain/notifications/smtp-connection.server";
import { readSettings } from "../../app/domain/settings/settings";
import { startSmtpServer } from "../sandbox/mailbox";

let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let closedPort: number;
beforeAll(async () => {
  smtp = await startSmtpServer();
  const probe = net.createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  closedPort = (probe.address() as net.AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => smtp?.close());

const mail = { to: "lucia.martin@example.es", subject: "Tu pedido #1001", text: "Hola", html: "<p>Hola</p>" };
const RAW = /ECONNREFUSED|ETIMEDOUT|ESOCKET|Greeting|connect |Error:/;

describe("a shop's SMTP server", () => {
  it("is never inside the network: loopback, private, link-local (cloud metadata), mapped or reserved addresses", () => {
    for (const address of [
      "127.0.0.1",
      "10.1.2.3",
      "172.16.0.9",
      "192.168.1.1",
      "169.254.169.254",
      "100.64.0.1",
      "0.0.0.0",
      "::1",
      "fd00::1",
      "fe80::1",
      "::ffff:127.0.0.1",
      "::ffff:7f00:1",
      "64:ff9b::a00:1",
      "2002:7f00:1::1",
      "255.255.255.255",
    ]) {
      expect(isPublicAddress(address), address).toBe(false);
      expect(addressProblem(address, 587, NO_PRIVATE_NETWORKS), address).toMatch(
        /private or reserved address/,
      );
    }
    expect(isPublicAddress("8.8.8.8")).toBe(true);
    expect(isPublicAddress("2a00:1450:4001:80b::200e")).toBe(true);
  });

  it("listens on a mail port: 25, 465, 587 or 2525", () => {
    for (const port of [25, 465, 587, 2525])
      expect(addressProblem("8.8.8.8", port, NO_PRIVATE_NETWORKS)).toBeNull();
    for (const port of [22, 80, 3306, 5432, 6379, 11211])
      expect(addressProblem("8.8.8.8", port, NO_PRIVATE_NETWORKS)).toMatch(/not a mail port/);
  });

  it("is judged by the address its name resolves to", async () => {
    // localhost is a name; what it points to is loopback.
    expect(await checkedAddress({ host: "localhost", port: 587 }, NO_PRIVATE_NETWORKS)).toEqual({
      problem: expect.stringMatching(
        /^localhost \((127\.0\.0\.1|::1)\): it is a private or reserved address/,
      ),
    });
    expect(await checkedAddress({ host: "no-such-server.invalid", port: 587 }, NO_PRIVATE_NETWORKS)).toEqual({
      problem: "No mail server is named no-such-server.invalid: check the spelling of the server's name.",
    });
  });

  it("inside the network gets no connection: an open and a closed port read the same, in words", async () => {
    const open = await testSmtpServer(
      { host: "127.0.0.1", port: smtp.server.port, user: null, password: null },
      null,
      NO_PRIVATE_NETWORKS,
    );
    const closed = await testSmtpServer(
      { host: "127.0.0.1", port: closedPort, user: null, password: null },
      null,
      NO_PRIVATE_NETWORKS,
    );
    expect(open).toEqual({
      ok: false,
      message:
        "127.0.0.1: it is a private or reserved address, which the app does not connect to: use your mail provider's public server.",
    });
    expect(closed).toEqual(open);
  });

  it("saved before this rule (a URL to a local port, with options) sends nothing there", async () => {
    const legacy = readSettings({
      smtpUrl: `${smtp.url}?proxy=http://10.0.0.1:3128&ignoreTLS=true`,
      fromAddress: "Farmacia Demo <hola@farmacia.example>",
    });
    const sent = await sendCustomerMail(legacy, "Farmacia Demo", mail, NO_PRIVATE_NETWORKS);
    expect(sent).toEqual({
      sent: false,
      reason:
        "127.0.0.1: it is a private or reserved address, which the app does not connect to: use your mail provider's public server.",
    });
    expect(smtp.mails).toHaveLength(0);
  });

  it("that fails is told in words, never with the raw error", async () => {
    const allowLoopback = parseNetworks("127.0.0.0/8"); // development, so that the connection is tried
    const closed = await testSmtpServer(
      { host: "127.0.0.1", port: closedPort, user: null, password: null },
      null,
      allowLoopback,
    );
    expect(closed).toEqual({
      ok: false,
      message: `127.0.0.1 on port ${closedPort} refused the connection: nothing receives mail there. Check the port (465 for SSL/TLS, 587 for STARTTLS).`,
    });
    const sent = await sendCustomerMail(
      {
        smtp: { host: "127.0.0.1", port: closedPort, user: null, password: null },
        fromAddress: "hola@farmacia.example",
      },
      "Farmacia Demo",
      mail,
      allowLoopback,
    );
    expect(sent.sent).toBe(false);
    expect(sent.sent ? "" : sent.reason).not.toMatch(RAW);
    expect(await testSmtpServer(smtp.server, null, allowLoopback)).toEqual({
      ok: true,
      message: `Connected to 127.0.0.1 on port ${smtp.server.port}: email can go out.`,
    });
  });
});
