#!/usr/bin/env bash
# Measures what the runtime charges every block and every extrinsic whatever it calls: polkadot-sdk's
# `benchmark overhead` (an empty block, then a block full of `system.remark` extrinsics) run by
# `frame-omni-bencher`, since the node (polkadot-omni-node-lib) does not offer that sub-command.
# Prints the block's and the extrinsic's execution overhead on this machine and writes them as
# `block_weights.rs` and `extrinsic_weights.rs` into OUT (default: a new temporary directory), to
# compare with the constants the runtime uses (frame-support's `BlockExecutionWeight` and
# `ExtrinsicBaseWeight`, measured on an Intel Xeon at 2.6 GHz). Run it on an idle machine.
#
# Installs frame-omni-bencher 0.28.0 (the polkadot-sdk release of this workspace) into
# $CARGO_TARGET_DIR/omni-bencher on first use; that build takes about an hour on 2 cores.
# Environment: OUT, REPEAT (default 50), NODE_PROFILE (default testnet).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
. scripts/env.sh

bencher_root="$CARGO_TARGET_DIR/omni-bencher"
bencher="$bencher_root/bin/frame-omni-bencher"
if [ ! -x "$bencher" ]; then
	# Its own lock file and target directory: it is not part of this workspace. Its test runtime
	# builds for wasm32 with this project's toolchain (WASM_BUILD_TOOLCHAIN of scripts/env.sh).
	cargo install frame-omni-bencher --version 0.28.0 --locked --root "$bencher_root" \
		--target-dir "$bencher_root/target"
fi

profile="${NODE_PROFILE:-testnet}"
cargo build --locked --profile "$profile" -p wasm-contracts-runtime
runtime="$CARGO_TARGET_DIR/$profile/wbuild/wasm-contracts-runtime/wasm_contracts_runtime.compact.compressed.wasm"
out="${OUT:-$(mktemp -d)}"
mkdir -p "$out"
echo "CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(nproc) processors"
"$bencher" v1 benchmark overhead --runtime "$runtime" --genesis-builder runtime \
	--genesis-builder-preset development --para-id 1000 --weight-path "$out" \
	--warmup 5 --repeat "${REPEAT:-50}" 2>&1 | grep -v '^\s*$'
echo "weights written to $out (block_weights.rs, extrinsic_weights.rs)"
