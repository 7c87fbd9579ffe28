// Runs the e2e/network file NETWORK_SUITE against the network zombienet started: WS_URL is the
// node this script is called for (the collator), RELAY_WS_URL the relay chain's first
// validator. Throws when the suite fails: zombienet compares a script's return value only when the
// expected value is not 0, so `return is 0` alone would pass whatever the suite did.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

async function run(nodeName, networkInfo) {
  const suite = process.env.NETWORK_SUITE;
  if (!suite) throw new Error("NETWORK_SUITE names the e2e/network file to run (zombienet/run.sh sets it)");
  const e2e = path.resolve(__dirname, "..", "e2e");
  const relay = Object.values(networkInfo.nodesByName).find((node) => node.name === "alice");
  const env = { ...process.env, WS_URL: networkInfo.nodesByName[nodeName].wsUri, RELAY_WS_URL: relay.wsUri };
  const result = spawnSync("node", ["--test", "--test-reporter=spec", suite], { cwd: e2e, env, stdio: "inherit" });
  if (result.status !== 0) {
    throw new Error(`${suite} failed (exit status ${result.status ?? result.signal})`);
  }
  return 0;
}

module.exports = { run };
