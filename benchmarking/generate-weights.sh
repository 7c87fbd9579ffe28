#!/usr/bin/env bash
# Measures pallets/wasm-contracts/src/weights.rs on this machine in one command: builds the node
# and runtime with the runtime-benchmarks feature, runs `benchmark pallet` for every benchmark of
# the pallet through benchmarking/weight-template.hbs into a file of its own (in the benchmarking
# target directory, kept), and merges that run into weights.rs with benchmarking/merge_weights.py:
# every figure becomes the larger of the two (the host functions' figures taken net of each
# file's entry into a contract, which the pallet deducts), and the header adds this machine's
# CPU. A run on another CPU can so raise a price that is too low there and never lowers one
# measured elsewhere.
#
# Environment:
#   MERGE                    1 (default) to merge the run into weights.rs; 0 to replace
#                            weights.rs with the run alone, a new baseline measured on this
#                            machine only (after the benchmarks or the pallet got cheaper)
#   CHANGED                  comma-separated weight functions whose benchmark changed: merged
#                            from this run alone, as their old figures measured something else
#   RECOUNT                  comma-separated weight functions whose database reads and writes
#                            the pallet's code changed: those are taken from this run, every
#                            other figure is the larger of the two
#   EXTRINSICS               comma-separated benchmarks to run (default: all); the weight
#                            functions of the others stay as weights.rs has them; with a host
#                            function (host_*), host_call and host_context run too, as they give
#                            the entry into a contract that its figures are merged net of
#   STEPS, REPEAT            sampling of every benchmark (defaults 50 and 20)
#   PROFILE                  cargo profile of the benchmarking node (default testnet)
#   BENCHMARK_TARGET_DIR     where that node is built (default: the dev target directory with
#                            the suffix -benchmarks)
#   CPU_LABEL                the name of this machine's CPU in the header, where `model name`
#                            does not tell it from another CPU already listed (cloud hosts call
#                            CPUs of several generations `AMD EPYC`); the script prints the CPU's
#                            family and model to choose it by
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
merge="${MERGE:-1}"
case "$merge" in
0 | 1) ;;
*) echo "generate-weights: MERGE is 1 (merge the run into weights.rs) or 0 (replace it), not '$merge'" >&2; exit 1 ;;
esac
if [ "$merge" = 0 ] && [ -n "${EXTRINSICS:-}${RECOUNT:-}" ]; then
	echo "generate-weights: MERGE=0 replaces weights.rs with the run, which must then measure every benchmark and takes its counts whole: leave EXTRINSICS and RECOUNT unset" >&2
	exit 1
fi
bash scripts/setup.sh
. scripts/env.sh

weights=pallets/wasm-contracts/src/weights.rs
# `model name` alone may not tell this CPU from one the header lists (see CPU_LABEL).
cpu_field() { sed -n "s/^$1[[:space:]]*: //p;T;q" /proc/cpuinfo; }
echo "this CPU: '$(cpu_field 'model name')', family $(cpu_field 'cpu family'), model $(cpu_field model)${CPU_LABEL:+, named '$CPU_LABEL' in the header}"
if [ "$merge" = 1 ]; then
	# Before the build and the benchmarks rather than after them.
	python3 benchmarking/merge_weights.py --check "$weights"
fi

extrinsics="${EXTRINSICS:-*}"
case ",$extrinsics," in
*,host_*)
	for entry in host_call host_context; do
		case ",$extrinsics," in *",$entry,"*) ;; *) extrinsics="$extrinsics,$entry" ;; esac
	done
	;;
esac

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
run="$CARGO_TARGET_DIR/weights-run.rs"
rm -f "$run"

"$node" benchmark pallet \
	--runtime "$runtime" \
	--genesis-builder-preset development \
	--pallet pallet_wasm_contracts \
	--extrinsic "$extrinsics" \
	--steps "${STEPS:-50}" \
	--repeat "${REPEAT:-20}" \
	--output-analysis max \
	--output-pov-analysis max \
	--template benchmarking/weight-template.hbs \
	--output "$run"
if [ -n "${CPU_LABEL:-}" ]; then
	python3 benchmarking/merge_weights.py --relabel "$CPU_LABEL" "$run"
fi
if [ "$merge" = 1 ]; then
	python3 benchmarking/merge_weights.py ${EXTRINSICS:+--partial} ${CHANGED:+--changed "$CHANGED"} \
		${RECOUNT:+--recount "$RECOUNT"} "$weights" "$run"
	echo "this run ($run) merged into $weights"
else
	python3 benchmarking/merge_weights.py --replace "$weights" "$run"
	echo "$weights replaced by this run alone ($run)"
fi
