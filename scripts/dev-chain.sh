#!/usr/bin/env bash
# Builds everything and starts the development chain in the foreground (Ctrl-C stops it).
# Extra arguments go to the node, e.g. `scripts/dev-chain.sh --instant-seal`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

"$here/setup.sh"
. "$here/env.sh"

# `testnet` is the node's build profile for the dev chain and the tests (see Cargo.toml).
profile="${NODE_PROFILE:-testnet}"
(cd "$root" && cargo build --profile "$profile" -p wasm-contracts-node)
node="$CARGO_TARGET_DIR/$profile/wasm-contracts-node"

cat <<MSG

Development chain: RPC at ws://127.0.0.1:9944
polkadot.js apps:  https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944
Runtime wasm:      $CARGO_TARGET_DIR/$profile/wbuild/wasm-contracts-runtime/wasm_contracts_runtime.compact.compressed.wasm
Funded accounts:   Alice, Bob, Charlie, Dave, Eve, Ferdie (sudo: Alice). State is discarded on exit.

MSG
# --tmp: a fresh chain on each start. The RPC binds to 127.0.0.1 (the --dev default);
# polkadot.js apps in a browser on this machine may connect to it. The single-state pool: the
# fork-aware one loses transactions of a flood without telling their senders (docs/runtime.md,
# "What the pool keeps").
exec "$node" --dev --tmp --rpc-port 9944 --rpc-cors all --pool-type single-state "$@"
