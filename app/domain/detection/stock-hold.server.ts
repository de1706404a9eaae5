// Kept for the offer code's import while it is reworked: the hold sync now serves every kind of
// incident that holds an order (fulfillment-hold.server, hold-request.server).
export { requestHoldSync } from "./hold-request.server";
