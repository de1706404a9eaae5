// Customer email over the shop's SMTP server (nodemailer). No SMTP configured: nothing is sent and
// the caller says so on the incident, so the merchant can share the link another way.
import nodemailer from "nodemailer";
import { env } from "../../env.server";
import type { ShopSettings } from "../settings/settings";

export type Mail = { to: string; subject: string; text: string; html: string };
export type SendResult = { sent: true; messageId: string } | { sent: false; reason: string };

export async function sendCustomerMail(shopSettings: Pick<ShopSettings, "smtpUrl" | "fromAddress">, shopName: string, mail: Mail): Promise<SendResult> {
  // The shop's own server first, else the app-wide relay (SMTP_URL).
  const settings = { ...shopSettings, smtpUrl: shopSettings.smtpUrl ?? env.SMTP_URL ?? null };
  if (!settings.smtpUrl) return { sent: false, reason: "no SMTP server in the shop's settings" };
  const transport = nodemailer.createTransport(settings.smtpUrl);
  try {
    const from = settings.fromAddress ?? `${shopName} <${new URL(settings.smtpUrl).username || "no-reply"}@${new URL(settings.smtpUrl).hostname}>`;
    const info = await transport.sendMail({ from, ...mail });
    return { sent: true, messageId: info.messageId };
  } catch (error) {
    return { sent: false, reason: `the SMTP server refused it: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    transport.close();
  }
}
