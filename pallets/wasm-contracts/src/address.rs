//! Contract addresses and child trie ids.
//!
//! Every derivation hashes a domain tag with its inputs, so that addresses of different schemes
//! never collide and no address can be chosen to equal a trie id.

use crate::Config;
use codec::Encode;
use sp_io::hashing::blake2_256;
use wasm_contracts_primitives::{CodeHash, CodeId, TrieId};

fn hash_parts(parts: &[&[u8]]) -> [u8; 32] {
	let mut buffer = alloc::vec::Vec::with_capacity(parts.iter().map(|part| part.len()).sum());
	for part in parts {
		buffer.extend_from_slice(part);
	}
	blake2_256(&buffer)
}

/// Address of the contract that is the `instance_id`-th instantiation on the chain, from
/// `code_id`. The n-th contract of a chain gets the same address on every chain.
pub fn instance_address<T: Config>(code_id: CodeId, instance_id: u64) -> T::AccountId {
	hash_parts(&[b"wasm-contracts:instance", &code_id.to_le_bytes(), &instance_id.to_le_bytes()]).into()
}

/// Address of a contract instantiated by `creator` from code `code_hash` with `salt`: known
/// before the instantiation, and the same on every chain.
pub fn salted_address<T: Config>(code_hash: &CodeHash, creator: &T::AccountId, salt: &[u8]) -> T::AccountId {
	hash_parts(&[b"wasm-contracts:salted", code_hash, creator.as_ref(), salt]).into()
}

/// Address of the `counter`-th contract created by a deploy of `account` at `nonce`.
pub fn deploy_address<T: Config>(account: &T::AccountId, nonce: u64, counter: u32) -> T::AccountId {
	hash_parts(&[b"wasm-contracts:deploy", account.as_ref(), &nonce.to_le_bytes(), &counter.to_le_bytes()])
		.into()
}

/// Id of the child trie of `owner` (a contract, or an account's persistent variables), made
/// unique by the pallet's trie `nonce`.
pub fn trie_id(owner: &impl Encode, nonce: u64) -> TrieId {
	hash_parts(&[b"wasm-contracts:trie", &owner.encode(), &nonce.to_le_bytes()])
}
