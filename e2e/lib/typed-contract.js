// The example contracts contracts/build.sh built, with their metadata, for the client's typed
// calls (`TypedContract`).

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';

export { ContractError, TypedContract } from '@wasm-contracts/client';

const BUILD = new URL('../../contracts/build/', import.meta.url);
const CONTRACTS = new URL('../../contracts/', import.meta.url);

/** When `path`, or anything under it, last changed (0 when it does not exist). */
function newestChange(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((entry) => newestChange(new URL(entry, `${path.href}/`))));
}

/**
 * The module contracts/build.sh built for `name`. Refused, before anything is uploaded, when it
 * or its metadata is missing, or when it is older than the contract's or the SDK's source.
 */
export function contractModule(name) {
  const module = new URL(`${name}.wasm`, BUILD);
  const metadata = new URL(`${name}.metadata.json`, BUILD);
  const rebuild = `build it: CONTRACTS=${name} contracts/build.sh`;
  if (!existsSync(module) || !existsSync(metadata)) {
    throw new Error(`contracts/build has no ${name}.wasm and ${name}.metadata.json; ${rebuild}`);
  }
  const built = Math.min(statSync(module).mtimeMs, statSync(metadata).mtimeMs);
  for (const source of [`examples/${name}/src`, `examples/${name}/Cargo.toml`, 'sdk/src', 'sdk/Cargo.toml']) {
    if (newestChange(new URL(source, CONTRACTS)) > built) {
      throw new Error(`contracts/build/${name}.wasm is older than contracts/${source}; ${rebuild}`);
    }
  }
  return readFileSync(module);
}

/** The metadata contracts/build.sh wrote for `name`. */
export function contractMetadata(name) {
  const path = new URL(`${name}.metadata.json`, BUILD);
  if (!existsSync(path)) {
    throw new Error(`contracts/build has no ${name}.metadata.json; build it: CONTRACTS=${name} contracts/build.sh`);
  }
  return JSON.parse(readFileSync(path, 'utf8'));
}
