#!/usr/bin/env bash
# Installs what the tests need (scripts/setup.sh) and runs every test suite.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
. scripts/env.sh

echo "== unit tests: primitives and pallet"
cargo test --locked -p wasm-contracts-primitives -p pallet-wasm-contracts --features pallet-wasm-contracts/runtime-benchmarks
