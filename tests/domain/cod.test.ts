// Cash on delivery: the amount the courier collects against what the customer was told.
import { describe, expect, it } from "vitest";
import { codAmountChange, isCashOnDelivery } from "../../app/domain/detection/cod";

const cod = (due: string, extra: Record<string, unknown> = {}) => ({
  payment_gateway_names: ["Cash on Delivery (COD)"],
  total_outstanding: due,
  currency: "RON",
  ...extra,
});

describe("cash on delivery amount", () => {
  it("recognises the gateway as shops name it", () => {
    for (const name of ["Cash on Delivery (COD)", "COD", "Contra reembolso", "Plata ramburs"])
      expect(isCashOnDelivery({ payment_gateway_names: [name] })).toBe(true);
    for (const name of ["shopify_payments", "Codere gift card", "manual"])
      expect(isCashOnDelivery({ payment_gateway_names: [name] })).toBe(false);
  });

  it("sees a higher amount due than the customer was told, with the difference", () => {
    expect(codAmountChange(cod("45.90"), cod("65.90"), null)).toEqual({
      kind: "changed",
      told: "45.90",
      due: "65.90",
      difference: "+20.00",
      currency: "RON",
    });
    // A second change is measured against what the customer was told, not the last amount.
    expect(codAmountChange(cod("65.90"), cod("70.90"), "45.90")).toMatchObject({
      told: "45.90",
      difference: "+25.00",
    });
  });

  it("sees the amount back to what was told, and the cash collected", () => {
    expect(codAmountChange(cod("65.90"), cod("45.90"), "45.90")).toEqual({ kind: "restored", due: "45.90" });
    expect(codAmountChange(cod("65.90"), cod("0.00"), "45.90")).toEqual({ kind: "settled", due: "0.00" });
  });

  it("ignores orders paid otherwise, cancelled orders and unchanged amounts", () => {
    expect(
      codAmountChange(cod("45.90"), cod("65.90", { payment_gateway_names: ["shopify_payments"] }), null),
    ).toBeNull();
    expect(
      codAmountChange(cod("45.90"), cod("65.90", { cancelled_at: "2026-11-20T10:00:00Z" }), null),
    ).toBeNull();
    expect(codAmountChange(cod("45.90"), cod("45.90"), null)).toBeNull();
  });
});
