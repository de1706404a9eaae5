// Named Admin GraphQL documents for remedies: refunds and compensation codes. Validated against
// the Admin schema by tests/shopify/documents.test.ts; their types are generated (npm run graphql-codegen).

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

/** Shopify requires an idempotency key on refundCreate: the same key never refunds twice. */
export const RefundCreateMutation = `#graphql
  mutation RefundCreate($input: RefundInput!, $key: String!) {
    refundCreate(input: $input) @idempotent(key: $key) {
      refund { id totalRefundedSet { shopMoney { amount currencyCode } } }
      userErrors { field message }
    }
  }
`;

export const DiscountCodeBasicCreateMutation = `#graphql
  mutation DiscountCodeBasicCreate($discount: DiscountCodeBasicInput!) {
    discountCodeBasicCreate(basicCodeDiscount: $discount) {
      codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title endsAt codes(first: 1) { nodes { code } } } } }
      userErrors { field message code }
    }
  }
`;

/** A code that may exist already: a create whose answer was lost is found by its code. */
export const CodeDiscountByCodeQuery = `#graphql
  query CodeDiscountByCode($code: String!) {
    codeDiscountNodeByCode(code: $code) {
      id
      codeDiscount { ... on DiscountCodeBasic { title endsAt } }
    }
  }
`;

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

/** A reship: a new order for the same items at 100 % off with free shipping, tagged with its remedy. */
export const DraftOrderCreateMutation = `#graphql
  mutation DraftOrderCreate($input: DraftOrderInput!) {
    draftOrderCreate(input: $input) {
      draftOrder { id }
      userErrors { field message }
    }
  }
`;

/** The reship's draft, if an earlier attempt of the same remedy made it. */
export const DraftOrderByTagQuery = `#graphql
  query DraftOrderByTag($query: String!) {
    draftOrders(first: 1, query: $query) {
      nodes { id status order { id name } }
    }
  }
`;

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
