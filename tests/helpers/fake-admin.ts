// Shopify's Admin API at the edge of a unit test: an AdminClient that answers each named operation
// with what the test scripted (a value, or a thrown error for Shopify out of reach) and keeps every
// call made. An operation the test did not script fails the test: nothing is answered by accident.
import type { AdminClient } from "../../app/shopify/client.server";

export type FakeCall = { operation: string; variables: Record<string, unknown> };
type Answer = (variables: Record<string, unknown>) => unknown;

const operationOf = (document: string) => document.match(/\b(?:query|mutation)\s+(\w+)/)?.[1] ?? "anonymous";

export function fakeAdmin(shop: string, answers: Record<string, Answer> = {}) {
  const calls: FakeCall[] = [];
  const client: AdminClient = {
    shop,
    // The fake answers any document with what the test scripted: typed as the client's request.
    request: (async (document: string, variables: Record<string, unknown> = {}) => {
      const operation = operationOf(document);
      calls.push({ operation, variables });
      const answer = answers[operation];
      if (!answer) throw new Error(`the test did not expect ${operation}`);
      return answer(variables);
    }) as AdminClient["request"],
  };
  /** What Shopify answers to `operation` from now on. */
  const answer = (operation: string, with_: Answer) => void (answers[operation] = with_);
  return { client, calls, answer, operations: () => calls.map((c) => c.operation) };
}
