// The launcher shares the sandbox's clock with the processes it starts (the app, its CLI): the
// offset goes to a file that stage-clock.mjs, preloaded in them, reads. Written before the clock
// button answers, so whatever runs next sees the new time.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { SandboxClock } from "../clock";

export function stageClockFile() {
  return (
    process.env.MAKEGOOD_STAGE_CLOCK_FILE ?? path.join(os.tmpdir(), `makegood-stage-clock-${process.pid}`)
  );
}

export function shareClock(clock: SandboxClock, file: string) {
  clock.onChange((offsetMs) => fs.writeFileSync(file, String(offsetMs)));
  return () => fs.rmSync(file, { force: true });
}

/** The app's deadline scan, as `incidents scan --all` prints it, in words. */
export function scanInWords(stdout: string) {
  const last = stdout.trim().split("\n").pop() ?? "";
  let results: Record<
    string,
    { orders?: number; opened?: number; closed?: number; offers?: { expired?: number }; error?: string }
  >;
  try {
    results = JSON.parse(last);
  } catch {
    return `The app's deadline scan said: ${last || "nothing"}`;
  }
  const shops = Object.entries(results).map(([shop, r]) =>
    r.error
      ? `${shop}: failed (${r.error})`
      : `${shop}: ${count(r.orders ?? 0, "order")} judged, ${count(r.opened ?? 0, "late incident")} opened, ${r.closed ?? 0} closed, ${count(r.offers?.expired ?? 0, "offer")} expired`,
  );
  return `The app's deadline scan ran at once, as its timer would have in that time — ${shops.join("; ") || "no active shop"}.`;
}

/** "1 order", "3 orders". */
const count = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
