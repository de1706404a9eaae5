// One Admin GraphQL request, answered as Shopify answers it: validation errors with HTTP 200,
// calculated cost in extensions, THROTTLED when the bucket is empty.
import {
  execute,
  GraphQLError,
  Kind,
  parse,
  validate,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLFieldResolver,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from "graphql";
import { LeakyBucket, requestedQueryCost } from "./cost";
import { shopifyValidationError, type ShopifyGraphQLError } from "./graphql-errors";
import type { SandboxContext } from "./context";
import { mutationRoot, queryRoot } from "./roots";

export type AdminRequest = { query: string; variables?: Record<string, unknown>; operationName?: string };
export type AdminResponse = { data?: unknown; errors?: ShopifyGraphQLError[]; extensions?: unknown };

/** A field the view leaves out is a loud error, never a silent null. */
const sandboxFieldResolver: GraphQLFieldResolver<Record<string, unknown> | null, unknown> = (
  source,
  args,
  context,
  info,
) => {
  if (source == null) return null;
  if (!(info.fieldName in source)) {
    throw new GraphQLError(`not implemented in sandbox: ${info.parentType.name}.${info.fieldName}`, {
      extensions: { code: "NOT_IMPLEMENTED_IN_SANDBOX" },
    });
  }
  const value = source[info.fieldName];
  return typeof value === "function" ? value.call(source, args, context, info) : value;
};

const MAX_SINGLE_QUERY_COST = 1000;

export function executeAdminRequest(input: {
  schema: GraphQLSchema;
  context: SandboxContext;
  shop: string;
  bucket: LeakyBucket;
  request: AdminRequest;
}): AdminResponse {
  const { schema, bucket, request } = input;
  const store = input.context.store;
  let document: DocumentNode;
  try {
    document = parse(request.query ?? "");
  } catch (error) {
    const e = error as GraphQLError;
    return {
      errors: [
        {
          message: e.message.replace(/^Syntax Error: /, "syntax error, "),
          locations: e.locations?.slice(),
          extensions: { code: "parseError" },
        },
      ],
    };
  }
  const validationErrors = validate(schema, document);
  if (validationErrors.length) return { errors: validationErrors.map(shopifyValidationError) };

  const operations = document.definitions.filter(
    (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
  );
  const operation = request.operationName
    ? operations.find((o) => o.name?.value === request.operationName)
    : operations[0];
  if (!operation) return { errors: [{ message: `No operation named "${request.operationName}"` }] };
  const fragments = Object.fromEntries(
    document.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );

  const cost = requestedQueryCost(schema, operation, fragments, request.variables ?? {});
  const costExtension = (actual: number | null) => ({
    cost: { requestedQueryCost: cost, actualQueryCost: actual, throttleStatus: bucket.status() },
  });
  if (cost > MAX_SINGLE_QUERY_COST) {
    return {
      errors: [
        {
          message: `Query cost is ${cost}, which exceeds the single query max cost limit (${MAX_SINGLE_QUERY_COST}).`,
          extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost: MAX_SINGLE_QUERY_COST },
        },
      ],
      extensions: costExtension(null),
    };
  }
  if (!bucket.take(cost)) {
    return {
      errors: [
        {
          message: "Throttled",
          extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" },
        },
      ],
      extensions: costExtension(null),
    };
  }

  const shop = store.shop(input.shop);
  const rootValue =
    operation.operation === "mutation" ? mutationRoot(input.context, shop) : queryRoot(store, shop);
  const result = execute({
    schema,
    document,
    rootValue,
    operationName: request.operationName,
    variableValues: request.variables,
    fieldResolver: sandboxFieldResolver as GraphQLFieldResolver<unknown, unknown>,
  }) as { data?: unknown; errors?: readonly GraphQLError[] };
  if (result instanceof Promise) throw new Error("sandbox resolvers are synchronous");
  const response: AdminResponse = { data: result.data, extensions: costExtension(cost) };
  if (result.errors?.length) {
    response.errors = result.errors.map((e) => ({
      message: e.message,
      locations: e.locations?.slice(),
      path: e.path?.slice(),
      extensions: e.extensions,
    }));
  }
  return response;
}
