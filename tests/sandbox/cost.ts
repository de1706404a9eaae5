// Shopify's calculated query cost and leaky bucket, so an app meets THROTTLED here before it
// meets it in production. Cost rules as Shopify documents them: scalars and enums 0, objects 1,
// connections 2 + page size × the node's cost, mutations 10.
import {
  getNamedType,
  isCompositeType,
  Kind,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  TypeInfo,
  valueFromASTUntyped,
  visit,
  visitWithTypeInfo,
} from "graphql";

export function requestedQueryCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variables: Record<string, unknown>,
): number {
  const typeInfo = new TypeInfo(schema);
  // Costs of each selection set, computed bottom-up as the visitor leaves it.
  const costOf = new Map<SelectionSetNode, number>();
  /** Each field selected in `set` (through fragments) with its cost. */
  const fieldCosts = (set: SelectionSetNode | undefined): [string, number][] => {
    if (!set) return [];
    return set.selections.flatMap((selection): [string, number][] => {
      if (selection.kind === Kind.FRAGMENT_SPREAD)
        return fieldCosts(fragments[selection.name.value]?.selectionSet);
      if (selection.kind === Kind.INLINE_FRAGMENT) return fieldCosts(selection.selectionSet);
      return [[selection.name.value, costOf.get(selection as unknown as SelectionSetNode) ?? 0]];
    });
  };
  const resolveSet = (set: SelectionSetNode | undefined) =>
    fieldCosts(set).reduce((sum, [, cost]) => sum + cost, 0);
  // Fragment definitions are visited too, so their fields have costs when a spread is resolved.
  const document = { kind: Kind.DOCUMENT, definitions: [operation, ...Object.values(fragments)] } as const;
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field: {
        leave(node) {
          const type = typeInfo.getType();
          const named = type ? getNamedType(type) : undefined;
          if (!named || !isCompositeType(named)) return;
          let cost: number;
          if (named.name.endsWith("Connection")) {
            const arg = (name: string) => {
              const a = node.arguments?.find((x) => x.name.value === name);
              return a ? Number(valueFromASTUntyped(a.value, variables)) : undefined;
            };
            const pageSize = arg("first") ?? arg("last") ?? 1;
            // Per item: a node's cost; an edge is free but for the node inside it.
            const perItem = fieldCosts(node.selectionSet).reduce((sum, [name, c]) => {
              if (name === "nodes") return sum + c;
              if (name === "edges") return sum + Math.max(c - 1, 0);
              return sum;
            }, 0);
            cost = 2 + pageSize * perItem;
          } else {
            cost = 1 + resolveSet(node.selectionSet);
          }
          costOf.set(node as unknown as SelectionSetNode, cost);
        },
      },
    }),
  );
  const rootCost = resolveSet(operation.selectionSet);
  if (operation.operation !== "mutation") return rootCost;
  // Each mutation field costs 10 on top of what it selects.
  return rootCost + 9 * operation.selectionSet.selections.length;
}

export type ThrottleStatus = { maximumAvailable: number; currentlyAvailable: number; restoreRate: number };

/** One bucket per app and shop, refilled continuously at restoreRate points per second. */
export class LeakyBucket {
  private available: number;
  private last: number;
  constructor(
    public maximumAvailable = 2000,
    public restoreRate = 100,
    /** The bucket's clock. A test may hold it still while a request is in flight (see `holdRefill`). */
    private now: () => number = Date.now,
  ) {
    this.available = maximumAvailable;
    this.last = now();
  }

  private refill() {
    const t = this.now();
    this.available = Math.min(
      this.maximumAvailable,
      this.available + ((t - this.last) / 1000) * this.restoreRate,
    );
    this.last = t;
  }

  /** Takes `cost` points if the bucket holds them. */
  take(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  status(): ThrottleStatus {
    this.refill();
    return {
      maximumAvailable: this.maximumAvailable,
      currentlyAvailable: Math.floor(this.available),
      restoreRate: this.restoreRate,
    };
  }

  drain() {
    this.refill();
    this.available = 0;
  }

  /**
   * Tests: no refill until the returned `release`, so a request sent after `drain` is refused
   * however long it takes to arrive. Released, the bucket counts the held time as elapsed, as
   * Shopify's would have: a client waiting as long as the refusal asked then finds enough.
   */
  holdRefill(): () => void {
    const real = this.now;
    const at = real();
    this.now = () => at;
    return () => {
      this.now = real;
    };
  }
}
