// A customer's browser on a sandbox shop's own domain (http://<handle>.localhost:<port>, see
// tests/sandbox/store.ts storefrontUrl) from Node: browsers resolve *.localhost to this machine
// (RFC 6761), Node's resolver does not, and fetch cannot set Host — so node:http, with the lookup
// a browser would do and the Host the browser would send.
import http from "node:http";
import { BROWSER_UA } from "./app-server";

export type Browsed = { status: number; headers: http.IncomingHttpHeaders; body: string };

/** GET `url`, or POST the form `form` to it, as a browser on the shop's domain would. */
export function browse(
  url: string,
  { form, headers = {} }: { form?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<Browsed> {
  const target = new URL(url);
  const body = form ? new URLSearchParams(form).toString() : undefined;
  return new Promise((resolve, reject) => {
    const req = http.request(
      target,
      {
        method: form ? "POST" : "GET",
        headers: {
          "User-Agent": BROWSER_UA,
          ...(body !== undefined
            ? {
                "Content-Type": "application/x-www-form-urlencoded",
                "Content-Length": Buffer.byteLength(body),
              }
            : {}),
          ...headers,
        },
        lookup: target.hostname.endsWith(".localhost")
          ? (_host, options, done) =>
              (options as { all?: boolean }).all
                ? done(null, [{ address: "127.0.0.1", family: 4 }] as never, 4)
                : done(null, "127.0.0.1", 4)
          : undefined,
      },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
