// A real `claimdesk serve` process for the tests that start, kill or race whole servers. Readiness
// is an event (the "running at" line on stdout), never a delay.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export interface ServeProcess {
  child: ChildProcessWithoutNullStreams;
  /** The server's URL once it says it is running; rejects if it exits first. */
  ready: Promise<string>;
  /** The exit code (null when killed by a signal) once every line it wrote has been read. */
  closed: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stdout(): string;
  stderr(): string;
}

/** Starts `node <script> [...args]` (default: bin/claimdesk.js serve) with `env` on top of ours. */
export function spawnServe(
  env: Record<string, string>,
  script: string[] = ["bin/claimdesk.js", "serve"],
): ServeProcess {
  const { BASE_URL: _b, ...inherited } = process.env;
  const child = spawn(process.execPath, script, {
    cwd: ROOT,
    env: { ...inherited, PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stdout.setEncoding("utf8");
  child.stderr.setEncoding("utf8");
  child.stderr.on("data", (d: string) => {
    err += d;
  });
  const closed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("close", (code, signal) => resolve({ code, signal })),
  );
  const ready = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", (d: string) => {
      out += d;
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) resolve(m[1]);
    });
    void closed.then(({ code, signal }) =>
      reject(new Error(`server exited before it was ready (code ${code}, signal ${signal}):\n${err}`)),
    );
  });
  // A rejection nobody awaits (the test already failed elsewhere) must not crash the run.
  ready.catch(() => undefined);
  return { child, ready, closed, stdout: () => out, stderr: () => err };
}

/** Resolves with the first line on the process's stdout that satisfies `test`. */
export function lineMatching(p: ServeProcess, test: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let pending = "";
    const onData = (d: string) => {
      pending += d;
      for (let i = pending.indexOf("\n"); i >= 0; i = pending.indexOf("\n")) {
        const line = pending.slice(0, i);
        pending = pending.slice(i + 1);
        if (test(line)) {
          p.child.stdout.off("data", onData);
          resolve(line);
          return;
        }
      }
    };
    p.child.stdout.on("data", onData);
    void p.closed.then(() => reject(new Error(`process ended first:\n${p.stderr()}`)));
  });
}
