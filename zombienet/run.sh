#!/usr/bin/env bash
# The local network: a rococo-local relay chain of two validators (the slim `polkadot` of
# zombienet/relay-node) and one wasm-contracts collator for parachain 1000, under zombienet's
# native provider.
#
#   zombienet/run.sh          starts the network, runs network.zndsl (blocks produced, included
#                             and finalized; e2e/network through the collator) and stops it
#   zombienet/run.sh spawn    starts the network and keeps it running (polkadot.js: the collator
#                             at ws://127.0.0.1:9944, the relay validators at 9900 and 9901)
#
# Needs the binaries and the relay runtime of
#   cargo build --profile testnet -p wasm-contracts-node -p wasm-contracts-relay-node -p wasm-contracts-relay-runtime
# in $CARGO_TARGET_DIR (scripts/test.sh builds them); POLKADOT_BIN and COLLATOR_BIN override.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
. "$here/../scripts/env.sh"
bin="$CARGO_TARGET_DIR/testnet"
export POLKADOT_BIN="${POLKADOT_BIN:-$bin/polkadot}"
export COLLATOR_BIN="${COLLATOR_BIN:-$bin/wasm-contracts-node}"
relay_wasm="$bin/wbuild/rococo-runtime/rococo_runtime.compact.compressed.wasm"
for file in "$POLKADOT_BIN" "$bin/polkadot-prepare-worker" "$bin/polkadot-execute-worker" "$COLLATOR_BIN" "$relay_wasm"; do
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

(cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
(cd "$here/../e2e" && npm ci --no-audit --no-fund --loglevel=error)

cd "$here"
echo "network files and logs: $work/network"
if [ "${1:-test}" = "spawn" ]; then
	exec npx zombienet spawn network.toml -p native -d "$work/network"
fi
npx zombienet test network.zndsl -p native -d "$work/network"
