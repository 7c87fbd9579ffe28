#!/usr/bin/env bash
# Builds every example contract for wasm32 with the `contract` profile (size-tuned, LTO,
# `panic = "abort"`, stripped) into contracts/build/<name>.wasm, writes the metadata of those
# with typed clients next to them (<name>.metadata.json), prints the sizes, and checks that the
# build is reproducible: a second build in another target directory gives the same bytes.
#
# Environment: CONTRACTS (default: every crate in contracts/examples) names the packages to
# build; LOCKED=1 (the test command's) refuses to change Cargo.lock, which a new contract crate
# otherwise joins on its first build.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh >/dev/null
. scripts/env.sh

contracts="${CONTRACTS:-$(ls contracts/examples)}"
locked=()
if [ "${LOCKED:-}" = 1 ]; then locked=(--locked); fi
out="$root/contracts/build"
mkdir -p "$out"

# Code generation: the wasm features the chain accepts and no others (the target's default
# also turns on multi-value, which the chain refuses); a 32 KiB stack, so that the initial
# memory stays at a page or two (the linker's default of 1 MiB would pass the chain's
# `max_memory_pages`); no source locations in panics (the panic handler reverts with the
# message alone, so they would be dead bytes); and paths remapped, so that where the source sits
# does not reach the module.
export RUSTFLAGS="-C target-cpu=mvp -C target-feature=+mutable-globals,+sign-ext,+bulk-memory \
-C link-arg=-zstack-size=32768 -Z location-detail=none --remap-path-prefix=$root=/wasm-contracts --remap-path-prefix=$HOME=/home"

# The toolchain of scripts/setup.sh: Debian's rustc, whose library sources `build-std` compiles
# for wasm32.
export RUSTC="$WASM_BUILD_TOOLCHAIN/bin/rustc"

build() {
	local target_dir="$1"
	local packages=()
	for contract in $contracts; do packages+=(-p "$contract"); done
	CARGO_TARGET_DIR="$target_dir" "$WASM_BUILD_TOOLCHAIN/bin/cargo" build "${locked[@]}" -q --profile contract \
		--target wasm32-unknown-unknown -Z build-std-features=optimize_for_size "${packages[@]}"
}

# Binaryen's size optimisations, for the features the chain accepts.
optimise() {
	wasm-opt -Oz --enable-mutable-globals --enable-sign-ext --enable-bulk-memory "$1" -o "$2"
}

build "$CARGO_TARGET_DIR/contracts"
for contract in $contracts; do
	optimise "$CARGO_TARGET_DIR/contracts/wasm32-unknown-unknown/contract/$contract.wasm" "$out/$contract.wasm"
done

if [ "${SKIP_REPRODUCIBILITY_CHECK:-}" != 1 ]; then
	build "$CARGO_TARGET_DIR/contracts-again"
	for contract in $contracts; do
		optimise "$CARGO_TARGET_DIR/contracts-again/wasm32-unknown-unknown/contract/$contract.wasm" "$CARGO_TARGET_DIR/contracts-again/$contract.wasm"
		if ! cmp -s "$out/$contract.wasm" "$CARGO_TARGET_DIR/contracts-again/$contract.wasm"; then
			echo "contracts: $contract.wasm differs between two builds of the same source" >&2
			exit 1
		fi
	done
fi

# Each example's metadata (entry points and their types) next to its module, from a native build
# with the toolchain and flags of the workspace.
env -u RUSTFLAGS -u RUSTC cargo run "${locked[@]}" -q -p wasm-contracts-metadata

printf '%-12s %8s  %s\n' contract bytes sha256
for contract in $contracts; do
	printf '%-12s %8s  %s\n' "$contract" "$(stat -c %s "$out/$contract.wasm")" "$(sha256sum "$out/$contract.wasm" | cut -c1-16)"
done
