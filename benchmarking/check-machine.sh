#!/usr/bin/env bash
# Checks whether this machine is fast enough for the chain's weights, as an operator would
# before running a collator on it:
#   1. `wasm-contracts-node benchmark machine`: polkadot-sdk's check of the CPU (BLAKE2-256 and
#      SR25519 verification), memory copies and disk against its reference hardware;
#   2. this pallet's own figures: the CPUs `weights.rs` was measured on, and how long the dev node
#      takes to build blocks of contract code that spends its whole gas in each of the slowest
#      instruction classes (`e2e/bench/block-time.mjs`). A ratio of build time to block weight
#      above 1.0 means this CPU runs contracts slower than the weights assume: measure the weights
#      here (`benchmarking/generate-weights.sh` merges this CPU's figures into `weights.rs`).
# Exits with 1 when a block takes longer than its weight. Run it on an idle machine: the figures
# are times.
#
# Environment: GAS_MS (gas of each call, default 500), LOOPS (a regular expression naming the
# loops of block-time.mjs; default: one of each class), NODE_PROFILE (default testnet).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
. scripts/env.sh

profile="${NODE_PROFILE:-testnet}"
cargo build --locked --profile "$profile" -p wasm-contracts-node
node_bin="$CARGO_TARGET_DIR/$profile/wasm-contracts-node"

echo "== polkadot-sdk's machine check (reference hardware)"
# --allow-fail: report a slow component and go on to the pallet's own figures.
"$node_bin" benchmark machine --chain dev --allow-fail

echo
echo "== weights.rs was measured on"
sed -n '/^\/\/! - /p' pallets/wasm-contracts/src/weights.rs

echo
echo "== blocks of contract code on this machine (block-time.mjs)"
(npm ci --no-audit --no-fund --loglevel=error)
default_loops='^(loop \(br 0\)|indirect calls|i64\.div_u|loop \(br_if 0 \(local\.get 0\)\)|if/else|memory\.(fill|copy) (1 B|64 B|4 KiB), within page 0|memory\.init 1 B|table\.(fill|copy) 1 element|table\.set|memory\.grow past max_memory_pages)$'
cd e2e
NODE_BIN="$node_bin" GAS_MS="${GAS_MS:-500}" LOOPS="${LOOPS:-$default_loops}" MAX_RATIO=1.0 node bench/block-time.mjs
