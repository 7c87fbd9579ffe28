#!/usr/bin/env bash
# Installs the suite's npm dependencies and runs it against a wasm-contracts-node dev chain.
# The suite starts the node itself (NODE_BIN or the cargo target directory), or uses WS_URL.
set -euo pipefail
cd "$(dirname "$0")"

if [ -f package-lock.json ]; then
  npm ci --no-audit --no-fund
else
  npm install --no-audit --no-fund
fi

# Arguments replace the default `test/` (paths relative to e2e/, and `node --test` flags).
# One test file at a time: each starts its own node, and two cores are not enough for several.
if [ "$#" -eq 0 ]; then set -- test/; fi
exec node --test --test-concurrency=1 --test-reporter=spec "$@"
