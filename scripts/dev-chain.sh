#!/usr/bin/env bash
# Builds everything and starts the development chain in the foreground (Ctrl-C stops it).
# Extra arguments go to the node, e.g. `scripts/dev-chain.sh --instant-seal`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/.." && pwd)"

"$here/setup.sh"
. "$here/env.sh"

# `testnet` is the node's build profile for the dev chain and the tests (see Cargo.toml).
# NODE_BIN: a node built already (the test command's), run as it is.
profile="${NODE_PROFILE:-testnet}"
if [ -n "${NODE_BIN:-}" ]; then
	node="$NODE_BIN"
else
	(cd "$root" && cargo build --profile "$profile" -p wasm-contracts-node)
	node="$CARGO_TARGET_DIR/$profile/wasm-contracts-node"
fi

# The web page (docs/web.md), when this machine's Node.js can build it (Vite 8: 20.19 or newer):
# built from web/ and served on localhost next to the chain, which it connects to by default.
web_line="Web page:          not built (needs Node.js 20.19 or newer with npm; docs/web.md)"
node_version="$(node --version 2>/dev/null | sed 's/^v//' || true)"
if command -v npm >/dev/null && [ "$(printf '%s\n' 20.19.0 "${node_version:-0}" | sort -V | head -n1)" = 20.19.0 ]; then
	# npm ci only when the lockfile changed since the last install.
	if [ ! "$root/node_modules/.package-lock.json" -nt "$root/package-lock.json" ]; then
		(cd "$root" && npm ci --no-audit --no-fund --loglevel=error)
	fi
	(cd "$root" && npm run build -w web --silent)
	web_port="${WEB_PORT:-5173}"
	(cd "$root/web" && exec "$root/node_modules/.bin/vite" preview --host 127.0.0.1 --port "$web_port" --strictPort >/dev/null 2>&1) &
	web_pid=$!
	trap 'kill "$web_pid" 2>/dev/null || true' EXIT
	web_line="Web page:          http://127.0.0.1:$web_port/ (docs/web.md)"
fi

cat <<MSG

Development chain: RPC at ws://127.0.0.1:9944
$web_line
polkadot.js apps:  https://polkadot.js.org/apps/?rpc=ws%3A%2F%2F127.0.0.1%3A9944
Runtime wasm:      $CARGO_TARGET_DIR/$profile/wbuild/wasm-contracts-runtime/wasm_contracts_runtime.compact.compressed.wasm
Funded accounts:   Alice, Bob, Charlie, Dave, Eve, Ferdie (sudo: Alice). State is discarded on exit.

MSG
# --tmp: a fresh chain on each start. The RPC binds to 127.0.0.1 (the --dev default);
# polkadot.js apps in a browser on this machine may connect to it. The single-state pool: the
# fork-aware one loses transactions of a flood without telling their senders (docs/runtime.md,
# "What the pool keeps").
# Not exec: the page's server stops with the chain.
"$node" --dev --tmp --rpc-port 9944 --rpc-cors all --pool-type single-state "$@"
