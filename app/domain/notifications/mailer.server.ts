// Customer email over the shop's SMTP server (nodemailer). No SMTP configured, or no sender that is
// an email address: nothing is sent and the caller says why on the incident, so the merchant can
// share the link another way — never a mail without a From.
import nodemailer from "nodemailer";
import { env } from "../../env.server";
import { isEmailAddress, parseSender, type Sender } from "../settings/sender";
import type { ShopSettings } from "../settings/settings";

export type Mail = { to: string; subject: string; text: string; html: string };
export type SendResult = { sent: true; messageId: string } | { sent: false; reason: string };

/** Who the mail is from: the shop's sender (its name defaulting to the shop's), else the SMTP
 *  login when it is an address, else no-reply at the SMTP server's domain. */
export function senderFor(fromAddress: string | null, shopName: string, smtpUrl: string): { sender: Sender } | { reason: string } {
  if (fromAddress) {
    const sender = parseSender(fromAddress);
    return sender ? { sender: { name: sender.name || shopName, address: sender.address } } : { reason: `the sender “${fromAddress}” in the settings is not an email address` };
  }
  const url = new URL(smtpUrl);
  const login = decodeURIComponent(url.username);
  if (isEmailAddress(login)) return { sender: { name: shopName, address: login } };
  // An IPv4 server (a local relay) is written as an address literal, as RFC 5321 has it.
  const domain = /^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname) ? `[${url.hostname}]` : url.hostname;
  if (domain.startsWith("[") || isEmailAddress(`no-reply@${domain}`)) return { sender: { name: shopName, address: `no-reply@${domain}` } };
  return { reason: "no sender address: set one in Settings, under Email to customers" };
}

export async function sendCustomerMail(shopSettings: Pick<ShopSettings, "smtpUrl" | "fromAddress">, shopName: string, mail: Mail): Promise<SendResult> {
  // The shop's own server first, else the app-wide relay (SMTP_URL).
  const smtpUrl = shopSettings.smtpUrl ?? env.SMTP_URL ?? null;
  if (!smtpUrl) return { sent: false, reason: "no SMTP server in the shop's settings" };
  const from = senderFor(shopSettings.fromAddress, shopName, smtpUrl);
  if ("reason" in from) return { sent: false, reason: from.reason };
  const transport = nodemailer.createTransport(smtpUrl);
  try {
    const info = await transport.sendMail({ from: from.sender, ...mail });
    return { sent: true, messageId: info.messageId };
  } catch (error) {
    return { sent: false, reason: `the SMTP server refused it: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    transport.close();
  }
}
