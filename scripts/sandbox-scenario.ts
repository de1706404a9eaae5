// `npm run sandbox:scenario -- <name> [key=value …] [shop]`: plays a named case on the running sandbox.
import { DEMO_SHOP } from "../tests/sandbox/seed";
import { scenarios } from "../tests/sandbox/scenarios";

const [name, ...rest] = process.argv.slice(2);
const params = new URLSearchParams(
  rest.filter((a) => a.includes("=")).map((a) => a.split("=", 2) as [string, string]),
);
params.set("shop", rest.find((a) => !a.includes("=")) ?? DEMO_SHOP);
const sandbox = process.env.SANDBOX_URL ?? `http://localhost:${process.env.SANDBOX_PORT ?? 3100}`;
if (!name) {
  console.error(
    `usage: npm run sandbox:scenario -- <${Object.keys(scenarios).join("|")}> [key=value …] [shop]`,
  );
  process.exit(2);
}
const res = await fetch(`${sandbox}/sandbox/scenarios/${name}?${params}`, { method: "POST" }).catch(() => {
  console.error(`No sandbox answers at ${sandbox}: start it with npm run sandbox`);
  process.exit(1);
});
const body = await res.json();
if (!res.ok) {
  console.error(body.error);
  process.exit(1);
}
console.log(`${body.scenario}: order ${body.order.name} (${body.order.id}): ${body.note}`);
