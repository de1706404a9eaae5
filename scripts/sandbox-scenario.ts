// `npm run sandbox:scenario -- <name> [shop]`: plays a named case on the running sandbox.
import { DEMO_SHOP } from "../tests/sandbox/seed";
import { scenarios } from "../tests/sandbox/scenarios";

const [name, shop = DEMO_SHOP] = process.argv.slice(2);
const sandbox = process.env.SANDBOX_URL ?? `http://localhost:${process.env.SANDBOX_PORT ?? 3100}`;
if (!name) {
  console.error(`usage: npm run sandbox:scenario -- <${Object.keys(scenarios).join("|")}> [shop]`);
  process.exit(2);
}
const res = await fetch(`${sandbox}/sandbox/scenarios/${name}?shop=${encodeURIComponent(shop)}`, { method: "POST" }).catch(() => {
  console.error(`No sandbox answers at ${sandbox}: start it with npm run sandbox`);
  process.exit(1);
});
const body = await res.json();
if (!res.ok) {
  console.error(body.error);
  process.exit(1);
}
console.log(`${body.scenario}: order ${body.order.name} (${body.order.id}): ${body.note}`);
