// Loaded with `node --import` by the sandbox launcher only (the app it starts and the CLI it runs),
// never by the app's code nor its tests: the process lives at the stage's time, as a staging host
// under libfaketime would. MAKEGOOD_STAGE_CLOCK_FILE holds how many milliseconds the sandbox's clock
// is ahead of real time (tests/sandbox/stage/clock-file.ts writes it); every `new Date()` and
// `Date.now()` in the process adds it, so the app's deadline scan, offer expiry and session-token
// checks all see the time the sandbox's orders and carrier events are dated in. Timers
// (setTimeout, setInterval) keep real time: a scan every minute stays every real minute.
import fs from "node:fs";

const file = process.env.MAKEGOOD_STAGE_CLOCK_FILE;
if (!file) throw new Error("stage-clock.mjs needs MAKEGOOD_STAGE_CLOCK_FILE");

const RealDate = Date;
const realNow = RealDate.now.bind(RealDate);
let offsetMs = 0;
let readAt = -Infinity;
// Read again at most every 50 ms of real time: the launcher writes the file before it answers the
// clock button, so a process started after the move (the CLI) sees it at its first read.
function stageNow() {
  const now = realNow();
  if (now - readAt >= 50) {
    readAt = now;
    try {
      offsetMs = Number(fs.readFileSync(file, "utf8")) || 0;
    } catch {
      offsetMs = 0;
    }
  }
  return now + offsetMs;
}

// A Proxy keeps Date.prototype, instanceof, Date.UTC/parse and subclasses exactly as they are.
globalThis.Date = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    return Reflect.construct(target, args.length === 0 ? [stageNow()] : args, newTarget);
  },
  apply() {
    return new RealDate(stageNow()).toString();
  },
  get(target, key, receiver) {
    return key === "now" ? stageNow : Reflect.get(target, key, receiver);
  },
});
