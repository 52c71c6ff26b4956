// The victim of test/bulk/claim-import-resume.test.ts: a real server (the environment's
// configuration, as `claimdesk serve` reads it) that, after the first chunk of an import's drafts
// committed, says "chunk <done>" on stdout and waits on stdin for ever, until the test kills it with
// SIGKILL — a process dying mid-import, its lease still held.
import { loadConfig } from "../../src/server/config.ts";
import { startServer } from "../../src/server/server.ts";

const server = await startServer(loadConfig(), {
  sweep: false,
  claimImports: {
    afterChunk: async (_id, done) => {
      process.stdout.write(`chunk ${done}\n`);
      await new Promise((resolve) => process.stdin.once("data", resolve));
    },
  },
});
process.stdout.write(`running at ${server.url} \n`);
