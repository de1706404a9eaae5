// Checks shopify.app.toml against the routes and the code: the CLI registers what the toml
// says, the app answers what its routes say, and nothing reconciles the two at run time.
import fs from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";

type Subscription = { topics?: string[]; compliance_topics?: string[]; uri?: string };
type AppToml = { webhooks?: { api_version?: string; subscriptions?: Subscription[] } };

/** URL path a Remix flat-routes file answers, e.g. webhooks.orders.create.tsx → /webhooks/orders/create. */
export function routePath(routeFile: string): string {
  const name = routeFile.replace(/\/route\.tsx?$/, "").replace(/\.tsx?$/, "");
  return (
    "/" +
    name
      .split(".")
      .filter((s) => s !== "_index" && !s.startsWith("_"))
      .join("/")
  );
}

export type RouteSource = { file: string; source: string };

export function readRoutes(routesDir: string): RouteSource[] {
  return fs.readdirSync(routesDir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) {
      const file = ["route.tsx", "route.ts"].find((f) => fs.existsSync(path.join(routesDir, entry.name, f)));
      return file
        ? [
            {
              file: `${entry.name}/${file}`,
              source: fs.readFileSync(path.join(routesDir, entry.name, file), "utf8"),
            },
          ]
        : [];
    }
    return /\.tsx?$/.test(entry.name)
      ? [{ file: entry.name, source: fs.readFileSync(path.join(routesDir, entry.name), "utf8") }]
      : [];
  });
}

export function appTomlProblems(input: {
  tomlText: string;
  routes: RouteSource[];
  apiVersion: string;
  requiredTopics: string[];
  requiredComplianceTopics: string[];
}): string[] {
  const problems: string[] = [];
  const toml = parse(input.tomlText) as AppToml;
  const subscriptions = toml.webhooks?.subscriptions ?? [];

  if (toml.webhooks?.api_version !== input.apiVersion) {
    problems.push(
      `[webhooks] api_version is ${toml.webhooks?.api_version}, the code uses ${input.apiVersion}`,
    );
  }

  const routesByPath = new Map(input.routes.map((r) => [routePath(r.file), r]));
  const subscribedUris = new Set<string>();
  for (const sub of subscriptions) {
    const label = [...(sub.topics ?? []), ...(sub.compliance_topics ?? [])].join(", ") || "(no topic)";
    if (!sub.uri) {
      problems.push(`subscription ${label} has no uri`);
      continue;
    }
    subscribedUris.add(sub.uri);
    const route = routesByPath.get(sub.uri);
    if (!route) problems.push(`subscription ${label}: no route answers ${sub.uri}`);
    else if (!/export (const|async function|function) action\b/.test(route.source)) {
      problems.push(`subscription ${label}: route ${route.file} has no action for POST`);
    }
  }

  for (const route of input.routes) {
    const uri = routePath(route.file);
    if (uri.startsWith("/webhooks/") && !subscribedUris.has(uri)) {
      problems.push(`route ${route.file} answers ${uri}, but no subscription sends to it`);
    }
  }

  const topics = new Set(subscriptions.flatMap((s) => s.topics ?? []));
  for (const topic of input.requiredTopics) {
    if (!topics.has(topic)) problems.push(`topic ${topic} is not subscribed`);
  }
  const compliance = new Set(subscriptions.flatMap((s) => s.compliance_topics ?? []));
  for (const topic of input.requiredComplianceTopics) {
    if (!compliance.has(topic)) problems.push(`compliance topic ${topic} is not subscribed`);
  }
  return problems;
}
