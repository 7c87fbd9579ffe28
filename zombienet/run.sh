#!/usr/bin/env bash
# The local network: a rococo-local relay chain of two validators (the slim `polkadot` of
# zombienet/relay-node) and one wasm-contracts collator for parachain 1000, under zombienet's
# native provider.
#
#   zombienet/run.sh          starts the parachain on the runtime without the contracts pallet,
#                             runs network.zndsl (blocks produced, included and finalized; the
#                             upgrade that adds the pallet and e2e/network through the collator)
#                             and stops the network
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
# The parachain spec: the node's `local` chain, or for the tests the same chain on the runtime
# without the pallet.
export PARA_SPEC="$work/para-spec.json"
if [ "$mode" = spawn ]; then
	"$COLLATOR_BIN" build-spec --chain local >"$PARA_SPEC" 2>/dev/null
else
	"$COLLATOR_BIN" chain-spec-builder -c "$PARA_SPEC" create -t local \
		-n "wasm-contracts local testnet" -i wasm_contracts_local --para-id 1000 --relay-chain rococo-local \
		--properties tokenSymbol=UNIT,tokenDecimals=12,ss58Format=42 -r "$base_wasm" named-preset local_testnet
fi

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$here/../e2e" && npm ci --no-audit --no-fund --loglevel=error)

cd "$here"
echo "network files and logs: $work/network"
if [ "$mode" = spawn ]; then
	exec npx zombienet spawn network.toml -p native -d "$work/network"
fi
npx zombienet test network.zndsl -p native -d "$work/network"
