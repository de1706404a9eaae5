// A customer's data export as stored and as the merchant's page reads it: plain types and the
// time it is kept, shared by the server (data-export.server.ts) and the browser's bundle (which
// gets nothing from a .server module).

export const EXPORT_KEPT_DAYS = 30;

export type DataExport = {
  status: "ready";
  customer: { id: string | null; email: string | null; phone: string | null };
  orders: {
    order: string;
    placedAt: string | null;
    email: string | null;
    phone: string | null;
    name: string | null;
    language: string | null;
    note: string | null;
    shippingAddress: Record<string, unknown> | null;
    billingAddress: Record<string, unknown> | null;
  }[];
  incidents: { order: string; problem: string; status: string; openedAt: string; closedAt: string | null }[];
  /** `what` as the timeline words it, its {tokens} the instants in `dates` (read in the shop's zone). */
  messages: { order: string; sentAt: string; what: string; dates?: Record<string, string> }[];
  deleteBy: string;
};
/** What is left of an export once it went: no one named. */
export type SpentExport = { status: "delivered" | "expired"; at: string; orders: number };
export type ExportRow = { id: string; receivedAt: Date; export: DataExport | SpentExport };
