// Connecting to a shop's own SMTP server: its name resolved here, every address checked against the
// rule of smtp-address.ts, then a connection to exactly the address checked (the TLS certificate is
// still verified against the name), so a name that resolves differently a moment later (DNS
// rebinding) cannot send the app elsewhere. Short timeouts, and every failure told in words: never
// the raw error, which would tell an attacker what answers where.
import dns from "node:dns/promises";
import net from "node:net";
import nodemailer, { type Transporter } from "nodemailer";
import { addressProblem, type AllowedNetworks } from "./smtp-address";

export type SmtpServer = { host: string; port: number; user: string | null; password: string | null };
export type Connection = { transport: Transporter; address: string };
export type Refused = { problem: string };

const LOOKUP_MS = 5_000;
const CONNECT_MS = 10_000;

async function lookup(host: string): Promise<string[] | null> {
  if (net.isIP(host)) return [host];
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), LOOKUP_MS)));
  try {
    const found = await Promise.race([
      dns.lookup(host, { all: true, verbatim: true }).then((all) => all.map((a) => a.address)),
      timeout,
    ]);
    return found && found.length ? found : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** The address to connect to for `server`, or why the app will not. */
export async function checkedAddress(
  server: Pick<SmtpServer, "host" | "port">,
  allowed: AllowedNetworks,
): Promise<{ address: string } | Refused> {
  const addresses = await lookup(server.host);
  if (!addresses)
    return { problem: `No mail server is named ${server.host}: check the spelling of the server's name.` };
  for (const address of addresses) {
    const problem = addressProblem(address, server.port, allowed);
    if (problem)
      return {
        problem: `${address === server.host ? server.host : `${server.host} (${address})`}: ${problem}.`,
      };
  }
  return { address: addresses[0] };
}

/** A transport to the checked address of the shop's server; `password` is the secret itself. */
export async function connectionTo(
  server: SmtpServer,
  password: string | null,
  allowed: AllowedNetworks,
  clientName: string,
): Promise<Connection | Refused> {
  const checked = await checkedAddress(server, allowed);
  if ("problem" in checked) return checked;
  const transport = nodemailer.createTransport({
    host: checked.address,
    port: server.port,
    secure: server.port === 465,
    // The certificate must name the server the merchant typed, not the address it resolved to.
    servername: net.isIP(server.host) ? undefined : server.host,
    // A password never crosses the internet in clear: STARTTLS is required unless the port is
    // TLS already, or the server is a development mail catcher on an allowed private network.
    requireTLS: server.port !== 465 && !allowed.check(checked.address),
    auth: server.user ? { user: server.user, pass: password ?? "" } : undefined,
    name: clientName,
    connectionTimeout: CONNECT_MS,
    greetingTimeout: CONNECT_MS,
    socketTimeout: 3 * CONNECT_MS,
    dnsTimeout: LOOKUP_MS,
    tls: { minVersion: "TLSv1.2" },
    logger: false,
    debug: false,
  });
  return { transport, address: checked.address };
}

/** What went wrong talking to `server`, in the merchant's words. */
export function smtpFailureInWords(error: unknown, server: Pick<SmtpServer, "host" | "port">): string {
  const code = (error as { code?: string })?.code ?? "";
  const message = error instanceof Error ? error.message : "";
  const where = `${server.host} on port ${server.port}`;
  if (code === "ETIMEDOUT")
    return `${where} did not answer in time: check the server's name and port, or try again later.`;
  if (code === "ECONNREFUSED" || /ECONNREFUSED/.test(message))
    return `${where} refused the connection: nothing receives mail there. Check the port (465 for SSL/TLS, 587 for STARTTLS).`;
  if (code === "ECONNRESET" || code === "ECONNECTION" || code === "ESOCKET" || code === "EPROTOCOL")
    return `${where} closed the connection without speaking SMTP: check the port (465 for SSL/TLS, 587 for STARTTLS).`;
  if (code === "EAUTH" || code === "ENOAUTH")
    return `${where} refused the login and password: check them (some providers want an app password).`;
  if (code === "ETLS" || /certificate|TLS|SSL/i.test(message))
    return `No secure connection could be made with ${where}: its certificate does not match that name, or it offers no TLS there (465 is SSL/TLS, 587 STARTTLS).`;
  if (code === "EENVELOPE")
    return `${where} refused the sender or the recipient: check that your provider lets you send from the sender address.`;
  return `${where} did not accept the mail: use “Test connection” in Settings to see why.`;
}
