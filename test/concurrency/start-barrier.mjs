// Preloaded (`node --import`) by test/concurrency/startup.test.ts: loads the server's modules, then
// waits for a line on stdin, so that processes spawned one after another start their bootstrap
// together instead of a module-loading time apart.
import { register } from "tsx/esm/api";

register();
await import("../../src/server/server.ts");
process.stdout.write("at the barrier\n");
await new Promise((resolve) => process.stdin.once("data", resolve));
// Let go of stdin, or a server that fails later would be kept alive by it.
process.stdin.destroy();
