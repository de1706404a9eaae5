// Relay connections as Shopify serves them: first or last required, opaque cursors.
import { GraphQLError } from "graphql";

type PageArgs = {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
};

const cursorOf = (index: number) => Buffer.from(`sandbox:${index}`).toString("base64");
const indexOf = (cursor: string) => Number(Buffer.from(cursor, "base64").toString().split(":")[1]);

export function connection<T, V>(items: T[], args: PageArgs, view: (item: T) => V) {
  if (args.first == null && args.last == null) {
    throw new GraphQLError("you must provide one of first or last", { extensions: { code: "BAD_REQUEST" } });
  }
  if ((args.first ?? args.last ?? 0) > 250) {
    throw new GraphQLError("The maximum page size is 250", { extensions: { code: "BAD_REQUEST" } });
  }
  let start = args.after ? indexOf(args.after) + 1 : 0;
  let end = args.before ? indexOf(args.before) : items.length;
  if (args.first != null) end = Math.min(end, start + args.first);
  if (args.last != null) start = Math.max(start, end - args.last);
  const slice = items.slice(start, end).map((item, i) => ({ item, cursor: cursorOf(start + i) }));
  return {
    edges: slice.map(({ item, cursor }) => ({ cursor, node: view(item) })),
    nodes: slice.map(({ item }) => view(item)),
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: slice[0]?.cursor ?? null,
      endCursor: slice[slice.length - 1]?.cursor ?? null,
    },
  };
}
