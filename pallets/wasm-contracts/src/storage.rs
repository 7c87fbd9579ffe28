//! Contract storage: one child trie per contract, addressed by its [`TrieId`].
//!
//! Keys are stored as the contract gives them (no hashing), so that a trie can be read key by
//! key by clients. Writes go through the storage overlay, so they are undone together with the
//! storage transaction of the call that made them.

use alloc::vec::Vec;
use frame_support::storage::child::{self, ChildInfo};
use wasm_contracts_primitives::TrieId;

const TRIE_PREFIX: &[u8] = b"wasm-contracts:";

/// The child trie of one contract (or one account's persistent variables).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ContractTrie {
	info: ChildInfo,
}

impl ContractTrie {
	/// The trie with id `trie_id`.
	pub fn new(trie_id: &TrieId) -> Self {
		let mut unique = Vec::with_capacity(TRIE_PREFIX.len() + trie_id.len());
		unique.extend_from_slice(TRIE_PREFIX);
		unique.extend_from_slice(trie_id);
		Self { info: ChildInfo::new_default(&unique) }
	}

	/// The value under `key`, if any.
	pub fn read(&self, key: &[u8]) -> Option<Vec<u8>> {
		child::get_raw(&self.info, key)
	}

	/// Whether a value is stored under `key`.
	pub fn contains(&self, key: &[u8]) -> bool {
		child::exists(&self.info, key)
	}

	/// Stores `value` under `key`.
	pub fn write(&self, key: &[u8], value: &[u8]) {
		child::put_raw(&self.info, key, value)
	}

	/// Removes the value under `key`.
	pub fn remove(&self, key: &[u8]) {
		child::kill(&self.info, key)
	}
}
