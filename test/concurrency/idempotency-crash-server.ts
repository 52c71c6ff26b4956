// The victim of test/concurrency/idempotency-crash.test.ts: a real server (the environment's
// configuration, as `claimdesk serve` reads it) that, for a request holding an Idempotency-Key,
// stops after the work committed and before the answer is recorded — the worst moment — says
// "committed" on stdout and waits on stdin for ever, until the test kills it with SIGKILL.
import { loadConfig } from "../../src/server/config.ts";
import { startServer } from "../../src/server/server.ts";

const server = await startServer(loadConfig(), {
  sweep: false,
  idempotency: {
    beforeAnswer: async () => {
      process.stdout.write("committed\n");
      await new Promise((resolve) => process.stdin.once("data", resolve));
    },
  },
});
process.stdout.write(`running at ${server.url} \n`);
