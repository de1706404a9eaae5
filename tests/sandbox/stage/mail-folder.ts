// Every customer email the sandbox's mail server receives, also as a file: <folder>/<customer's
// address>/<time>-<subject>.eml, the message exactly as it arrived, for tests and mail clients.
import fs from "node:fs";
import path from "node:path";
import type { CapturedMail } from "../mailbox";

/** A name safe on every file system, readable: letters, digits, dots, @ and dashes. */
const safe = (text: string, max: number) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^\w.@-]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max) || "mail";

/** Writes `mail` once per recipient; returns the paths written. */
export function writeEml(folder: string, mail: CapturedMail): string[] {
  const time = mail.receivedAt.toISOString().replace(/[:.]/g, "-");
  return mail.envelopeTo.map((to) => {
    const dir = path.join(folder, safe(to.toLowerCase(), 120));
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(
      dir,
      `${time}-${String(mail.id).padStart(3, "0")}-${safe(mail.subject ?? "no subject", 80)}.eml`,
    );
    fs.writeFileSync(file, mail.raw);
    return file;
  });
}
