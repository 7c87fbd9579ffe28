// The addresses and hashes the pallet derives, computed ahead of a call.

import { stringToU8a, u8aConcat } from '@polkadot/util';
import { blake2AsU8a, encodeAddress } from '@polkadot/util-crypto';
import { accountBytes, u64 } from './bytes.js';

/** The code hash the chain gives a module: Blake2-256 of the decompressed wasm. */
export function codeHash(wasm) {
  return blake2AsU8a(wasm, 256);
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
