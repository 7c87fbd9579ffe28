// Contract code and the byte layouts contracts use.

import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import wabtInit from 'wabt';
import { stringToU8a, u8aConcat, u8aToHex, u8aToString } from '@polkadot/util';
import { blake2AsU8a, decodeAddress, encodeAddress } from '@polkadot/util-crypto';

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

/** The code hash the chain gives a module: Blake2-256 of the decompressed wasm. */
export function codeHash(wasm) {
  return blake2AsU8a(wasm, 256);
}

/**
 * A `Vec<u8>` argument for polkadot.js from bytes or a UTF-8 string. polkadot.js reads a
 * `Uint8Array` given for `Bytes` as already SCALE-encoded (length first); a hex string is taken
 * as the bytes themselves.
 */
export function bytesArg(value) {
  return u8aToHex(typeof value === 'string' ? stringToU8a(value) : value);
}

/** Little-endian u64. */
export function u64(value) {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigUint64(0, BigInt(value), true);
  return bytes;
}

/** Reads a little-endian unsigned integer of any width. */
export function readLe(bytes) {
  let value = 0n;
  for (let i = bytes.length - 1; i >= 0; i -= 1) value = (value << 8n) | BigInt(bytes[i]);
  return value;
}

/** The 32 raw bytes of an account address. */
export function accountBytes(address) {
  return decodeAddress(address.toString());
}

/** A `Bytes` value from the chain as a JS string. */
export function text(bytes) {
  return u8aToString(bytes.toU8a(true));
}

/** Raw bytes of a `Bytes` (or `Vec<u8>`) value from the chain. */
export function raw(bytes) {
  return bytes.toU8a(true);
}

/** Address of the next unsalted contract: `blake2_256("wasm-contracts:instance" ++ code_id ++ counter)`. */
export function instanceAddress(codeId, instanceCounter, ss58Format) {
  const preimage = u8aConcat(stringToU8a('wasm-contracts:instance'), u64(codeId), u64(instanceCounter));
  return encodeAddress(blake2AsU8a(preimage, 256), ss58Format);
}

/** Address of a salted contract: `blake2_256("wasm-contracts:salted" ++ code_hash ++ creator ++ salt)`. */
export function saltedAddress(hash, creator, salt, ss58Format) {
  const preimage = u8aConcat(stringToU8a('wasm-contracts:salted'), hash, accountBytes(creator), salt);
  return encodeAddress(blake2AsU8a(preimage, 256), ss58Format);
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
