// Preloaded (node --import) into the Redocly CLI by test/contract/redocly.test.ts: any attempt to
// reach the network fails and is reported on stderr, so the lint provably runs offline.
import dns from "node:dns";
import net from "node:net";

const refuse = (what) => {
  process.stderr.write(`NETWORK ATTEMPT: ${what}\n`);
  throw new Error(`network blocked in the lint: ${what}`);
};
net.Socket.prototype.connect = function connect(...args) {
  refuse(`connect ${JSON.stringify(args[0])}`);
};
dns.lookup = (host) => refuse(`dns ${host}`);
dns.promises.lookup = async (host) => refuse(`dns ${host}`);
globalThis.fetch = async (url) => refuse(`fetch ${String(url)}`);
