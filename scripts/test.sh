#!/usr/bin/env bash
# Installs what the tests need (scripts/setup.sh, the e2e suite's npm packages) and runs every
# test: the Rust contract examples' build (contracts/build.sh), the unit tests of the primitives,
# the pallet (with its benchmarks run as tests), the performance harness, the weight merging tool
# (benchmarking/merge_weights.py), the contract SDK and sandbox and the examples (on the
# sandbox), the harness's check that nothing is undercharged and its table of the same
# workloads on pallet-revive and pallet-contracts, a seeded fuzzing run, the
# runtime's tests, the runtime's wasm build and the node (profile `testnet`), the
# end-to-end suite with polkadot.js against a dev node it starts, and the network tests: a
# local relay chain and a collator under zombienet, with the runtime upgrade that adds the
# pallet (zombienet/README.md).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
bash scripts/setup.sh --browser
. scripts/env.sh

# Some crates hold their checkout's path (`env!("CARGO_MANIFEST_DIR")`: the sandbox, the contract
# tool, test fixtures), and cargo does not rebuild them when another checkout of the same sources
# built them last into this shared target directory with newer files. When the checkout changed,
# its files are made newer than every build, as a fresh clone's are.
last_checkout="$CARGO_TARGET_DIR/.last-checkout"
if [ "$(cat "$last_checkout" 2>/dev/null)" != "$root" ] && git -C "$root" rev-parse --git-dir >/dev/null 2>&1; then
	git -C "$root" ls-files -z | (cd "$root" && xargs -0 touch --no-create)
	mkdir -p "$CARGO_TARGET_DIR"
	printf '%s\n' "$root" > "$last_checkout"
fi

# The e2e suite, zombienet and the web page (Vite 8) run on the machine's Node.js, 20.19 or newer (`import.meta.resolve`;
# Debian 12's own is 18).
node_version="$(node --version 2>/dev/null | sed 's/^v//' || true)"
oldest="$(printf '%s\n' 20.19.0 "${node_version:-0}" | sort -V | head -n1)"
if [ "$oldest" != 20.19.0 ] || ! command -v npm >/dev/null; then
	echo "test: the e2e and network tests and the web page need Node.js 20.19 or newer with npm (found: ${node_version:-none}); install it from nodejs.org or NodeSource" >&2
	exit 1
fi

echo "== contracts: the Rust examples built for wasm32, twice, to check the build is reproducible"
LOCKED=1 bash contracts/build.sh

echo "== unit tests: primitives, pallet (and the pallet's benchmarks), performance harness, weight merging, SDK, sandbox, examples"
cargo test --locked -p wasm-contracts-primitives -p pallet-wasm-contracts -p wasm-contracts-benchmarks \
	-p wasm-contracts-sdk -p wasm-contracts-sandbox -p counter -p token -p factory -p payment -p payroll \
	-p wasm-contracts-cli --features pallet-wasm-contracts/runtime-benchmarks,wasm-contracts-sdk/metadata
python3 -m unittest benchmarking/test_merge_weights.py

echo "== docs: the ABI's, the primitives', the pallet's and the SDK's, with broken intra-doc links refused"
RUSTDOCFLAGS="-D rustdoc::broken_intra_doc_links -D rustdoc::private_intra_doc_links" cargo doc --locked -q --no-deps \
	-p wasm-contracts-abi -p wasm-contracts-primitives -p pallet-wasm-contracts -p wasm-contracts-sdk
# The pallet's private modules too (host functions, call stack, prices), whose links rustdoc checks only when it documents them.
RUSTDOCFLAGS="-D rustdoc::broken_intra_doc_links" cargo doc --locked -q --no-deps --document-private-items -p pallet-wasm-contracts

echo "== performance harness: every workload and upload shape charged at least what it measures"
RUNS=5 cargo run --locked --release -q -p wasm-contracts-benchmarks --bin perf -- --check
RUNS=5 cargo run --locked --release -q -p wasm-contracts-benchmarks --bin perf -- translation

echo "== the peers: the same contract workloads on pallet-revive and pallet-contracts, side by side"
RUNS=10 cargo run --locked --release -q -p wasm-contracts-benchmarks --features peers --bin perf -- peers --instructions

echo "== fuzzing: a seeded smoke run (fuzz/README.md has the long runs)"
# Its modules are kept: the end-to-end flood test sends them to a node.
corpus="$CARGO_TARGET_DIR/fuzz-corpus"
rm -rf "$corpus"
FUZZ_CORPUS="$corpus" cargo run --locked --release -q -p wasm-contracts-fuzz -- 3000 1

echo "== contract tool: installed as docs/cli.md says; a new contract crate outside the workspace, built by the tool and tested in the sandbox"
# Installed into the target directory rather than ~/.cargo/bin, so the machine's own stays as it is;
# `--debug` reuses the build of the unit tests above.
cargo install --locked --debug --path cli --root "$CARGO_TARGET_DIR/tool" --force
tool="$CARGO_TARGET_DIR/tool/bin/cargo-wasm-contracts"
outside="$(mktemp -d)"
"$tool" new my-counter --path "$outside/my-counter"
(cd "$outside/my-counter" && "$tool" build && cargo test --offline -q)
rm -rf "$outside"

echo "== runtime tests, runtime wasm, node and the network's relay node and runtime (profile testnet)"
# Testing the runtime together with the node gives its dependencies the node's features, so the
# test build shares them with the node build instead of compiling them a second time. The relay
# parts are built in the same invocation as the node so that their shared crates are built once.
cargo test --locked --profile testnet -p wasm-contracts-runtime -p wasm-contracts-node
cargo build --locked --profile testnet -p wasm-contracts-node -p wasm-contracts-relay-node -p wasm-contracts-relay-runtime
wasm="$CARGO_TARGET_DIR/testnet/wbuild/wasm-contracts-runtime/wasm_contracts_runtime.compact.compressed.wasm"
if [ ! -s "$wasm" ]; then
	echo "the runtime's wasm is missing: $wasm" >&2
	exit 1
fi
echo "runtime wasm: $wasm ($(stat -c %s "$wasm") bytes)"

echo "== try-upgrade: the try-runtime check of the upgrade that the network tests run"
# Native, with the runtime's try-runtime feature: a cargo call and profile of its own, so that
# the feature never reaches the node's runtime.
SKIP_WASM_BUILD=1 cargo build --locked -p wasm-contracts-try-upgrade

echo "== end to end: polkadot.js against a dev node"
NODE_BIN="$CARGO_TARGET_DIR/testnet/wasm-contracts-node" CLI_BIN="$tool" FUZZ_CORPUS="$corpus" bash e2e/run.sh

echo "== network: relay chain and collator under zombienet"
CLI_BIN="$tool" bash zombienet/run.sh
