// Accessibility checks in the browser tests: axe-core (the engine behind Lighthouse's audit) run
// inside the page, reporting what a screen-reader or keyboard user would stumble on.
import { createRequire } from "node:module";
import fs from "node:fs";
import type { Page } from "playwright-core";

const axeSource = fs.readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

export type Violation = { id: string; impact: string | null; help: string; targets: string[] };

/** WCAG A/AA violations on the page as it is now, serious or critical ones. */
export async function accessibilityViolations(page: Page, exclude: string[] = []): Promise<Violation[]> {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async (excluded) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: unknown,
            options: unknown,
          ): Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
          }>;
        };
      }
    ).axe;
    return axe.run(
      { exclude: excluded.map((s) => [s]) },
      { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } },
    );
  }, exclude);
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.map((n) => n.target.join(" ")),
    }));
}
