// `npm run sandbox` as a person starts it, for browser tests: the launcher in its own process
// group on free ports and a database of its own; it resolves with the address it prints.
import { execFile, spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { demoAppEnv } from "../sandbox/demo-app";
import { freePort, portClosed, stopProcessGroup } from "./app-server";
import { emptyDatabase, projectRoot } from "./database";

export type Launcher = {
  openUrl: string;
  sandboxUrl: string;
  appPort: number;
  databaseUrl: string;
  output(): string;
  stop(): Promise<boolean>;
  /** Where the launcher writes each customer email as an .eml (a folder of this launcher's own). */
  mailDir: string;
  /** `npm run cli -- <args>` against this sandbox and the app's database, as an operator runs it. */
  cli(args: string[]): Promise<string>;
};

export async function startLauncher(): Promise<Launcher> {
  const database = await emptyDatabase("sqlite");
  const appPort = await freePort();
  const sandboxPort = await freePort();
  // The launcher shares its clock with the app through this file; the CLI below reads it too.
  const stageClockFile = path.join(os.tmpdir(), `makegood-stage-clock-${sandboxPort}`);
  const mailDir = fs.mkdtempSync(path.join(os.tmpdir(), "makegood-mail-"));
  const env = {
    ...process.env,
    PORT: String(appPort),
    SANDBOX_PORT: String(sandboxPort),
    DATABASE_URL: database.url,
    SANDBOX_MAIL_DIR: mailDir,
    MAKEGOOD_SKIP_BUILD: "1",
    MAKEGOOD_STAGE_CLOCK_FILE: stageClockFile,
  };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST")) delete env[key as keyof typeof env];
  // Its own process group, so that stopping it stops the app server it starts too.
  const launcher: ChildProcess = spawn(
    path.join(projectRoot, "node_modules/.bin/tsx"),
    [path.join(projectRoot, "scripts/sandbox.ts")],
    { cwd: projectRoot, env, detached: true },
  );
  let output = "";
  launcher.stdout!.on("data", (d) => (output += d));
  launcher.stderr!.on("data", (d) => (output += d));
  // Up when it prints the address, failed when it exits; no deadline (the hook's timeout is the bound).
  const openUrl = await new Promise<string>((resolve, reject) => {
    launcher.stdout!.on("data", () => {
      const url = output.match(/Open the app[^\n]*\n\s+(http\S+)/)?.[1];
      if (url) resolve(url);
    });
    launcher.once("exit", (code) => reject(new Error(`npm run sandbox exited with ${code}:\n${output}`)));
  });
  const sandboxUrl = `http://localhost:${sandboxPort}`;
  return {
    openUrl,
    appPort,
    databaseUrl: database.url,
    sandboxUrl,
    mailDir,
    output: () => output,
    async cli(args) {
      const cliEnv = {
        ...env,
        ...demoAppEnv(projectRoot, `http://localhost:${appPort}`, sandboxUrl, database.url, stageClockFile),
      };
      const { stdout } = await promisify(execFile)(
        path.join(projectRoot, "node_modules/.bin/tsx"),
        [path.join(projectRoot, "scripts/cli.ts"), ...args],
        { cwd: projectRoot, env: cliEnv },
      );
      return stdout;
    },
    async stop() {
      await stopProcessGroup(launcher);
      const closed = await portClosed(appPort);
      await database.remove();
      fs.rmSync(stageClockFile, { force: true });
      fs.rmSync(mailDir, { recursive: true, force: true });
      return closed;
    },
  };
}
