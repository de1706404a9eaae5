// The app as `npm run sandbox` installs it on the demo shop: development-only credentials, known to
// the sandbox and the app alone, and the environment that makes the app (or its CLI) reach the
// sandbox instead of Shopify.
import path from "node:path";

export const DEMO_APP = {
  apiKey: "makegood-sandbox-key",
  secret: "makegood-sandbox-secret",
  scopes: "read_orders,write_orders",
};

/** `stageClockFile`: the process lives at the sandbox's time (stage-clock.mjs), as the launcher's app does. */
export function demoAppEnv(
  root: string,
  appUrl: string,
  sandboxUrl: string,
  databaseUrl: string,
  stageClockFile?: string,
): Record<string, string> {
  const stageClock = stageClockFile ? ` --import ${path.join(root, "tests/sandbox/stage-clock.mjs")}` : "";
  return {
    DATABASE_URL: databaseUrl,
    SHOPIFY_API_KEY: DEMO_APP.apiKey,
    SHOPIFY_API_SECRET: DEMO_APP.secret,
    SHOPIFY_APP_URL: appUrl,
    SCOPES: DEMO_APP.scopes,
    APP_BRIDGE_URL: `${sandboxUrl}/app-bridge.js`,
    // Offer links go to the shop's domain (OFFER_LINKS' default), where the sandbox plays Shopify's
    // App Proxy (tests/sandbox/app-proxy.ts), as customers will open them.
    // Development-only: a fixed key for the sandbox's throwaway database, and the local mail
    // catcher (127.0.0.1) allowed as a shop's own SMTP server. The caller's settings win.
    ENCRYPTION_KEY: process.env.ENCRYPTION_KEY ?? "efY9CjwOxS2DsIGHx7yFec273gNHRZ1zRSHvn7aCv4k=",
    SMTP_ALLOW_PRIVATE_NETWORKS: process.env.SMTP_ALLOW_PRIVATE_NETWORKS ?? "127.0.0.0/8",
    MAKEGOOD_SANDBOX_URL: sandboxUrl,
    ...(stageClockFile ? { MAKEGOOD_STAGE_CLOCK_FILE: stageClockFile } : {}),
    NODE_OPTIONS:
      `${process.env.NODE_OPTIONS ?? ""} --import ${path.join(root, "tests/sandbox/route-to-sandbox.mjs")}${stageClock}`.trim(),
  };
}
