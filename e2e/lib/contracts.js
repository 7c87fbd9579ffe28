// Contract code from the repository: WAT fixtures compiled, gzip, the pallet's error docs. The
// byte layouts and addresses come from the client package.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import wabtInit from 'wabt';

export {
  accountBytes, bytesArg, codeHash, instanceAddress, raw, readLe, saltedAddress, text, u64,
} from '@wasm-contracts/client';

const REPO = new URL('../../', import.meta.url);
const FIXTURES = new URL('pallets/wasm-contracts/fixtures/', REPO);
const PALLET_SOURCE = new URL('pallets/wasm-contracts/src/lib.rs', REPO);

let wabt = null;

/** Compiles WebAssembly text to a binary module. */
export async function watToWasm(source, name = 'inline.wat') {
  wabt ??= await wabtInit();
  const module = wabt.parseWat(name, source);
  try {
    module.validate();
    return new Uint8Array(module.toBinary({}).buffer);
  } finally {
    module.destroy();
  }
}

/** The pallet's WAT fixture `name` (e.g. `counter`) compiled to wasm. */
export async function fixture(name) {
  const file = `${name}.wat`;
  return watToWasm(readFileSync(new URL(file, FIXTURES), 'utf8'), file);
}

/** `bytes` gzip-compressed, as `upload_code` accepts them. */
export function gzip(bytes) {
  return new Uint8Array(gzipSync(bytes));
}

/**
 * The doc comment of the pallet error `name` as written in the pallet's source, whitespace
 * collapsed: what polkadot.js should show a user for that error.
 */
export function errorDocsInSource(name) {
  const source = readFileSync(PALLET_SOURCE, 'utf8');
  const start = source.indexOf('pub enum Error<T>');
  if (start < 0) throw new Error('no `pub enum Error<T>` in the pallet source');
  let docs = [];
  for (const line of source.slice(start).split('\n').slice(1)) {
    const trimmed = line.trim();
    if (trimmed === '}') break;
    if (trimmed.startsWith('///')) {
      docs.push(trimmed.slice(3).trim());
    } else if (trimmed.startsWith(`${name},`) || trimmed === name) {
      return docs.join(' ').replace(/\s+/g, ' ').trim();
    } else if (/^\w+,?$/.test(trimmed)) {
      docs = [];
    }
  }
  throw new Error(`no error ${name} in the pallet source`);
}

/** Collapses whitespace, to compare docs from metadata with docs from source. */
export function normalizeDocs(docs) {
  return docs.replace(/\s+/g, ' ').trim();
}
