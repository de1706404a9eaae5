// The stage's clock: the preload that makes a process live at the sandbox's time, and the
// business-day button's arithmetic in the shop's zone.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { businessDaysAhead } from "./stage/clock-moves";
import { SandboxClock } from "./clock";
import { shareClock } from "./stage/clock-file";

const DAY = 86_400_000;

describe("stage-clock.mjs", () => {
  it("shifts new Date() and Date.now() by the shared offset, and leaves explicit dates and instanceof alone", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "stage-clock-")), "offset");
    const clock = new SandboxClock();
    const forget = shareClock(clock, file);
    clock.advance(3 * DAY);
    const script = `const real = performance.timeOrigin + performance.now();
      console.log(JSON.stringify({ ahead: Date.now() - real, newDate: new Date().getTime() - real, fixed: new Date(0).getTime(),
        isDate: new Date() instanceof Date, sub: new (class extends Date {})() instanceof Date, text: typeof Date() }));`;
    const out = JSON.parse(
      execFileSync(
        process.execPath,
        ["--import", path.resolve(import.meta.dirname, "stage-clock.mjs"), "-e", script],
        {
          env: { ...process.env, MAKEGOOD_STAGE_CLOCK_FILE: file },
        },
      ).toString(),
    );
    expect(Math.round(out.ahead / 1000)).toBe(3 * 86_400);
    expect(Math.round(out.newDate / 1000)).toBe(3 * 86_400);
    expect(out).toMatchObject({ fixed: 0, isDate: true, sub: true, text: "string" });
    forget();
    expect(fs.existsSync(file)).toBe(false);
  });
});

describe("businessDaysAhead", () => {
  it("skips Saturday and Sunday in the shop's time zone, keeping the time of day", () => {
    const friday = new Date("2026-11-27T10:00:00Z"); // Friday 11:00 in Madrid
    expect(businessDaysAhead(friday, 1, "Europe/Madrid")).toBe(3 * DAY);
    expect(businessDaysAhead(friday, 5, "Europe/Madrid")).toBe(7 * DAY);
    const sunday = new Date("2026-11-29T19:00:00Z");
    expect(businessDaysAhead(sunday, 4, "Europe/Madrid")).toBe(4 * DAY);
    // 23:30 UTC on Friday is already Saturday in Madrid: the next business day is Monday.
    expect(businessDaysAhead(new Date("2026-11-27T23:30:00Z"), 1, "Europe/Madrid")).toBe(2 * DAY);
  });
});
