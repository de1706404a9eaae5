/* eslint-disable eslint-comments/disable-enable-pair */
/* eslint-disable eslint-comments/no-unlimited-disable */
/* eslint-disable */
import type * as AdminTypes from './admin.types.js';

export type FulfillmentOrderHoldMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  hold: AdminTypes.FulfillmentOrderHoldInput;
}>;


export type FulfillmentOrderHoldMutation = { fulfillmentOrderHold: { fulfillmentHold: { id: string, handle: string | null } | null, fulfillmentOrder: { id: string, status: AdminTypes.FulfillmentOrderStatus } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AdminTypes.FulfillmentOrderHoldUserErrorCode | null }> } | null };

export type FulfillmentOrderHoldsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type FulfillmentOrderHoldsQuery = { fulfillmentOrder: { id: string, orderId: string, status: AdminTypes.FulfillmentOrderStatus, fulfillmentHolds: Array<{ id: string, handle: string | null, reason: AdminTypes.FulfillmentHoldReason }> } | null };

export type OrderFulfillmentHoldsQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type OrderFulfillmentHoldsQuery = { order: { id: string, fulfillmentOrders: { nodes: Array<{ id: string, orderId: string, status: AdminTypes.FulfillmentOrderStatus, fulfillmentHolds: Array<{ id: string, handle: string | null, reason: AdminTypes.FulfillmentHoldReason }> }> } } | null };

export type FulfillmentOrderReleaseHoldMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  holdIds?: AdminTypes.InputMaybe<Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input']>;
}>;


export type FulfillmentOrderReleaseHoldMutation = { fulfillmentOrderReleaseHold: { fulfillmentOrder: { id: string, status: AdminTypes.FulfillmentOrderStatus } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AdminTypes.FulfillmentOrderReleaseHoldUserErrorCode | null }> } | null };

export type OrderLinesToReportQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type OrderLinesToReportQuery = { orders: { nodes: Array<{ id: string, name: string, createdAt: string, cancelledAt: string | null, displayFulfillmentStatus: AdminTypes.OrderDisplayFulfillmentStatus, currencyCode: AdminTypes.CurrencyCode, lineItems: { nodes: Array<{ id: string, title: string, variantTitle: string | null, sku: string | null, quantity: number, currentQuantity: number, unfulfilledQuantity: number, originalUnitPriceSet: { shopMoney: { amount: string, currencyCode: AdminTypes.CurrencyCode } } }> }, fulfillments: Array<{ id: string, name: string, status: AdminTypes.FulfillmentStatus, displayStatus: AdminTypes.FulfillmentDisplayStatus | null, createdAt: string, deliveredAt: string | null, fulfillmentLineItems: { nodes: Array<{ quantity: number | null, lineItem: { id: string } }> } }> }> } };

export type OrdersUpdatedSinceQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrdersUpdatedSinceQuery = { orders: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, legacyResourceId: string, name: string, email: string | null, phone: string | null, createdAt: string, updatedAt: string, processedAt: string, cancelledAt: string | null, displayFinancialStatus: AdminTypes.OrderDisplayFinancialStatus | null, displayFulfillmentStatus: AdminTypes.OrderDisplayFulfillmentStatus, tags: Array<string>, paymentGatewayNames: Array<string>, discountCodes: Array<string>, currencyCode: AdminTypes.CurrencyCode, totalPriceSet: { shopMoney: { amount: string } }, totalOutstandingSet: { shopMoney: { amount: string } }, customer: { id: string, legacyResourceId: string, firstName: string | null, lastName: string | null, locale: string, defaultEmailAddress: { emailAddress: string } | null, defaultPhoneNumber: { phoneNumber: string } | null } | null, shippingAddress: { phone: string | null } | null, billingAddress: { phone: string | null } | null, lineItems: { nodes: Array<{ id: string, title: string, variantTitle: string | null, sku: string | null, vendor: string | null, quantity: number, unfulfilledQuantity: number, originalUnitPriceSet: { shopMoney: { amount: string } }, variant: { id: string, legacyResourceId: string } | null }> }, fulfillments: Array<{ id: string, legacyResourceId: string, name: string, status: AdminTypes.FulfillmentStatus, displayStatus: AdminTypes.FulfillmentDisplayStatus | null, createdAt: string, updatedAt: string, trackingInfo: Array<{ company: string | null, number: string | null, url: string | null }> }> }> } };

export type OrderAsReconciledQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type OrderAsReconciledQuery = { order: { id: string, legacyResourceId: string, name: string, email: string | null, phone: string | null, createdAt: string, updatedAt: string, processedAt: string, cancelledAt: string | null, displayFinancialStatus: AdminTypes.OrderDisplayFinancialStatus | null, displayFulfillmentStatus: AdminTypes.OrderDisplayFulfillmentStatus, tags: Array<string>, paymentGatewayNames: Array<string>, discountCodes: Array<string>, currencyCode: AdminTypes.CurrencyCode, totalPriceSet: { shopMoney: { amount: string } }, totalOutstandingSet: { shopMoney: { amount: string } }, customer: { id: string, legacyResourceId: string, firstName: string | null, lastName: string | null, locale: string, defaultEmailAddress: { emailAddress: string } | null, defaultPhoneNumber: { phoneNumber: string } | null } | null, shippingAddress: { phone: string | null } | null, billingAddress: { phone: string | null } | null, lineItems: { nodes: Array<{ id: string, title: string, variantTitle: string | null, sku: string | null, vendor: string | null, quantity: number, unfulfilledQuantity: number, originalUnitPriceSet: { shopMoney: { amount: string } }, variant: { id: string, legacyResourceId: string } | null }> }, fulfillments: Array<{ id: string, legacyResourceId: string, name: string, status: AdminTypes.FulfillmentStatus, displayStatus: AdminTypes.FulfillmentDisplayStatus | null, createdAt: string, updatedAt: string, trackingInfo: Array<{ company: string | null, number: string | null, url: string | null }> }> } | null };

export type RefundPreviewQueryVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
  refundLineItems?: AdminTypes.InputMaybe<Array<AdminTypes.RefundLineItemInput> | AdminTypes.RefundLineItemInput>;
  refundShipping?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
  suggestFullRefund?: AdminTypes.InputMaybe<AdminTypes.Scalars['Boolean']['input']>;
}>;


export type RefundPreviewQuery = { order: { id: string, name: string, currencyCode: AdminTypes.CurrencyCode, suggestedRefund: { amountSet: { shopMoney: { amount: string, currencyCode: AdminTypes.CurrencyCode } }, maximumRefundableSet: { shopMoney: { amount: string } }, shipping: { amountSet: { shopMoney: { amount: string } } }, refundLineItems: Array<{ quantity: number, lineItem: { id: string, title: string }, subtotalSet: { shopMoney: { amount: string } } }>, suggestedTransactions: Array<{ gateway: string | null, kind: AdminTypes.SuggestedOrderTransactionKind, amountSet: { shopMoney: { amount: string } }, parentTransaction: { id: string } | null }> } | null, lineItems: { nodes: Array<{ id: string, unfulfilledQuantity: number }> }, transactions: Array<{ id: string, kind: AdminTypes.OrderTransactionKind, status: AdminTypes.OrderTransactionStatus, gateway: string | null }> } | null };

export type RefundCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.RefundInput;
  key: AdminTypes.Scalars['String']['input'];
}>;


export type RefundCreateMutation = { refundCreate: { refund: { id: string, totalRefundedSet: { shopMoney: { amount: string, currencyCode: AdminTypes.CurrencyCode } } } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type DiscountCodeBasicCreateMutationVariables = AdminTypes.Exact<{
  discount: AdminTypes.DiscountCodeBasicInput;
}>;


export type DiscountCodeBasicCreateMutation = { discountCodeBasicCreate: { codeDiscountNode: { id: string, codeDiscount: { title: string, endsAt: string | null, codes: { nodes: Array<{ code: string }> } } } | null, userErrors: Array<{ field: Array<string> | null, message: string, code: AdminTypes.DiscountErrorCode | null }> } | null };

export type CodeDiscountByCodeQueryVariables = AdminTypes.Exact<{
  code: AdminTypes.Scalars['String']['input'];
}>;


export type CodeDiscountByCodeQuery = { codeDiscountNodeByCode: { id: string, codeDiscount: { title: string, endsAt: string | null } } | null };

export type OrderCancelMutationVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
  staffNote?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrderCancelMutation = { orderCancel: { job: { id: string, done: boolean } | null, orderCancelUserErrors: Array<{ field: Array<string> | null, message: string, code: AdminTypes.OrderCancelUserErrorCode | null }> } | null };

export type OrderCancelStateQueryVariables = AdminTypes.Exact<{
  orderId: AdminTypes.Scalars['ID']['input'];
}>;


export type OrderCancelStateQuery = { order: { id: string, cancelledAt: string | null, currencyCode: AdminTypes.CurrencyCode, totalRefundedSet: { shopMoney: { amount: string } } } | null };

export type DraftOrderCreateMutationVariables = AdminTypes.Exact<{
  input: AdminTypes.DraftOrderInput;
}>;


export type DraftOrderCreateMutation = { draftOrderCreate: { draftOrder: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type DraftOrderByTagQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
}>;


export type DraftOrderByTagQuery = { draftOrders: { nodes: Array<{ id: string, status: AdminTypes.DraftOrderStatus, order: { id: string, name: string } | null }> } };

export type DraftOrderCompleteMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type DraftOrderCompleteMutation = { draftOrderComplete: { draftOrder: { id: string, order: { id: string, name: string } | null } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type DraftOrderByIdQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type DraftOrderByIdQuery = { draftOrder: { id: string, status: AdminTypes.DraftOrderStatus, order: { id: string, name: string } | null } | null };

export type ShopSummaryQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopSummaryQuery = { shop: { name: string, myshopifyDomain: string, currencyCode: AdminTypes.CurrencyCode, ianaTimezone: string, shopAddress: { countryCodeV2: AdminTypes.CountryCode | null }, primaryDomain: { url: string } } };

export type ShopIdentityQueryVariables = AdminTypes.Exact<{ [key: string]: never; }>;


export type ShopIdentityQuery = { shop: { id: string, myshopifyDomain: string } };

export type OrderStockQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  fulfillmentOrders: AdminTypes.Scalars['Int']['input'];
  lines: AdminTypes.Scalars['Int']['input'];
  levels: AdminTypes.Scalars['Int']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrderStockQuery = { order: { id: string, createdAt: string, cancelledAt: string | null, fulfillmentOrders: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, status: AdminTypes.FulfillmentOrderStatus, assignedLocation: { location: { id: string } | null }, lineItems: { pageInfo: { hasNextPage: boolean }, nodes: Array<{ remainingQuantity: number, lineItem: { id: string, title: string, sku: string | null }, variant: { id: string, inventoryItem: { id: string, tracked: boolean, inventoryLevels: { pageInfo: { hasNextPage: boolean }, nodes: Array<{ location: { id: string }, quantities: Array<{ name: string, quantity: number }> }> } } } | null }> } }> } } | null };

export type StockAtLocationQueryVariables = AdminTypes.Exact<{
  items: Array<AdminTypes.Scalars['ID']['input']> | AdminTypes.Scalars['ID']['input'];
  location: AdminTypes.Scalars['ID']['input'];
}>;


export type StockAtLocationQuery = { nodes: Array<{ id: string, tracked: boolean, inventoryLevel: { location: { id: string }, quantities: Array<{ name: string, quantity: number }> } | null } | null> };

export type InventoryItemVariantQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type InventoryItemVariantQuery = { inventoryItem: { id: string, variant: { id: string } } | null };

export type SubstitutionContextQueryVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type SubstitutionContextQuery = { order: { id: string, name: string, currencyCode: AdminTypes.CurrencyCode, lineItems: { nodes: Array<{ id: string, title: string, currentQuantity: number, originalUnitPriceSet: { shopMoney: { amount: string } }, variant: { id: string, price: string, product: { id: string, title: string, vendor: string, productType: string, tags: Array<string> } } | null }> }, fulfillmentOrders: { nodes: Array<{ status: AdminTypes.FulfillmentOrderStatus, assignedLocation: { location: { id: string } | null }, lineItems: { nodes: Array<{ lineItem: { id: string } }> } }> } } | null };

export type SubstituteCandidatesQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  location: AdminTypes.Scalars['ID']['input'];
  variant: AdminTypes.Scalars['ID']['input'];
}>;


export type SubstituteCandidatesQuery = { productVariant: { id: string, productParents: { nodes: Array<{ id: string }> } } | null, products: { nodes: Array<{ id: string, title: string, vendor: string, productType: string, tags: Array<string>, status: AdminTypes.ProductStatus, featuredMedia: { preview: { image: { url: string, altText: string | null } | null } | null } | null, variants: { nodes: Array<{ id: string, title: string, sku: string | null, price: string, requiresComponents: boolean, productVariantComponents: { nodes: Array<{ id: string }> }, inventoryItem: { tracked: boolean, inventoryLevel: { quantities: Array<{ name: string, quantity: number }> } | null } }> } }> } };

export type OrderEditBeginMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
}>;


export type OrderEditBeginMutation = { orderEditBegin: { calculatedOrder: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type OrderEditAddVariantMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  variantId: AdminTypes.Scalars['ID']['input'];
  quantity: AdminTypes.Scalars['Int']['input'];
}>;


export type OrderEditAddVariantMutation = { orderEditAddVariant: { calculatedLineItem: { id: string, title: string, originalUnitPriceSet: { shopMoney: { amount: string } } } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type OrderEditSetQuantityMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lineItemId: AdminTypes.Scalars['ID']['input'];
  quantity: AdminTypes.Scalars['Int']['input'];
}>;


export type OrderEditSetQuantityMutation = { orderEditSetQuantity: { calculatedOrder: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type OrderEditAddLineItemDiscountMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  lineItemId: AdminTypes.Scalars['ID']['input'];
  discount: AdminTypes.OrderEditAppliedDiscountInput;
}>;


export type OrderEditAddLineItemDiscountMutation = { orderEditAddLineItemDiscount: { calculatedLineItem: { id: string } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type OrderEditCommitMutationVariables = AdminTypes.Exact<{
  id: AdminTypes.Scalars['ID']['input'];
  staffNote?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrderEditCommitMutation = { orderEditCommit: { order: { id: string, totalOutstandingSet: { shopMoney: { amount: string } } } | null, userErrors: Array<{ field: Array<string> | null, message: string }> } | null };

export type OrdersToWatchQueryVariables = AdminTypes.Exact<{
  query: AdminTypes.Scalars['String']['input'];
  after?: AdminTypes.InputMaybe<AdminTypes.Scalars['String']['input']>;
}>;


export type OrdersToWatchQuery = { shop: { ianaTimezone: string }, orders: { pageInfo: { hasNextPage: boolean, endCursor: string | null }, nodes: Array<{ id: string, name: string, email: string | null, createdAt: string, processedAt: string, cancelledAt: string | null, displayFulfillmentStatus: AdminTypes.OrderDisplayFulfillmentStatus, customer: { id: string, locale: string } | null, fulfillmentOrders: { nodes: Array<{ id: string, status: AdminTypes.FulfillmentOrderStatus, fulfillBy: string | null }> }, fulfillments: Array<{ id: string, status: AdminTypes.FulfillmentStatus, displayStatus: AdminTypes.FulfillmentDisplayStatus | null, createdAt: string, updatedAt: string, inTransitAt: string | null, deliveredAt: string | null, estimatedDeliveryAt: string | null, trackingInfo: Array<{ company: string | null, number: string | null }> }> }> } };

interface GeneratedQueryTypes {
  "#graphql\n  query FulfillmentOrderHolds($id: ID!) {\n    fulfillmentOrder(id: $id) {\n      id\n      orderId\n      status\n      fulfillmentHolds { id handle reason }\n    }\n  }\n": {return: FulfillmentOrderHoldsQuery, variables: FulfillmentOrderHoldsQueryVariables},
  "#graphql\n  query OrderFulfillmentHolds($id: ID!) {\n    order(id: $id) {\n      id\n      fulfillmentOrders(first: 25) {\n        nodes { id orderId status fulfillmentHolds { id handle reason } }\n      }\n    }\n  }\n": {return: OrderFulfillmentHoldsQuery, variables: OrderFulfillmentHoldsQueryVariables},
  "#graphql\n  query OrderLinesToReport($query: String!) {\n    orders(first: 3, query: $query) {\n      nodes {\n        id\n        name\n        createdAt\n        cancelledAt\n        displayFulfillmentStatus\n        currencyCode\n        lineItems(first: 50) {\n          nodes {\n            id\n            title\n            variantTitle\n            sku\n            quantity\n            currentQuantity\n            unfulfilledQuantity\n            originalUnitPriceSet { shopMoney { amount currencyCode } }\n          }\n        }\n        fulfillments(first: 10) {\n          id\n          name\n          status\n          displayStatus\n          createdAt\n          deliveredAt\n          fulfillmentLineItems(first: 50) {\n            nodes {\n              quantity\n              lineItem { id }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: OrderLinesToReportQuery, variables: OrderLinesToReportQueryVariables},
  "#graphql\n  query OrdersUpdatedSince($query: String!, $after: String) {\n    orders(first: 8, after: $after, query: $query, sortKey: UPDATED_AT) {\n      pageInfo {\n        hasNextPage\n        endCursor\n      }\n      nodes {\n        id\n        legacyResourceId\n        name\n        email\n        phone\n        createdAt\n        updatedAt\n        processedAt\n        cancelledAt\n        displayFinancialStatus\n        displayFulfillmentStatus\n        tags\n        paymentGatewayNames\n        discountCodes\n        currencyCode\n        totalPriceSet { shopMoney { amount } }\n        totalOutstandingSet { shopMoney { amount } }\n        customer {\n          id\n          legacyResourceId\n          firstName\n          lastName\n          locale\n          defaultEmailAddress { emailAddress }\n          defaultPhoneNumber { phoneNumber }\n        }\n        shippingAddress { phone }\n        billingAddress { phone }\n        lineItems(first: 25) {\n          nodes {\n            id\n            title\n            variantTitle\n            sku\n            vendor\n            quantity\n            unfulfilledQuantity\n            originalUnitPriceSet { shopMoney { amount } }\n            variant { id legacyResourceId }\n          }\n        }\n        fulfillments(first: 10) {\n          id\n          legacyResourceId\n          name\n          status\n          displayStatus\n          createdAt\n          updatedAt\n          trackingInfo(first: 1) { company number url }\n        }\n      }\n    }\n  }\n": {return: OrdersUpdatedSinceQuery, variables: OrdersUpdatedSinceQueryVariables},
  "#graphql\n  query OrderAsReconciled($id: ID!) {\n    order(id: $id) {\n      id\n      legacyResourceId\n      name\n      email\n      phone\n      createdAt\n      updatedAt\n      processedAt\n      cancelledAt\n      displayFinancialStatus\n      displayFulfillmentStatus\n      tags\n      paymentGatewayNames\n      discountCodes\n      currencyCode\n      totalPriceSet { shopMoney { amount } }\n      totalOutstandingSet { shopMoney { amount } }\n      customer {\n        id\n        legacyResourceId\n        firstName\n        lastName\n        locale\n        defaultEmailAddress { emailAddress }\n        defaultPhoneNumber { phoneNumber }\n      }\n      shippingAddress { phone }\n      billingAddress { phone }\n      lineItems(first: 25) {\n        nodes {\n          id\n          title\n          variantTitle\n          sku\n          vendor\n          quantity\n          unfulfilledQuantity\n          originalUnitPriceSet { shopMoney { amount } }\n          variant { id legacyResourceId }\n        }\n      }\n      fulfillments(first: 10) {\n        id\n        legacyResourceId\n        name\n        status\n        displayStatus\n        createdAt\n        updatedAt\n        trackingInfo(first: 1) { company number url }\n      }\n    }\n  }\n": {return: OrderAsReconciledQuery, variables: OrderAsReconciledQueryVariables},
  "#graphql\n  query RefundPreview($orderId: ID!, $refundLineItems: [RefundLineItemInput!], $refundShipping: Boolean, $suggestFullRefund: Boolean) {\n    order(id: $orderId) {\n      id\n      name\n      currencyCode\n      suggestedRefund(refundLineItems: $refundLineItems, refundShipping: $refundShipping, suggestFullRefund: $suggestFullRefund) {\n        amountSet { shopMoney { amount currencyCode } }\n        maximumRefundableSet { shopMoney { amount } }\n        shipping { amountSet { shopMoney { amount } } }\n        refundLineItems { quantity lineItem { id title } subtotalSet { shopMoney { amount } } }\n        suggestedTransactions { gateway kind amountSet { shopMoney { amount } } parentTransaction { id } }\n      }\n      lineItems(first: 50) { nodes { id unfulfilledQuantity } }\n      transactions(first: 20) { id kind status gateway }\n    }\n  }\n": {return: RefundPreviewQuery, variables: RefundPreviewQueryVariables},
  "#graphql\n  query CodeDiscountByCode($code: String!) {\n    codeDiscountNodeByCode(code: $code) {\n      id\n      codeDiscount { ... on DiscountCodeBasic { title endsAt } }\n    }\n  }\n": {return: CodeDiscountByCodeQuery, variables: CodeDiscountByCodeQueryVariables},
  "#graphql\n  query OrderCancelState($orderId: ID!) {\n    order(id: $orderId) {\n      id\n      cancelledAt\n      currencyCode\n      totalRefundedSet { shopMoney { amount } }\n    }\n  }\n": {return: OrderCancelStateQuery, variables: OrderCancelStateQueryVariables},
  "#graphql\n  query DraftOrderByTag($query: String!) {\n    draftOrders(first: 1, query: $query) {\n      nodes { id status order { id name } }\n    }\n  }\n": {return: DraftOrderByTagQuery, variables: DraftOrderByTagQueryVariables},
  "#graphql\n  query DraftOrderById($id: ID!) {\n    draftOrder(id: $id) { id status order { id name } }\n  }\n": {return: DraftOrderByIdQuery, variables: DraftOrderByIdQueryVariables},
  "#graphql\n  query ShopSummary {\n    shop {\n      name\n      myshopifyDomain\n      currencyCode\n      ianaTimezone\n      shopAddress {\n        countryCodeV2\n      }\n      primaryDomain {\n        url\n      }\n    }\n  }\n": {return: ShopSummaryQuery, variables: ShopSummaryQueryVariables},
  "#graphql\n  query ShopIdentity {\n    shop {\n      id\n      myshopifyDomain\n    }\n  }\n": {return: ShopIdentityQuery, variables: ShopIdentityQueryVariables},
  "#graphql\n  query OrderStock($id: ID!, $fulfillmentOrders: Int!, $lines: Int!, $levels: Int!, $after: String) {\n    order(id: $id) {\n      id\n      createdAt\n      cancelledAt\n      fulfillmentOrders(first: $fulfillmentOrders, after: $after) {\n        pageInfo { hasNextPage endCursor }\n        nodes {\n          id\n          status\n          assignedLocation { location { id } }\n          lineItems(first: $lines) {\n            pageInfo { hasNextPage }\n            nodes {\n              remainingQuantity\n              lineItem { id title sku }\n              variant {\n                id\n                inventoryItem {\n                  id\n                  tracked\n                  inventoryLevels(first: $levels) {\n                    pageInfo { hasNextPage }\n                    nodes {\n                      location { id }\n                      quantities(names: [\"available\", \"committed\", \"on_hand\", \"damaged\"]) { name quantity }\n                    }\n                  }\n                }\n              }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: OrderStockQuery, variables: OrderStockQueryVariables},
  "#graphql\n  query StockAtLocation($items: [ID!]!, $location: ID!) {\n    nodes(ids: $items) {\n      ... on InventoryItem {\n        id\n        tracked\n        inventoryLevel(locationId: $location) {\n          location { id }\n          quantities(names: [\"available\", \"committed\", \"on_hand\", \"damaged\"]) { name quantity }\n        }\n      }\n    }\n  }\n": {return: StockAtLocationQuery, variables: StockAtLocationQueryVariables},
  "#graphql\n  query InventoryItemVariant($id: ID!) {\n    inventoryItem(id: $id) {\n      id\n      variant { id }\n    }\n  }\n": {return: InventoryItemVariantQuery, variables: InventoryItemVariantQueryVariables},
  "#graphql\n  query SubstitutionContext($id: ID!) {\n    order(id: $id) {\n      id\n      name\n      currencyCode\n      lineItems(first: 30) {\n        nodes {\n          id\n          title\n          currentQuantity\n          originalUnitPriceSet { shopMoney { amount } }\n          variant { id price product { id title vendor productType tags } }\n        }\n      }\n      fulfillmentOrders(first: 3) {\n        nodes {\n          status\n          assignedLocation { location { id } }\n          lineItems(first: 30) { nodes { lineItem { id } } }\n        }\n      }\n    }\n  }\n": {return: SubstitutionContextQuery, variables: SubstitutionContextQueryVariables},
  "#graphql\n  query SubstituteCandidates($query: String!, $location: ID!, $variant: ID!) {\n    productVariant(id: $variant) { id productParents(first: 25) { nodes { id } } }\n    products(first: 10, query: $query) {\n      nodes {\n        id\n        title\n        vendor\n        productType\n        tags\n        status\n        featuredMedia { preview { image { url(transform: { maxWidth: 240, maxHeight: 240 }) altText } } }\n        variants(first: 3) {\n          nodes {\n            id\n            title\n            sku\n            price\n            requiresComponents\n            productVariantComponents(first: 1) { nodes { id } }\n            inventoryItem {\n              tracked\n              inventoryLevel(locationId: $location) { quantities(names: [\"available\"]) { name quantity } }\n            }\n          }\n        }\n      }\n    }\n  }\n": {return: SubstituteCandidatesQuery, variables: SubstituteCandidatesQueryVariables},
  "#graphql\n  query OrdersToWatch($query: String!, $after: String) {\n    shop { ianaTimezone }\n    orders(first: 50, after: $after, query: $query, sortKey: CREATED_AT) {\n      pageInfo { hasNextPage endCursor }\n      nodes {\n        id\n        name\n        email\n        customer { id locale }\n        createdAt\n        processedAt\n        cancelledAt\n        displayFulfillmentStatus\n        fulfillmentOrders(first: 5) {\n          nodes { id status fulfillBy }\n        }\n        fulfillments(first: 5) {\n          id\n          status\n          displayStatus\n          createdAt\n          updatedAt\n          inTransitAt\n          deliveredAt\n          estimatedDeliveryAt\n          trackingInfo(first: 1) { company number }\n        }\n      }\n    }\n  }\n": {return: OrdersToWatchQuery, variables: OrdersToWatchQueryVariables},
}

interface GeneratedMutationTypes {
  "#graphql\n  mutation FulfillmentOrderHold($id: ID!, $hold: FulfillmentOrderHoldInput!) {\n    fulfillmentOrderHold(id: $id, fulfillmentHold: $hold) {\n      fulfillmentHold { id handle }\n      fulfillmentOrder { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: FulfillmentOrderHoldMutation, variables: FulfillmentOrderHoldMutationVariables},
  "#graphql\n  mutation FulfillmentOrderReleaseHold($id: ID!, $holdIds: [ID!]) {\n    fulfillmentOrderReleaseHold(id: $id, holdIds: $holdIds) {\n      fulfillmentOrder { id status }\n      userErrors { field message code }\n    }\n  }\n": {return: FulfillmentOrderReleaseHoldMutation, variables: FulfillmentOrderReleaseHoldMutationVariables},
  "#graphql\n  mutation RefundCreate($input: RefundInput!, $key: String!) {\n    refundCreate(input: $input) @idempotent(key: $key) {\n      refund { id totalRefundedSet { shopMoney { amount currencyCode } } }\n      userErrors { field message }\n    }\n  }\n": {return: RefundCreateMutation, variables: RefundCreateMutationVariables},
  "#graphql\n  mutation DiscountCodeBasicCreate($discount: DiscountCodeBasicInput!) {\n    discountCodeBasicCreate(basicCodeDiscount: $discount) {\n      codeDiscountNode { id codeDiscount { ... on DiscountCodeBasic { title endsAt codes(first: 1) { nodes { code } } } } }\n      userErrors { field message code }\n    }\n  }\n": {return: DiscountCodeBasicCreateMutation, variables: DiscountCodeBasicCreateMutationVariables},
  "#graphql\n  mutation OrderCancel($orderId: ID!, $staffNote: String) {\n    orderCancel(orderId: $orderId, reason: CUSTOMER, refund: true, restock: true, notifyCustomer: false, staffNote: $staffNote) {\n      job { id done }\n      orderCancelUserErrors { field message code }\n    }\n  }\n": {return: OrderCancelMutation, variables: OrderCancelMutationVariables},
  "#graphql\n  mutation DraftOrderCreate($input: DraftOrderInput!) {\n    draftOrderCreate(input: $input) {\n      draftOrder { id }\n      userErrors { field message }\n    }\n  }\n": {return: DraftOrderCreateMutation, variables: DraftOrderCreateMutationVariables},
  "#graphql\n  mutation DraftOrderComplete($id: ID!) {\n    draftOrderComplete(id: $id) {\n      draftOrder { id order { id name } }\n      userErrors { field message }\n    }\n  }\n": {return: DraftOrderCompleteMutation, variables: DraftOrderCompleteMutationVariables},
  "#graphql\n  mutation OrderEditBegin($id: ID!) {\n    orderEditBegin(id: $id) {\n      calculatedOrder { id }\n      userErrors { field message }\n    }\n  }\n": {return: OrderEditBeginMutation, variables: OrderEditBeginMutationVariables},
  "#graphql\n  mutation OrderEditAddVariant($id: ID!, $variantId: ID!, $quantity: Int!) {\n    orderEditAddVariant(id: $id, variantId: $variantId, quantity: $quantity, allowDuplicates: true) {\n      calculatedLineItem { id title originalUnitPriceSet { shopMoney { amount } } }\n      userErrors { field message }\n    }\n  }\n": {return: OrderEditAddVariantMutation, variables: OrderEditAddVariantMutationVariables},
  "#graphql\n  mutation OrderEditSetQuantity($id: ID!, $lineItemId: ID!, $quantity: Int!) {\n    orderEditSetQuantity(id: $id, lineItemId: $lineItemId, quantity: $quantity, restock: true) {\n      calculatedOrder { id }\n      userErrors { field message }\n    }\n  }\n": {return: OrderEditSetQuantityMutation, variables: OrderEditSetQuantityMutationVariables},
  "#graphql\n  mutation OrderEditAddLineItemDiscount($id: ID!, $lineItemId: ID!, $discount: OrderEditAppliedDiscountInput!) {\n    orderEditAddLineItemDiscount(id: $id, lineItemId: $lineItemId, discount: $discount) {\n      calculatedLineItem { id }\n      userErrors { field message }\n    }\n  }\n": {return: OrderEditAddLineItemDiscountMutation, variables: OrderEditAddLineItemDiscountMutationVariables},
  "#graphql\n  mutation OrderEditCommit($id: ID!, $staffNote: String) {\n    orderEditCommit(id: $id, notifyCustomer: false, staffNote: $staffNote) {\n      order { id totalOutstandingSet { shopMoney { amount } } }\n      userErrors { field message }\n    }\n  }\n": {return: OrderEditCommitMutation, variables: OrderEditCommitMutationVariables},
}
declare module '../shopify/client.server' {
  type InputMaybe<T> = AdminTypes.InputMaybe<T>;
  interface AdminQueries extends GeneratedQueryTypes {}
  interface AdminMutations extends GeneratedMutationTypes {}
}
