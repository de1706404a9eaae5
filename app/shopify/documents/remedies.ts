// Named Admin GraphQL documents for remedies: refunds and compensation codes. Validated against
// the Admin schema by tests/sandbox/documents.test.ts.

/** What Shopify would refund for these lines (and shipping), and through which transaction. */
export const RefundPreviewQuery = `#graphql
  query RefundPreview($orderId: ID!, $refundLineItems: [RefundLineItemInput!], $refundShipping: Boolean, $suggestFullRefund: Boolean) {
    order(id: $orderId) {
      id
      name
      currencyCode
      suggestedRefund(refundLineItems: $refundLineItems, refundShipping: $refundShipping, suggestFullRefund: $suggestFullRefund) {
        amountSet { shopMoney { amount currencyCode } }
        maximumRefundableSet { shopMoney { amount } }
        shipping { amountSet { shopMoney { amount } } }
        refundLineItems { quantity lineItem { id title } subtotalSet { shopMoney { amount } } }
        suggestedTransactions { gateway kind amountSet { shopMoney { amount } } parentTransaction { id } }
      }
      lineItems(first: 50) { nodes { id unfulfilledQuantity } }
      transactions(first: 20) { id kind status gateway }
    }
  }
`;

export type RefundPreview = {
  order: {
    id: string;
    name: string;
    currencyCode: string;
    suggestedRefund: {
      amountSet: { shopMoney: { amount: string; currencyCode: string } };
      maximumRefundableSet: { shopMoney: { amount: string } };
      shipping: { amountSet: { shopMoney: { amount: string } } };
      refundLineItems: { quantity: number; lineItem: { id: string; title: string }; subtotalSet: { shopMoney: { amount: string } } }[];
      suggestedTransactions: { gateway: string; kind: string; amountSet: { shopMoney: { amount: string } }; parentTransaction: { id: string } | null }[];
    };
    lineItems: { nodes: { id: string; unfulfilledQuantity: number }[] };
    transactions: { id: string; kind: string; status: string; gateway: string }[];
  } | null;
};

/** Shopify requires an idempotency key on refundCreate: the same key never refunds twice. */
export const RefundCreateMutation = `#graphql
  mutation RefundCreate($input: RefundInput!, $key: String!) {
    refundCreate(input: $input) @idempotent(key: $key) {
      refund { id totalRefundedSet { shopMoney { amount currencyCode } } }
      userErrors { field message }
    }
  }
`;

export type RefundCreate = {
  refundCreate: {
    refund: { id: string; totalRefundedSet: { shopMoney: { amount: string; currencyCode: string } } } | null;
    userErrors: { field: string[] | null; message: string }[];
  };
};

export const DiscountCodeBasicCreateMutation = `#graphql
  mutation DiscountCodeBasicCreate($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title endsAt codes(first: 1) { nodes { code } } } } }
      userErrors { field message code }
    }
  }
`;

export type DiscountCodeBasicCreate = {
  discountCodeBasicCreate: {
    codeDiscountNode: { id: string; codeDiscount: { title: string; endsAt: string | null; codes: { nodes: { code: string }[] } } } | null;
    userErrors: { field: string[] | null; message: string; code: string | null }[];
  };
};

/** A code that may exist already: a create whose answer was lost is found by its code. */
export const CodeDiscountByCodeQuery = `#graphql
  query CodeDiscountByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
      codeDiscount { ... on DiscountCodeBasic { title endsAt } }
    }
  }
`;

export type CodeDiscountByCode = {
  codeDiscountNodeByCode: { id: string; codeDiscount: { title?: string; endsAt?: string | null } } | null;
};

/** Cancels the order, refunding what was paid and putting the stock back. */
export const OrderCancelMutation = `#graphql
  mutation OrderCancel($orderId: ID!, $staffNote: String) {
    orderCancel(orderId: $orderId, reason: CUSTOMER, refund: true, restock: true, notifyCustomer: false, staffNote: $staffNote) {
      job { id done }
      orderCancelUserErrors { field message code }
    }
  }
`;

/** Whether the order is cancelled already: a retried cancel (its first answer lost) asks first. */
export const OrderCancelStateQuery = `#graphql
  query OrderCancelState($orderId: ID!) {
    order(id: $orderId) {
      id
      cancelledAt
      currencyCode
      totalRefundedSet { shopMoney { amount } }
    }
  }
`;
export type OrderCancelState = {
  order: { id: string; cancelledAt: string | null; currencyCode: string; totalRefundedSet: { shopMoney: { amount: string } } } | null;
};
export type OrderCancel = {
  orderCancel: { job: { id: string; done: boolean } | null; orderCancelUserErrors: { field: string[] | null; message: string; code: string | null }[] };
};

/** A reship: a new order for the same items at 100 % off with free shipping, tagged with its remedy. */
export const DraftOrderCreateMutation = `#graphql
  mutation DraftOrderCreate($input: DraftOrderInput!) {
    draftOrderCreate(input: $input) {
      draftOrder { id }
      userErrors { field message }
    }
  }
`;

export type DraftOrderCreate = { draftOrderCreate: { draftOrder: { id: string } | null; userErrors: { field: string[] | null; message: string }[] } };

/** The reship's draft, if an earlier attempt of the same remedy made it. */
export const DraftOrderByTagQuery = `#graphql
  query DraftOrderByTag($query: String!) {
    draftOrders(first: 1, query: $query) {
      nodes { id status order { id name } }
    }
  }
`;

export type DraftOrderByTag = { draftOrders: { nodes: { id: string; status: string; order: { id: string; name: string } | null }[] } };

export const DraftOrderCompleteMutation = `#graphql
  mutation DraftOrderComplete($id: ID!) {
    draftOrderComplete(id: $id) {
      draftOrder { id order { id name } }
      userErrors { field message }
    }
  }
`;

/** The reship's draft by the id recorded when it was made: found at once, where the tag search may lag. */
export const DraftOrderByIdQuery = `#graphql
  query DraftOrderById($id: ID!) {
    draftOrder(id: $id) { id status order { id name } }
  }
`;
export type DraftOrderById = { draftOrder: { id: string; status: string; order: { id: string; name: string } | null } | null };
export type DraftOrderComplete = {
  draftOrderComplete: { draftOrder: { id: string; order: { id: string; name: string } | null } | null; userErrors: { field: string[] | null; message: string }[] };
};
