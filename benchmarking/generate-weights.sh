#!/usr/bin/env bash
# Regenerates pallets/wasm-contracts/src/weights.rs: builds the node with the runtime-benchmarks
# feature (its own `benchmark` profile, so the dev node stays as it is), runs `benchmark pallet`
# for every benchmark of the pallet, and writes the result through weight-template.hbs.
# Environment: STEPS (default 50), REPEAT (default 20).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
. scripts/env.sh

cargo build --locked --profile benchmark -p wasm-contracts-node --features runtime-benchmarks
node="$CARGO_TARGET_DIR/benchmark/wasm-contracts-node"
runtime="$CARGO_TARGET_DIR/benchmark/wbuild/wasm-contracts-runtime/wasm_contracts_runtime.compact.compressed.wasm"

"$node" benchmark pallet \
	--runtime "$runtime" \
	--genesis-builder-preset development \
	--pallet pallet_wasm_contracts \
	--extrinsic '*' \
	--steps "${STEPS:-50}" \
	--repeat "${REPEAT:-20}" \
	--template benchmarking/weight-template.hbs \
	--output pallets/wasm-contracts/src/weights.rs
echo "weights written to pallets/wasm-contracts/src/weights.rs"
