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

/// Where a contract's key is stored in its trie: `blake2_128(key) ++ key`.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct TrieKey(Vec<u8>);

impl TrieKey {
	const HASH_LEN: usize = core::mem::size_of::<KeyHash>();

	/// Where `key` is stored.
	pub fn new(key: &[u8]) -> Self {
		let mut trie_key = Self::awaiting_hash(key);
		trie_key.set_hash(key_hash(key));
		trie_key
	}

	/// `key` after room for its hash, for a caller that knows the hash only once it has the key
	/// (the call tree's record of a hot key); [`Self::set_hash`] fills the room. One buffer holds
	/// both.
	pub(crate) fn awaiting_hash(key: &[u8]) -> Self {
		let mut trie_key = Vec::with_capacity(Self::HASH_LEN.saturating_add(key.len()));
		trie_key.resize(Self::HASH_LEN, 0);
		trie_key.extend_from_slice(key);
		Self(trie_key)
	}

	/// Puts `hash`, which must be `key_hash(self.key())`, before the key.
	pub(crate) fn set_hash(&mut self, hash: KeyHash) {
		if let Some(room) = self.0.get_mut(..Self::HASH_LEN) {
			room.copy_from_slice(&hash);
		}
	}

	/// The key as the contract gave it.
	pub fn key(&self) -> &[u8] {
		self.0.get(Self::HASH_LEN..).unwrap_or_default()
	}

	/// The key's hash.
	pub fn hash(&self) -> KeyHash {
		let mut hash = KeyHash::default();
		if let Some(bytes) = self.0.get(..Self::HASH_LEN) {
			hash.copy_from_slice(bytes);
		}
		hash
	}

	/// The bytes the trie is addressed by.
	fn as_bytes(&self) -> &[u8] {
		&self.0
	}
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
		self.read_at(&TrieKey::new(key))
	}

	/// The value stored under `trie_key`, if any.
	pub fn read_at(&self, trie_key: &TrieKey) -> Option<Vec<u8>> {
		child::get_raw(&self.info, trie_key.as_bytes())
	}

	/// Whether a value is stored under `key`.
	pub fn contains(&self, key: &[u8]) -> bool {
		child::exists(&self.info, TrieKey::new(key).as_bytes())
	}

	/// Stores `value` under `key`; returns the length of the value it replaced, if any.
	pub fn write(&self, key: &[u8], value: &[u8]) -> Option<u32> {
		self.write_at(&TrieKey::new(key), value)
	}

	/// Stores `value` under `trie_key`; returns the length of the value it replaced, if any.
	pub fn write_at(&self, trie_key: &TrieKey, value: &[u8]) -> Option<u32> {
		let previous = child::len(&self.info, trie_key.as_bytes());
		child::put_raw(&self.info, trie_key.as_bytes(), value);
		previous
	}

	/// Removes the value under `key`; returns its length, or `None` when there was none.
	pub fn remove(&self, key: &[u8]) -> Option<u32> {
		self.remove_at(&TrieKey::new(key))
	}

	/// Removes the value under `trie_key`; returns its length, or `None` when there was none.
	pub fn remove_at(&self, trie_key: &TrieKey) -> Option<u32> {
		let previous = child::len(&self.info, trie_key.as_bytes());
		if previous.is_some() {
			child::kill(&self.info, trie_key.as_bytes());
		}
		previous
	}
}
