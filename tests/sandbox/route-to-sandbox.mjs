// Loaded with `node --import` by the sandbox launcher and the app-under-test only, never by the
// app's own code: the app then talks to "Shopify" exactly as in production, and reaches the sandbox.
import { routeShopifyTo } from "./routing.mjs";

const sandbox = process.env.MAKEGOOD_SANDBOX_URL;
if (!sandbox) throw new Error("route-to-sandbox.mjs needs MAKEGOOD_SANDBOX_URL");
routeShopifyTo(sandbox);
