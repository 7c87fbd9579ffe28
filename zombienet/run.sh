#!/usr/bin/env bash
# The local network: a rococo-local relay chain of two validators (the slim `polkadot` of
# zombienet/relay-node) and wasm-contracts collators for parachain 1000 (network.toml: two;
# upgrade.toml: one), under zombienet's native provider.
#
#   zombienet/run.sh          runs upgrade.zndsl on a network whose parachain starts without the
#                             contracts pallet (the upgrade that adds it, then the parachain
#                             tests on the upgraded chain), then network.zndsl on one that has it
#                             from genesis and two collators (blocks produced, included and
#                             finalized; contracts through the collator; the second collator
#                             killed and restarted under a stream of calls), each network stopped
#                             after its test
#   zombienet/run.sh spawn    starts the network on the runtime with the pallet and keeps it
#                             running (polkadot.js: the collator at ws://127.0.0.1:9944, the
#                             relay validators at 9900 and 9901)
#
# Needs the binaries and the relay runtime of
#   cargo build --profile testnet -p wasm-contracts-node -p wasm-contracts-relay-node -p wasm-contracts-relay-runtime
# and, for the tests, try-upgrade of
#   SKIP_WASM_BUILD=1 cargo build -p wasm-contracts-try-upgrade
# in $CARGO_TARGET_DIR (scripts/test.sh builds them); POLKADOT_BIN and COLLATOR_BIN override.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../scripts/env.sh"
bin="$CARGO_TARGET_DIR/testnet"
export POLKADOT_BIN="${POLKADOT_BIN:-$bin/polkadot}"
export COLLATOR_BIN="${COLLATOR_BIN:-$bin/wasm-contracts-node}"
relay_wasm="$bin/wbuild/rococo-runtime/rococo_runtime.compact.compressed.wasm"
# The runtime without the pallet, and the one with it that the upgrade installs.
runtime_wasm="$bin/wbuild/wasm-contracts-runtime"
base_wasm="$runtime_wasm/wasm_binary_without_contracts.rs.compact.compressed.wasm"
export UPGRADE_WASM="$runtime_wasm/wasm_contracts_runtime.compact.compressed.wasm"
export TRY_UPGRADE_BIN="${TRY_UPGRADE_BIN:-$CARGO_TARGET_DIR/debug/try-upgrade}"
mode="${1:-test}"
needed=("$POLKADOT_BIN" "$bin/polkadot-prepare-worker" "$bin/polkadot-execute-worker" "$COLLATOR_BIN" "$relay_wasm")
if [ "$mode" != spawn ]; then
	needed+=("$base_wasm" "$UPGRADE_WASM" "$TRY_UPGRADE_BIN")
fi
for file in "${needed[@]}"; do
	if [ ! -s "$file" ]; then
		echo "missing $file: build the network parts first (see the top of this script)" >&2
		exit 1
	fi
done

work="$(mktemp -d "${TMPDIR:-/tmp}/wasm-contracts-network.XXXXXX")"
# The relay chain spec, from the relay runtime's own local_testnet preset.
export RELAY_SPEC="$work/relay-spec.json"
"$COLLATOR_BIN" chain-spec-builder -c "$RELAY_SPEC" create -t local \
	-n "Rococo Local Testnet" -i rococo_local_testnet -r "$relay_wasm" named-preset local_testnet
# Validators on these small machines compile a 1 MB runtime slowly while the network runs, and a
# session lasts one minute: a pre-check that runs out of the default 60 s, or whose votes miss
# the two sessions the preset allows, rejects the upgrade. Give both room.
node -e '
	const fs = require("node:fs");
	const spec = JSON.parse(fs.readFileSync(process.argv[1], "utf8"));
	const config = spec.genesis.runtimeGenesis.patch.configuration.config;
	config.pvf_voting_ttl = 10;
	config.executor_params = [{ PvfPrepTimeout: ["Precheck", 180000] }];
	fs.writeFileSync(process.argv[1], JSON.stringify(spec, null, 1));
' "$RELAY_SPEC"
# The parachain specs: the node's `local` chain, and the same chain on the runtime without the
# pallet, which the upgrade test starts from.
full_spec="$work/para-spec.json"
base_spec="$work/para-spec-without-contracts.json"
"$COLLATOR_BIN" build-spec --chain local >"$full_spec" 2>/dev/null
if [ "$mode" != spawn ]; then
	"$COLLATOR_BIN" chain-spec-builder -c "$base_spec" create -t local \
		-n "wasm-contracts local testnet" -i wasm_contracts_local --para-id 1000 --relay-chain rococo-local \
		--properties tokenSymbol=UNIT,tokenDecimals=12,ss58Format=42 -r "$base_wasm" named-preset local_testnet
fi

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$here/.." && npm ci --no-audit --no-fund --loglevel=error)

cd "$here"
echo "network files and logs: $work"
if [ "$mode" = spawn ]; then
	export PARA_SPEC="$full_spec"
	exec npx zombienet spawn network.toml -p native -d "$work/network"
fi
# A failed test keeps its network's logs on this machine; what tells why a node stopped goes to
# the output too, so a failure on another machine can be read from the output alone: the lines
# of each node's log that report a panic, an error or a shutdown, its last lines, and the
# kernel's record of processes it killed for memory.
report_failure() {
	local network="$1" log
	echo "== the test on $network failed; its nodes' logs:"
	# zombienet writes a node's log next to its data, and copies the logs into logs/ when it
	# deletes a network; one of each.
	local logs=("$network"/logs/*.log)
	[ -f "${logs[0]}" ] || logs=("$network"/*.log)
	for log in "${logs[@]}"; do
		[ -f "$log" ] || continue
		echo "== $(basename "$log" .log): panics, errors and shutdowns"
		grep -a -E -i 'panicked|essential task|error|shutting down|unable to|terminat|subscription closed|trying to connect|unresponsive|overseer exited' "$log" | tail -n 20 || true
		echo "== $(basename "$log" .log): last lines"
		tail -n 12 "$log"
	done
	echo "== processes the kernel killed for memory"
	dmesg 2>/dev/null | grep -E -i 'out of memory|killed process' | tail -n 5 || true
}
run_test() {
	local network="$1" definition="$2"
	npx zombienet test "$definition" -p native -d "$network" && return
	local status=$?
	report_failure "$network"
	exit "$status"
}

# Each test gets a network of its own: the upgrade starts from the chain without the pallet and
# runs the parachain tests (full blocks, included and finalized) on the upgraded chain; the
# other network has the pallet at genesis.
PARA_SPEC="$base_spec" NETWORK_SUITE="network/upgrade.test.js network/parachain.test.js" \
	run_test "$work/upgrade-network" upgrade.zndsl
PARA_SPEC="$full_spec" NETWORK_SUITE="network/parachain.test.js network/pool.test.js" \
	COLLATOR_LOSS_STATE="$work/collator-loss.json" \
	run_test "$work/network" network.zndsl
# Both networks passed: their databases and logs (about 450 MB) go; a failed run keeps them at the
# path printed above.
rm -rf "$work"
