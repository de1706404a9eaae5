// Every kind of detection task, by the name stored on the task.
import { STOCK_CHECK_ORDER, stockCheckOrder } from "./stock-check.server";
import { STOCK_CHECK_ITEM, stockCheckItem } from "./stock-item.server";
import { syncFulfillmentHold } from "./fulfillment-hold.server";
import { SYNC_FULFILLMENT_HOLD, SYNC_STOCK_HOLD } from "./hold-request.server";
import type { DetectionKind } from "./tasks.server";

export const detectionKinds: Record<string, DetectionKind<unknown>> = {
  [STOCK_CHECK_ORDER]: stockCheckOrder as DetectionKind<unknown>,
  [STOCK_CHECK_ITEM]: stockCheckItem as DetectionKind<unknown>,
  [SYNC_FULFILLMENT_HOLD]: syncFulfillmentHold as DetectionKind<unknown>,
  [SYNC_STOCK_HOLD]: syncFulfillmentHold as DetectionKind<unknown>,
};
