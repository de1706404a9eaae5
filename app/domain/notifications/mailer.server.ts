// Customer email, through the shop's own SMTP server or else the app's relay (SMTP_URL). No server,
// or no sender that is an email address: nothing is sent and the caller says why on the incident,
// so the merchant can share the link another way — never a mail without a From.
// On the shop's own server the mail is from the shop's sender. On the app's relay the operator's
// address sends it (a merchant must not send as anyone through the operator's server): the shop's
// name is the sender's name, and the shop's address is where the customer's reply goes.
import nodemailer from "nodemailer";
import { env } from "../../env.server";
import { openSecret } from "../../secrets/secrets.server";
import { isEmailAddress, readSender, type Sender } from "../settings/sender";
import type { ShopSettings } from "../settings/settings";
import { NO_PRIVATE_NETWORKS, parseNetworks, type AllowedNetworks } from "./smtp-address";
import { connectionTo, smtpFailureInWords, type SmtpServer } from "./smtp-connection.server";

export type Mail = { to: string; subject: string; text: string; html: string };
export type SendResult = { sent: true; messageId: string } | { sent: false; reason: string };
export type Envelope = { from: Sender; replyTo?: string };

/** The private networks this deployment lets a shop's server be in (development only). */
export const allowedNetworks = (): AllowedNetworks =>
  env.SMTP_ALLOW_PRIVATE_NETWORKS ? parseNetworks(env.SMTP_ALLOW_PRIVATE_NETWORKS) : NO_PRIVATE_NETWORKS;
/** How the app names itself to mail servers (EHLO): its public host, never the machine's name. */
const clientName = () => new URL(env.SHOPIFY_APP_URL).hostname;

function shopSender(fromAddress: string | null): { sender: Sender | null } | { reason: string } {
  if (!fromAddress) return { sender: null };
  const read = readSender(fromAddress);
  return "sender" in read
    ? { sender: read.sender }
    : { reason: `the sender “${fromAddress}” in the settings is not one email address` };
}

/** The mail's From on the shop's own server: the shop's sender (its name defaulting to the shop's),
 *  else the login when it is an address, else no-reply at the server's domain. */
export function envelopeForShopServer(
  fromAddress: string | null,
  shopName: string,
  server: Pick<SmtpServer, "host" | "user">,
): Envelope | { reason: string } {
  const own = shopSender(fromAddress);
  if ("reason" in own) return own;
  if (own.sender) return { from: { name: own.sender.name || shopName, address: own.sender.address } };
  if (server.user && isEmailAddress(server.user)) return { from: { name: shopName, address: server.user } };
  // An IPv4 server (a local relay) is written as an address literal, as RFC 5321 has it.
  const domain = /^\d{1,3}(\.\d{1,3}){3}$/.test(server.host) ? `[${server.host}]` : server.host;
  if (domain.startsWith("[") || isEmailAddress(`no-reply@${domain}`))
    return { from: { name: shopName, address: `no-reply@${domain}` } };
  return { reason: "no sender address: set one in Settings, under Email to customers" };
}

/** The mail's From on the app's relay: the operator's address (SMTP_FROM, else the relay's login
 *  when it is an address, else no-reply at the relay's domain) under the shop's name; Reply-To the shop's. */
export function envelopeForRelay(
  fromAddress: string | null,
  shopName: string,
  relay: { url: string; from?: string },
): Envelope | { reason: string } {
  const own = shopSender(fromAddress);
  if ("reason" in own) return own;
  const url = new URL(relay.url);
  const login = decodeURIComponent(url.username);
  const domain = /^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname) ? `[${url.hostname}]` : url.hostname;
  const operator = relay.from ?? (isEmailAddress(login) ? login : `no-reply@${domain}`);
  return {
    from: { name: shopName, address: operator },
    ...(own.sender ? { replyTo: own.sender.address } : {}),
  };
}

type MailSettings = Pick<ShopSettings, "smtp" | "fromAddress">;

export async function sendCustomerMail(
  shopSettings: MailSettings,
  shopName: string,
  mail: Mail,
  allowed = allowedNetworks(),
): Promise<SendResult> {
  if (shopSettings.smtp)
    return sendThroughShopServer(shopSettings.smtp, shopSettings.fromAddress, shopName, mail, allowed);
  if (!env.SMTP_URL) return { sent: false, reason: "no SMTP server in the shop's settings" };
  const envelope = envelopeForRelay(shopSettings.fromAddress, shopName, {
    url: env.SMTP_URL,
    from: env.SMTP_FROM,
  });
  if ("reason" in envelope) return { sent: false, reason: envelope.reason };
  const transport = nodemailer.createTransport(env.SMTP_URL);
  try {
    const info = await transport.sendMail({ ...envelope, ...mail });
    return { sent: true, messageId: info.messageId };
  } catch (error) {
    console.error(
      JSON.stringify({
        event: "smtp_relay_failed",
        code: (error as { code?: string }).code ?? null,
        message: (error as Error).message,
      }),
    );
    return { sent: false, reason: "the app's mail relay did not accept it; the operator has the details" };
  } finally {
    transport.close();
  }
}

async function sendThroughShopServer(
  server: SmtpServer,
  fromAddress: string | null,
  shopName: string,
  mail: Mail,
  allowed: AllowedNetworks,
): Promise<SendResult> {
  const envelope = envelopeForShopServer(fromAddress, shopName, server);
  if ("reason" in envelope) return { sent: false, reason: envelope.reason };
  const password = readPassword(server);
  if ("reason" in password) return { sent: false, reason: password.reason };
  const connection = await connectionTo(server, password.secret, allowed, clientName());
  if ("problem" in connection) return { sent: false, reason: connection.problem };
  try {
    const info = await connection.transport.sendMail({ ...envelope, ...mail });
    return { sent: true, messageId: info.messageId };
  } catch (error) {
    return { sent: false, reason: smtpFailureInWords(error, server) };
  } finally {
    connection.transport.close();
  }
}

function readPassword(server: SmtpServer): { secret: string | null } | { reason: string } {
  if (!server.password) return { secret: null };
  try {
    return { secret: openSecret(server.password) };
  } catch (error) {
    console.error(JSON.stringify({ event: "smtp_password_unreadable", message: (error as Error).message }));
    return {
      reason:
        "the saved SMTP password cannot be read with the app's encryption key: enter it again in Settings",
    };
  }
}

export type ConnectionTest = { ok: true; message: string } | { ok: false; message: string };

/** Connects, greets and logs in to `server` as sending would, and says in words how it went. */
export async function testSmtpServer(
  server: SmtpServer,
  password: string | null,
  allowed = allowedNetworks(),
): Promise<ConnectionTest> {
  const connection = await connectionTo(server, password, allowed, clientName());
  if ("problem" in connection) return { ok: false, message: connection.problem };
  try {
    await connection.transport.verify();
    return {
      ok: true,
      message: `Connected to ${server.host} on port ${server.port}${server.user ? ` and logged in as ${server.user}` : ""}: email can go out.`,
    };
  } catch (error) {
    return { ok: false, message: smtpFailureInWords(error, server) };
  } finally {
    connection.transport.close();
  }
}

/** The stored password of the shop's server, opened for a test (null when none is saved). */
export const savedPassword = (server: SmtpServer | null) =>
  server ? readPassword(server) : { secret: null };
