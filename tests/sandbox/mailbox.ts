// The sandbox's mailbox: a local SMTP server that captures every message the app sends (email is
// truly external, so this stands in for the shop's mail provider in tests and in the demo).
import { simpleParser, type ParsedMail } from "mailparser";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

/** A message as received: parsed, with its envelope, its raw source (an .eml as written) and when it
 *  arrived; `savedAs`: where the launcher wrote it (one file per recipient). `id` counts from 1 per server. */
export type CapturedMail = ParsedMail & {
  id: number;
  envelopeTo: string[];
  raw: Buffer;
  receivedAt: Date;
  savedAs?: string[];
};

/** `acceptLogin`: the server offers AUTH (without TLS: a local test server) and takes any login, as
 *  a provider's server takes the right one; the logins tried are in `logins`. */
export async function startSmtpServer(
  port = 0,
  onMail?: (mail: CapturedMail) => void,
  options: { acceptLogin?: boolean } = {},
) {
  const mails: CapturedMail[] = [];
  const logins: { user: string; password: string }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    allowInsecureAuth: options.acceptLogin ?? false,
    onAuth(auth, _session, callback) {
      logins.push({ user: auth.username ?? "", password: auth.password ?? "" });
      callback(null, { user: auth.username });
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const raw = Buffer.concat(chunks);
        simpleParser(raw).then((mail) => {
          const captured = Object.assign(mail, {
            id: mails.length + 1,
            envelopeTo: session.envelope.rcptTo.map((r) => r.address),
            raw,
            receivedAt: new Date(),
          });
          mails.push(captured);
          onMail?.(captured);
          callback();
        }, callback);
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const { port: listening } = server.server.address() as AddressInfo;
  // `server`: as a shop's SMTP settings name it (no login; the app must be allowed 127.0.0.0/8).
  return {
    url: `smtp://127.0.0.1:${listening}`,
    server: { host: "127.0.0.1", port: listening, user: null, password: null },
    mails,
    logins,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
