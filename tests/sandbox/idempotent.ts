// Shopify's @idempotent(key:) directive: a repeated key returns the first result instead of
// doing the work twice. From API version 2026-04 it is required on refundCreate and the
// inventory quantity mutations; the sandbox requires it there, so the app is held to the
// documented contract (the wording of the error is the sandbox's own).
import { getDirectiveValues, GraphQLError, type GraphQLResolveInfo } from "graphql";

type Resolver = (args: Record<string, unknown>, context: unknown, info: GraphQLResolveInfo) => unknown;

export class IdempotencyLedger {
  private results = new Map<string, unknown>();
  clear() {
    this.results.clear();
  }

  /** Wraps a mutation resolver so it honours, and requires, an idempotency key. */
  require(shop: string, field: string, resolve: Resolver): Resolver {
    return (args, context, info) => {
      const directive = info.schema.getDirective("idempotent");
      const values = directive
        ? getDirectiveValues(directive, info.fieldNodes[0], info.variableValues)
        : undefined;
      const key = values?.key as string | undefined;
      if (!key) {
        throw new GraphQLError(`The @idempotent directive with a key is required for ${field}.`, {
          extensions: { code: "BAD_REQUEST" },
        });
      }
      const ledgerKey = `${shop}|${field}|${key}`;
      if (this.results.has(ledgerKey)) return this.results.get(ledgerKey);
      const result = resolve(args, context, info);
      this.results.set(ledgerKey, result);
      return result;
    };
  }
}
