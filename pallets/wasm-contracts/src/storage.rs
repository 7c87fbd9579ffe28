//! Contract storage: one child trie per contract, addressed by its [`TrieId`].
//!
//! A contract's key `k` is stored under `blake2_128(k) ++ k`. The hash spreads keys evenly over
//! the trie, so a path stays about log16 of the trie's size deep whatever keys a contract picks
//! (keys sharing long prefixes would otherwise build paths hundreds of nodes deep, each in the
//! proof of a read); the key follows its hash, so stored keys stay readable. Writes go through the
//! storage overlay, so they are undone together with the storage transaction of the call that
//! made them.

use alloc::vec::Vec;
use frame_support::storage::child::{self, ChildInfo};
use sp_io::hashing::blake2_128;
use wasm_contracts_primitives::TrieId;

/// Prefix of the child tries of this layout (storage version 4 on): hashed keys.
pub(crate) const TRIE_PREFIX: &[u8] = b"wasm-contracts:v4:";

/// Prefix of the child tries of storage versions up to 3, whose keys were stored as given;
/// `migrations::v4` moves their contents into tries of [`TRIE_PREFIX`].
pub(crate) const UNHASHED_TRIE_PREFIX: &[u8] = b"wasm-contracts:";

/// The child trie `prefix ++ trie_id`.
pub(crate) fn child_info(prefix: &[u8], trie_id: &TrieId) -> ChildInfo {
	let mut unique = Vec::with_capacity(prefix.len() + trie_id.len());
	unique.extend_from_slice(prefix);
	unique.extend_from_slice(trie_id);
	ChildInfo::new_default(&unique)
}

/// The first key of `info`'s trie after `after`.
pub(crate) fn next_key(info: &ChildInfo, after: &[u8]) -> Option<Vec<u8>> {
	sp_io::default_child_storage::next_key(info.storage_key(), after)
}

/// The hash that leads a contract's `key` in its trie.
pub type KeyHash = [u8; 16];

/// The hash of `key` in its trie: `blake2_128(key)`.
pub(crate) fn key_hash(key: &[u8]) -> KeyHash {
	blake2_128(key)
}

/// Where a contract's `key` is stored in its trie: `blake2_128(key) ++ key`.
pub(crate) fn hashed_key(key: &[u8]) -> Vec<u8> {
	let mut hashed = Vec::with_capacity(16 + key.len());
	hashed.extend_from_slice(&key_hash(key));
	hashed.extend_from_slice(key);
	hashed
}

/// The child trie of one contract (or one account's persistent variables).
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct ContractTrie {
	info: ChildInfo,
}

impl ContractTrie {
	/// The trie with id `trie_id`.
	pub fn new(trie_id: &TrieId) -> Self {
		Self { info: child_info(TRIE_PREFIX, trie_id) }
	}

	/// The value under `key`, if any.
	pub fn read(&self, key: &[u8]) -> Option<Vec<u8>> {
		self.read_at(&hashed_key(key))
	}

	/// The value stored under `trie_key` (the key's hash, then the key, as `hashed_key` makes
	/// it), if any.
	pub fn read_at(&self, trie_key: &[u8]) -> Option<Vec<u8>> {
		child::get_raw(&self.info, trie_key)
	}

	/// Whether a value is stored under `key`.
	pub fn contains(&self, key: &[u8]) -> bool {
		child::exists(&self.info, &hashed_key(key))
	}

	/// Stores `value` under `key`; returns the length of the value it replaced, if any.
	pub fn write(&self, key: &[u8], value: &[u8]) -> Option<u32> {
		self.write_at(&hashed_key(key), value)
	}

	/// Stores `value` under `trie_key` (the key's hash, then the key, as `hashed_key` makes
	/// it); returns the length of the value it replaced, if any.
	pub fn write_at(&self, trie_key: &[u8], value: &[u8]) -> Option<u32> {
		let previous = child::len(&self.info, trie_key);
		child::put_raw(&self.info, trie_key, value);
		previous
	}

	/// Removes the value under `key`; returns its length, or `None` when there was none.
	pub fn remove(&self, key: &[u8]) -> Option<u32> {
		self.remove_at(&hashed_key(key))
	}

	/// Removes the value under `trie_key` (the key's hash, then the key, as `hashed_key` makes
	/// it); returns its length, or `None` when there was none.
	pub fn remove_at(&self, trie_key: &[u8]) -> Option<u32> {
		let previous = child::len(&self.info, trie_key);
		if previous.is_some() {
			child::kill(&self.info, trie_key);
		}
		previous
	}
}
