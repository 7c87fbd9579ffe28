// Runs e2e/network files against the network zombienet started: those the DSL line names
// (`with "network/a.test.js"`), else those of NETWORK_SUITE (space-separated, in order). WS_URL
// is the node this script is called for (the collator), PEER_WS_URLS the other collators of its
// parachain (comma-separated), RELAY_WS_URL the relay chain's first validator. Throws when a suite fails: zombienet compares a script's
// return value only when the expected value is not 0, so `return is 0` alone would pass whatever
// the suite did.
//
// The suites run as child processes awaited asynchronously. zombienet's native provider pipes
// each node's output to its log file through this process's event loop: blocking it (with
// spawnSync) lets the nodes' stderr pipes fill, and a node whose log write blocks stops
// producing blocks.
const { spawn } = require("node:child_process");
const path = require("node:path");

function runSuite(suite, e2e, env) {
  return new Promise((resolve, reject) => {
    // A suite whose node went away may leave a provider reconnecting; the run ends with its tests.
    const child = spawn("node", ["--test", "--test-force-exit", "--test-reporter=spec", suite], { cwd: e2e, env, stdio: "inherit" });
    // When zombienet gives up (its `within` timeout) and exits, the suite goes with it.
    const stop = () => child.kill();
    process.once("exit", stop);
    child.on("error", reject);
    child.on("exit", (code, signal) => {
      process.off("exit", stop);
      if (code === 0) resolve();
      else reject(new Error(`${suite} failed (exit status ${code ?? signal})`));
    });
  });
}

async function run(nodeName, networkInfo, args) {
  const named = (args ?? []).flatMap((arg) => arg.split(" ")).filter(Boolean);
  const suites = named.length > 0 ? named : (process.env.NETWORK_SUITE ?? "").split(" ").filter(Boolean);
  if (suites.length === 0) throw new Error("NETWORK_SUITE names the e2e/network files to run (zombienet/run.sh sets it)");
  const e2e = path.resolve(__dirname, "..", "e2e");
  const nodes = Object.values(networkInfo.nodesByName);
  const relay = nodes.find((node) => node.name === "alice");
  const self = networkInfo.nodesByName[nodeName];
  const peers = nodes.filter((node) => node.parachainId === self.parachainId && node.name !== nodeName);
  const env = {
    ...process.env,
    WS_URL: self.wsUri,
    PEER_WS_URLS: peers.map((node) => node.wsUri).join(","),
    RELAY_WS_URL: relay.wsUri,
  };
  for (const suite of suites) await runSuite(suite, e2e, env);
  return 0;
}

module.exports = { run };
