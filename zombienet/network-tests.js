// Runs the suite of e2e/network against the network zombienet started: WS_URL is the node this
// script is called for (the collator), RELAY_WS_URL the relay chain's first validator. The
// upgrade that adds the contracts pallet comes first; the other tests use the upgraded runtime.
// Returns the suite's exit code.
const { spawnSync } = require("node:child_process");
const path = require("node:path");

async function run(nodeName, networkInfo) {
  const e2e = path.resolve(__dirname, "..", "e2e");
  const relay = Object.values(networkInfo.nodesByName).find((node) => node.name === "alice");
  const result = spawnSync("node", ["--test", "--test-concurrency=1", "--test-reporter=spec", "network/upgrade.test.js", "network/parachain.test.js"], {
    cwd: e2e,
    env: { ...process.env, WS_URL: networkInfo.nodesByName[nodeName].wsUri, RELAY_WS_URL: relay.wsUri },
    stdio: "inherit",
  });
  return result.status ?? 1;
}

module.exports = { run };
