// Settings saved before the mail server had fields of its own held it as one URL
// (smtps://user:password@host:465?options). Read as host, port, login and password; its options —
// which could turn off certificate checks or route through a proxy — are dropped, and the password,
// in clear there, is marked so that the next save (or `npm run cli -- secrets reseal`) seals it.
import { LEGACY_PLAIN } from "../../secrets/legacy";

export type StoredSmtp = { host: string; port: number; user: string | null; password: string | null };

export function smtpFromLegacyUrl(text: string): { smtp: StoredSmtp } | { problem: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { problem: "The saved mail server could not be read: enter it again." };
  }
  if (!/^smtps?:$/.test(url.protocol) || !url.hostname)
    return { problem: "The saved mail server could not be read: enter it again." };
  const user = decodeURIComponent(url.username);
  const password = decodeURIComponent(url.password);
  return {
    smtp: {
      host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port ? Number(url.port) : url.protocol === "smtps:" ? 465 : 587,
      user: user || null,
      password: password ? `${LEGACY_PLAIN}${password}` : null,
    },
  };
}
