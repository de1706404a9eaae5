// The stage's clock: the time now (the shop's zone, in words) and buttons that move it forward.
// The app lives at the same time when the launcher started it (stage-clock.mjs), so a ship-by date
// passes for the app too.
import type { ShopState } from "../store";
import { clockMove } from "./clock-moves";
import type { StageDeps } from "./deps";
import { html } from "./html";
import { openApp } from "./links";
import type { Outcome } from "./outcome";
import { duration, when } from "./words";

export function clockSection(deps: StageDeps, shop: ShopState) {
  const action = `/sandbox/home/clock?shop=${encodeURIComponent(shop.domain)}`;
  const ahead = deps.clock.offset;
  return html`<section aria-labelledby="clock-title">
    <h2 id="clock-title">Clock</h2>
    <p>
      Now:
      <strong>${when(deps.clock.now(), shop.ianaTimezone)}</strong>
      (${shop.ianaTimezone})${ahead ? `, ${duration(ahead)} ahead of real time` : ", real time"}. It only
      moves forward: the app has recorded what happened at each time.
    </p>
    <form method="post" action="${action}" class="inline">
      <input type="hidden" name="move" value="hour" /><button type="submit">+1 hour</button>
    </form>
    <form method="post" action="${action}" class="inline">
      <input type="hidden" name="move" value="day" /><button type="submit">+1 day</button>
    </form>
    <form method="post" action="${action}" class="inline">
      <input type="hidden" name="move" value="business-days" />
      <label for="business-days">Business days</label>
      <input id="business-days" name="days" type="number" min="1" max="60" value="3" size="3" />
      <button type="submit">+ business days</button>
    </form>
    <p class="hint">
      Business days skip Saturdays and Sundays in the shop's time zone (not the holidays in the app's
      settings). The app gives an order the rest of its day plus its handling days (2 by default): 4 business
      days make a new order late.
    </p>
  </section>`;
}

export async function moveClock(deps: StageDeps, shop: ShopState, form: URLSearchParams): Promise<Outcome> {
  const before = deps.clock.now();
  const move = clockMove(form, before, shop.ianaTimezone);
  if ("refused" in move)
    return { title: "The clock did not move", refused: true, said: [move.refused], links: [] };
  const after = deps.clock.advance(move.ms);
  const said = [`From ${when(before, shop.ianaTimezone)} to ${when(after, shop.ianaTimezone)}.`];
  said.push(
    deps.afterClockMove
      ? await deps.afterClockMove()
      : "The app was not started by the launcher: it keeps its own time.",
  );
  return {
    title: `The clock moved forward ${move.label}`,
    said,
    links: [{ text: "All incidents in the app", href: openApp(shop.domain, "/app/incidents") }],
  };
}
