// Waiting on state, never on the clock. How long the app, pg-boss or Chromium takes depends on the
// machine and on whatever else runs on it, so a wait here has no deadline of its own: vitest's
// test and hook timeouts (vitest.config.ts) are the only bound. When one fires, the failure says
// what was awaited and what was seen last, and the poll stops with the test.
import { onTestFailed, onTestFinished } from "vitest";

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

function shown(value: unknown) {
  try {
    return JSON.stringify(value, (_, v) => (typeof v === "bigint" ? String(v) : v));
  } catch {
    return String(value);
  }
}

/** Reads the state until `done` holds for it, and returns that state. */
export async function until<T>(
  what: string,
  read: () => Promise<T>,
  done: (state: T) => boolean = Boolean,
  everyMs = 50,
): Promise<T> {
  let last: T | undefined;
  let reached = false;
  let ended = false;
  try {
    onTestFailed(() => {
      if (!reached) console.error(`still waiting for ${what}; last seen: ${shown(last)}`);
    });
    onTestFinished(() => {
      ended = true;
    });
  } catch {
    // Called from a hook, not a test: the hook's timeout bounds the wait.
  }
  while (!ended) {
    last = await read();
    if (done(last)) {
      reached = true;
      return last;
    }
    await pause(everyMs);
  }
  throw new Error(`the test ended while waiting for ${what}; last seen: ${shown(last)}`);
}
