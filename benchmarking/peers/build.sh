#!/usr/bin/env bash
# Rebuilds the peer-pallet benchmark contracts from their sources:
#   Token.sol           -> Token.evm (EVM init code), Token.polkavm (PolkaVM blob),
#                          Token.abi.json, Token.selectors.txt
#   token_contracts.wat -> token_contracts.wasm
# Tools (pinned in package.json / package-lock.json): @parity/resolc 0.3.0,
# solc 0.8.30 (solc-js), wabt 1.0.39; installed into ./node_modules by `npm ci`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
npm ci --no-audit --no-fund --ignore-scripts --loglevel=error
node compile.js
