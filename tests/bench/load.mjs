// The load generator, run with plain node (tsx's transform breaks a CommonJS module deep in
// autocannon's dependencies), and out of the measured process. Reads its options as JSON from
// argv[2]; prints autocannon's result as JSON.
import autocannon from "autocannon";

const { url, connections, duration, overallRate, body, headers, label } = JSON.parse(process.argv[2]);
let sequence = 0;
const result = await autocannon({
  url,
  connections,
  duration,
  overallRate,
  method: "POST",
  body,
  headers,
  // Every request is a distinct event (the body, and so the signature, stay the same).
  requests: [
    {
      setupRequest: (req) => {
        const n = sequence++;
        req.headers = {
          ...req.headers,
          "x-shopify-webhook-id": `${label}-w-${n}`,
          "x-shopify-event-id": `${label}-e-${n}`,
        };
        return req;
      },
    },
  ],
});
process.stdout.write(
  JSON.stringify({
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    ok: result["2xx"],
    errors: result.errors + result.timeouts,
  }),
);
