// Prints the slowest test files, then the plain "N passed, N failed" line CI reads, after
// vitest's own summary.
import path from "node:path";
import type { RunnerTask, RunnerTestFile } from "vitest";
import type { Reporter, TestModule } from "vitest/node";

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
  return tasks.reduce(
    (n, t) => n + (t.type === "suite" ? (t.result?.errors?.length ? 1 : 0) + countHookFailures(t.tasks) : 0),
    0,
  );
}

/** How many of the slowest files to name: where a change to the suite's time should look first. */
const SLOWEST = 8;

export default class SummaryReporter implements Reporter {
  private started = new Map<string, number>();
  private took = new Map<string, number>();

  // Queued is sent by the worker as it starts importing the file: wall time from here to the end
  // counts the imports, the hooks (app servers, browsers) and the tests.
  onTestModuleQueued(module: TestModule) {
    this.started.set(module.moduleId, performance.now());
  }

  onTestModuleEnd(module: TestModule) {
    const start = this.started.get(module.moduleId);
    if (start !== undefined)
      this.took.set(path.relative(process.cwd(), module.moduleId), (performance.now() - start) / 1000);
  }

  onFinished(files: RunnerTestFile[] = [], errors: unknown[] = []) {
    const slowest = [...this.took].sort((a, b) => b[1] - a[1]).slice(0, SLOWEST);
    if (slowest.length > 1) {
      console.log(
        `\nSlowest files (wall time, imports and hooks included):\n${slowest.map(([file, s]) => `  ${s.toFixed(1).padStart(6)} s  ${file}`).join("\n")}`,
      );
    }
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
