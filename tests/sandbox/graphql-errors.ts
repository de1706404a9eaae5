// graphql-js and Shopify (graphql-ruby) word validation errors differently; apps and logs see
// Shopify's wording, so the sandbox translates the rules an app most often trips.
import type { GraphQLError } from "graphql";

export type ShopifyGraphQLError = {
  message: string;
  locations?: { line: number; column: number }[];
  path?: (string | number)[];
  extensions?: Record<string, unknown>;
};

const rules: [RegExp, (m: RegExpMatchArray) => { message: string; extensions: Record<string, unknown> }][] = [
  [
    /^Cannot query field "(\w+)" on type "(\w+)"\./,
    ([, field, type]) => ({
      message: `Field '${field}' doesn't exist on type '${type}'`,
      extensions: { code: "undefinedField", typeName: type, fieldName: field },
    }),
  ],
  [
    /^Unknown argument "(\w+)" on field "(\w+)\.(\w+)"\./,
    ([, arg, , field]) => ({
      message: `Field '${field}' doesn't accept argument '${arg}'`,
      extensions: { code: "argumentNotAccepted", name: field, typeName: "Field", argumentName: arg },
    }),
  ],
  [
    /^Field "(\w+)" argument "(\w+)" of type "[^"]+" is required, but it was not provided\./,
    ([, field, arg]) => ({
      message: `Field '${field}' is missing required arguments: ${arg}`,
      extensions: { code: "missingRequiredArguments", className: "Field", name: field, arguments: arg },
    }),
  ],
  [
    /^Field "(\w+)" of type "([^"]+)" must have a selection of subfields\./,
    ([, field, type]) => ({
      message: `Field must have selections (field '${field}' returns ${type.replace(/[![\]]/g, "")} but has no selections. Did you mean '${field} { ... }'?)`,
      extensions: {
        code: "selectionMismatch",
        nodeName: `field '${field}'`,
        typeName: type.replace(/[![\]]/g, ""),
      },
    }),
  ],
  [
    /^Variable "\$(\w+)" of required type "([^"]+)" was not provided\./,
    ([, name, type]) => ({
      message: `Variable $${name} of type ${type} was provided invalid value`,
      extensions: { value: null, problems: [{ path: [], explanation: "Expected value to not be null" }] },
    }),
  ],
];

export function shopifyValidationError(error: GraphQLError): ShopifyGraphQLError {
  const locations = error.locations?.map(({ line, column }) => ({ line, column }));
  for (const [pattern, translate] of rules) {
    const match = error.message.match(pattern);
    if (match) return { ...translate(match), locations };
  }
  return { message: error.message, locations, extensions: { code: "GRAPHQL_VALIDATION_FAILED" } };
}
