// Prints the plain "N passed, N failed" line CI reads, after vitest's own summary.
import type { RunnerTask, RunnerTestFile } from "vitest";
import type { Reporter } from "vitest/reporters";

function countTests(tasks: RunnerTask[], totals: { passed: number; failed: number; skipped: number }) {
  for (const task of tasks) {
    if (task.type === "suite") countTests(task.tasks, totals);
    else if (task.result?.state === "pass") totals.passed++;
    else if (task.result?.state === "fail") totals.failed++;
    else totals.skipped++;
  }
}

/** Suites (and files) whose own hooks failed: vitest marks their tests skipped, yet each is a failure. */
function countHookFailures(tasks: RunnerTask[]): number {
  return tasks.reduce((n, t) => n + (t.type === "suite" ? (t.result?.errors?.length ? 1 : 0) + countHookFailures(t.tasks) : 0), 0);
}

export default class SummaryReporter implements Reporter {
  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []) {
    const totals = { passed: 0, failed: 0, skipped: 0 };
    countTests(files, totals);
    // A file that fails to load has no tests but must still count as a failure.
    const brokenFiles = files.filter((f) => f.result?.state === "fail" && f.tasks.length === 0).length;
    const hookFailures = countHookFailures(files.filter((f) => f.tasks.length > 0));
    const failed = totals.failed + brokenFiles + hookFailures + errors.length;
    const skipped = totals.skipped ? `, ${totals.skipped} skipped` : "";
    console.log(`\n${totals.passed} passed, ${failed} failed${skipped}`);
  }
}
