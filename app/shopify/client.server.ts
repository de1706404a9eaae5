// The one way the app talks to Shopify's Admin API: named documents from app/shopify/documents,
// sent with the shop's offline token, each answering with its generated result type. It waits when
// Shopify's cost bucket is nearly empty, waits out THROTTLED for exactly as long as the bucket needs,
// retries 429, 5xx and network failures with backoff, and turns GraphQL errors into exceptions
// instead of silent nulls.
import { ClientError, GraphQLClient } from "graphql-request";
import pRetry, { AbortError } from "p-retry";
import { API_VERSION } from "./api-version";

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };
type CostExtension = {
  cost?: { requestedQueryCost: number; actualQueryCost: number | null; throttleStatus: ThrottleStatus };
};
type GraphQLErrorShape = { message: string; extensions?: { code?: string } & Record<string, unknown> };

/** Shopify answered with GraphQL errors (or a non-retryable HTTP error): shown, never swallowed. */
export class ShopifyAdminError extends Error {
  constructor(
    message: string,
    readonly operation: string,
    readonly errors: GraphQLErrorShape[] = [],
    readonly status?: number,
  ) {
    super(message);
    this.name = "ShopifyAdminError";
  }
}

class Throttled extends Error {
  constructor(readonly waitMs: number) {
    super("Throttled");
  }
}

/** Last known bucket per shop, so the next request can wait before it would be refused. */
const buckets = new Map<string, { status: ThrottleStatus; at: number }>();
/** What each operation cost last time: the points to wait for before sending it again. */
const lastCost = new Map<string, number>();

function estimatedAvailable(shop: string, now: number): ThrottleStatus | undefined {
  const known = buckets.get(shop);
  if (!known) return undefined;
  const refilled = known.status.currentlyAvailable + ((now - known.at) / 1000) * known.status.restoreRate;
  return { ...known.status, currentlyAvailable: Math.min(known.status.maximumAvailable, refilled) };
}

export type AdminClientOptions = {
  shop: string;
  accessToken: string;
  apiVersion?: string;
  /** Attempts after the first, for throttling, 429, 5xx and network failures. */
  retries?: number;
  /** Backoff base for 429/5xx/network failures. */
  minTimeoutMs?: number;
  timeoutMs?: number;
};

/* eslint-disable @typescript-eslint/no-empty-object-type -- filled in by the generated file below */
/** Every Admin document in app/ (each #graphql literal), keyed by its exact text, with its result
 *  and variable types: declared by app/types/admin.generated.d.ts (`npm run graphql-codegen`). A
 *  document edited without running it matches no key, and its request no longer type-checks. */
export interface AdminQueries {}
export interface AdminMutations {}
/* eslint-enable @typescript-eslint/no-empty-object-type */
type AdminOperations = AdminQueries & AdminMutations;
export type AdminDocument = keyof AdminOperations & string;
type Generated<D extends AdminDocument> = AdminOperations[D] extends { return: infer R } ? R : never;
/** A mutation's payloads are never null: Shopify leaves one null only alongside errors, and the
 *  client throws for those (and for a null payload without them, see `attempt`). */
export type ResultOf<D extends AdminDocument> = D extends keyof AdminMutations
  ? { [K in keyof Generated<D>]: NonNullable<Generated<D>[K]> }
  : Generated<D>;
export type VariablesOf<D extends AdminDocument> = AdminOperations[D] extends { variables: infer V }
  ? V
  : never;
/** Variables may be left out when the document needs none. */
type VariablesArgument<D extends AdminDocument> =
  Record<never, never> extends VariablesOf<D> ? [variables?: VariablesOf<D>] : [variables: VariablesOf<D>];

export type AdminClient = {
  /** The shop's myshopify domain. */
  readonly shop: string;
  request<D extends AdminDocument>(document: D, ...variables: VariablesArgument<D>): Promise<ResultOf<D>>;
};

const operationName = (document: string) =>
  document.match(/\b(?:query|mutation)\s+(\w+)/)?.[1] ?? "anonymous";
const isMutation = (document: string) => /^\s*(?:#graphql\s+)?mutation\b/.test(document);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createAdminClient(options: AdminClientOptions): AdminClient {
  const { shop, retries = 5, minTimeoutMs = 500, timeoutMs = 20_000 } = options;
  const endpoint = `https://${shop}/admin/api/${options.apiVersion ?? API_VERSION}/graphql.json`;
  const client = new GraphQLClient(endpoint, {
    headers: { "X-Shopify-Access-Token": options.accessToken },
    errorPolicy: "all",
    // Resolved at call time so a fetch installed after import is used.
    fetch: (input, init) => globalThis.fetch(input, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
  });

  async function attempt<T>(document: string, variables: Record<string, unknown> | undefined): Promise<T> {
    const name = operationName(document);
    const estimate = estimatedAvailable(shop, Date.now());
    const need = lastCost.get(name) ?? 0;
    if (estimate && estimate.currentlyAvailable < need) {
      await sleep(((need - estimate.currentlyAvailable) / estimate.restoreRate) * 1000);
    }
    let response: Awaited<ReturnType<GraphQLClient["rawRequest"]>>;
    try {
      response = await client.rawRequest<T>(document, variables);
    } catch (error) {
      if (error instanceof ClientError) {
        const status = error.response.status;
        const message = `Shopify answered HTTP ${status} to ${name}`;
        // 429 and 5xx are Shopify's "try again later"; anything else will not get better.
        if (status === 429 || status >= 500) throw new ShopifyAdminError(message, name, [], status);
        throw new AbortError(new ShopifyAdminError(message, name, [], status));
      }
      throw error; // network failure or timeout: retried
    }
    const cost = (response.extensions as CostExtension | undefined)?.cost;
    if (cost) {
      buckets.set(shop, { status: cost.throttleStatus, at: Date.now() });
      lastCost.set(name, cost.requestedQueryCost);
    }
    const errors = (response.errors ?? []) as GraphQLErrorShape[];
    if (errors.some((e) => e.extensions?.code === "THROTTLED") && cost) {
      const missing = cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable;
      throw new Throttled((Math.max(missing, 0) / cost.throttleStatus.restoreRate) * 1000);
    }
    if (errors.length) {
      throw new AbortError(
        new ShopifyAdminError(`${name}: ${errors.map((e) => e.message).join("; ")}`, name, errors),
      );
    }
    const data = (response.data ?? {}) as Record<string, unknown>;
    const nullPayloads = isMutation(document)
      ? Object.keys(data).filter((field) => data[field] === null)
      : [];
    if (nullPayloads.length) {
      throw new AbortError(
        new ShopifyAdminError(`${name}: Shopify answered no ${nullPayloads.join(", ")} and no error`, name),
      );
    }
    return response.data as T;
  }

  return {
    shop,
    request<D extends AdminDocument>(document: D, ...[variables]: VariablesArgument<D>) {
      let throttleWait = 0;
      return pRetry(
        async () => {
          if (throttleWait) await sleep(throttleWait);
          throttleWait = 0;
          return attempt<ResultOf<D>>(document, variables as Record<string, unknown> | undefined);
        },
        {
          retries,
          minTimeout: minTimeoutMs,
          onFailedAttempt: ({ error }) => {
            // A throttled request waits exactly as long as the bucket needs, not the backoff.
            if (error instanceof Throttled) throttleWait = error.waitMs;
          },
        },
      ).catch((error) => {
        if (error instanceof Throttled) {
          throw new ShopifyAdminError(
            `${operationName(document)}: still throttled after ${retries} retries`,
            operationName(document),
            [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
          );
        }
        throw error;
      });
    },
  };
}
