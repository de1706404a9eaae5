// The settings page's checks of the shop's mail server beyond its fields' shape: at save, what can
// be told without connecting; "Test connection" (connect, greet, log in) on the values as typed.
import { allowedNetworks, savedPassword, testSmtpServer } from "../notifications/mailer.server";
import { serverProblemBeforeConnecting } from "../notifications/smtp-address";
import { smtpHost, smtpPort, smtpUser } from "./rules";
import type { FormFields } from "./settings-form";
import type { ShopSettings } from "./settings";

export type SmtpTestAnswer = { test: true; ok: boolean; message: string };

/** Why the server about to be saved cannot be used (a private address, not a mail port), or null.
 *  Where its name points is checked by "Test connection" and by every sending, on the address
 *  connected to: saving does not depend on the network. */
export function smtpServerProblem(smtp: unknown): { field: "smtpHost" | "smtpPort"; problem: string } | null {
  if (!smtp || typeof smtp !== "object") return null;
  const { host, port } = smtp as { host: string; port: number };
  const problem = serverProblemBeforeConnecting(host, port, allowedNetworks());
  return problem ? { field: /^Port /.test(problem) ? "smtpPort" : "smtpHost", problem } : null;
}

export async function testSmtpForm(form: FormFields, current: ShopSettings): Promise<SmtpTestAnswer> {
  const refuse = (message: string): SmtpTestAnswer => ({ test: true, ok: false, message });
  const host = smtpHost.safeParse(form.smtpHost ?? "");
  if (!host.success || !host.data)
    return refuse(host.success ? "Enter the SMTP server first." : host.error.issues[0].message);
  const portText = (form.smtpPort ?? "").trim();
  const port = smtpPort.safeParse(/^\d+$/.test(portText) ? Number(portText) : Number.NaN);
  if (!port.success) return refuse(`Port: ${port.error.issues[0].message}`);
  const user = smtpUser.safeParse((form.smtpUser ?? "").trim());
  if (!user.success) return refuse(user.error.issues[0].message);
  const typed = (form.smtpPassword ?? "").replace(/[\r\n]/g, "");
  let password: string | null = typed || null;
  if (!typed && form.smtpPasswordRemove !== "on" && current.smtp?.password) {
    // The saved password goes only to the server it was saved for.
    if (current.smtp.host.toLowerCase() !== host.data.toLowerCase())
      return refuse(
        `The saved password is for ${current.smtp.host}: type the password for ${host.data} to test it.`,
      );
    const saved = savedPassword(current.smtp);
    if ("reason" in saved) return refuse(`The ${saved.reason}.`);
    password = saved.secret;
  }
  const answer = await testSmtpServer(
    { host: host.data, port: port.data, user: user.data || null, password: null },
    password,
  );
  return { test: true, ...answer };
}
