#!/usr/bin/env bash
# Regenerates pallets/wasm-contracts/src/weights.rs in one command: builds the node and runtime
# with the runtime-benchmarks feature, runs `benchmark pallet` for every benchmark of the pallet,
# and writes the result through benchmarking/weight-template.hbs.
#
# Environment:
#   STEPS, REPEAT            sampling of every benchmark (defaults 50 and 20)
#   PROFILE                  cargo profile of the benchmarking node (default testnet)
#   BENCHMARK_TARGET_DIR     where that node is built (default: the dev target directory with
#                            the suffix -benchmarks)
#
# Weights take the larger of the least-squares and median-slopes fits, for time and proof alike,
# so that noise in one fit (a low intercept, a flat proof slope) does not undercharge.
#
# The benchmarking node gets its own target directory so that the dev node and its runtime stay
# as they are; on first use that directory is seeded with a copy of the dev build, so only the
# crates whose features differ are compiled again.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
. scripts/env.sh

profile="${PROFILE:-testnet}"
dev_target="$CARGO_TARGET_DIR"
export CARGO_TARGET_DIR="${BENCHMARK_TARGET_DIR:-$dev_target-benchmarks}"
if [ ! -d "$CARGO_TARGET_DIR" ] && [ -d "$dev_target/$profile" ]; then
	echo "seeding $CARGO_TARGET_DIR from $dev_target"
	mkdir -p "$CARGO_TARGET_DIR"
	cp -a --reflink=auto "$dev_target/$profile" "$CARGO_TARGET_DIR/"
fi

cargo build --locked --profile "$profile" -p wasm-contracts-node --features runtime-benchmarks
node="$CARGO_TARGET_DIR/$profile/wasm-contracts-node"
runtime="$CARGO_TARGET_DIR/$profile/wbuild/wasm-contracts-runtime/wasm_contracts_runtime.compact.compressed.wasm"

"$node" benchmark pallet \
	--runtime "$runtime" \
	--genesis-builder-preset development \
	--pallet pallet_wasm_contracts \
	--extrinsic '*' \
	--steps "${STEPS:-50}" \
	--repeat "${REPEAT:-20}" \
	--output-analysis max \
	--output-pov-analysis max \
	--template benchmarking/weight-template.hbs \
	--output pallets/wasm-contracts/src/weights.rs
echo "weights written to pallets/wasm-contracts/src/weights.rs"
