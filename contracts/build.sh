#!/usr/bin/env bash
# Builds every example contract with the contract tool (`cargo wasm-contracts build`: wasm32,
# size-tuned, LTO, `panic = "abort"`, stripped, `wasm-opt -Oz`) into contracts/build/<name>.wasm
# with its metadata next to it (<name>.metadata.json), prints the sizes, and checks that the
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

cargo build "${locked[@]}" -q -p wasm-contracts-cli
tool="$CARGO_TARGET_DIR/debug/cargo-wasm-contracts"

for contract in $contracts; do
	"$tool" build "${locked[@]}" --manifest-path "contracts/examples/$contract" --output-dir "$out" \
		--target-dir "$CARGO_TARGET_DIR/contracts" >/dev/null
done

if [ "${SKIP_REPRODUCIBILITY_CHECK:-}" != 1 ]; then
	again="$CARGO_TARGET_DIR/contracts-again"
	for contract in $contracts; do
		"$tool" build "${locked[@]}" --manifest-path "contracts/examples/$contract" --output-dir "$again/out" \
			--target-dir "$again" >/dev/null
		if ! cmp -s "$out/$contract.wasm" "$again/out/$contract.wasm"; then
			echo "contracts: $contract.wasm differs between two builds of the same source" >&2
			exit 1
		fi
	done
fi

printf '%-12s %8s  %s\n' contract bytes sha256
for contract in $contracts; do
	printf '%-12s %8s  %s\n' "$contract" "$(stat -c %s "$out/$contract.wasm")" "$(sha256sum "$out/$contract.wasm" | cut -c1-16)"
done
