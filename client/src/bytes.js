// The byte layouts of the pallet's arguments and of what contracts store.

import { stringToU8a, u8aToHex, u8aToString } from '@polkadot/util';
import { decodeAddress } from '@polkadot/util-crypto';

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
