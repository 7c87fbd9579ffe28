// The contract tool (`cargo-wasm-contracts`, cli/) for the suites that drive it.

import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The tool's binary: `CLI_BIN`, else the debug build in the cargo target directory. */
export function toolBinary() {
  const candidates = [
    process.env.CLI_BIN,
    ...[process.env.CARGO_TARGET_DIR, join(homedir(), '.cache', 'wasm-contracts-target')]
      .filter(Boolean)
      .map((target) => join(target, 'debug', 'cargo-wasm-contracts')),
  ].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`no cargo-wasm-contracts binary (looked at ${candidates.join(', ')}); cargo build -p wasm-contracts-cli`);
  return found;
}
