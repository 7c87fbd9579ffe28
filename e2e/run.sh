#!/usr/bin/env bash
# Installs the npm packages (the workspaces of the repository's package.json: the client, the
# web page and this suite), builds the web page and runs the suite against a wasm-contracts-node
# dev chain. The suite starts the node itself (NODE_BIN or the cargo target directory), or uses
# WS_URL.
set -euo pipefail
cd "$(dirname "$0")"

(cd .. && npm ci --no-audit --no-fund --loglevel=error && npm run build -w web)

# Arguments replace the default `test/` (paths relative to e2e/, and `node --test` flags).
# One test file at a time: each starts its own node, and two cores are not enough for several.
if [ "$#" -eq 0 ]; then set -- test/; fi
exec node --test --test-concurrency=1 --test-reporter=spec "$@"
