//! The contract's storage: raw keys and values, and typed items and maps on SCALE.
//!
//! Every key and value written is paid for with a storage deposit by the call's origin and
//! given back to whoever removes it (docs/pallet.md); keep keys short.

use crate::{env, host, scale};
use codec::{Decode, Encode};
use core::{convert::Infallible, marker::PhantomData};

/// The value under `key`, if any (it stays in the contract's memory for the rest of the call).
pub fn get_raw(key: &[u8]) -> Option<&'static [u8]> {
	env::placed(unsafe { host::storage_read(env::ptr(key), env::len(key)) })
}

/// Writes the value under `key` into `buffer` when it fits (nothing when it does not) and returns
/// its length, or `None` when there is none: for values of a known size, read without taking
/// heap memory; [`get_raw`] takes a block of the value's size.
pub fn read_into(key: &[u8], buffer: &mut [u8]) -> Option<usize> {
	let len = unsafe { host::storage_read_into(env::ptr(key), env::len(key), env::ptr(buffer), env::len(buffer)) };
	(len != wasm_contracts_abi::ABSENT).then_some(len as usize)
}

/// Stores `value` under `key`; an empty value removes the key (the chain stores none).
// Inlined: a value of a fixed size is never empty, which leaves a single host call.
#[inline(always)]
pub fn set_raw(key: &[u8], value: &[u8]) {
	if value.is_empty() {
		remove_raw(key);
		return
	}
	unsafe { host::storage_write(env::ptr(key), env::len(key), env::ptr(value), env::len(value)) };
}

/// Stores the SCALE encoding of `value` under `key`.
fn save_encoded<V: Encode>(key: &[u8], value: &V) {
	env::with_encoded(&[], value, |value| set_raw(key, value))
}

/// Removes the value under `key`; whether there was one.
// Inlined, as `env::set_return_bytes` is.
#[inline(always)]
pub fn remove_raw(key: &[u8]) -> bool {
	unsafe { host::storage_delete(env::ptr(key), env::len(key)) == 0 }
}

fn decoded<T: Decode>(bytes: &[u8]) -> T {
	scale::decode(bytes).unwrap_or_else(|_| env::revert("stored value does not decode"))
}

/// The value under `key` decoded as a `T`, if there is one. A `T` of a fixed encoded length
/// (numbers, byte arrays) is read into a stack buffer; other values are placed on the heap
/// ([`get_raw`]).
fn get_decoded<T: Decode>(key: &[u8]) -> Option<T> {
	match T::encoded_fixed_size() {
		Some(size) if size <= scale::STACK_BUFFER => {
			let mut buffer = scale::StackBuffer::new();
			let len = unsafe {
				host::storage_read_into(env::ptr(key), env::len(key), buffer.ptr(), scale::STACK_BUFFER as u32)
			};
			if len == wasm_contracts_abi::ABSENT {
				return None
			}
			// SAFETY: the host wrote the value into the buffer when it fit. A longer one, not
			// written, does not decode as a `T` anyway.
			Some(decoded(unsafe { buffer.written(len as usize) }.unwrap_or_default()))
		}
		_ => get_raw(key).map(decoded),
	}
}

/// One value of type `T` under a fixed key.
pub struct Item<T> {
	key: &'static [u8],
	_value: PhantomData<T>,
}

impl<T: Encode + Decode> Item<T> {
	/// The item under `key`.
	pub const fn new(key: &'static [u8]) -> Self {
		Self { key, _value: PhantomData }
	}

	/// Its value, if one was saved.
	pub fn get(&self) -> Option<T> {
		get_decoded(self.key)
	}

	/// Saves `value`.
	pub fn save(&self, value: &T) {
		save_encoded(self.key, value)
	}

	/// Removes the value; whether there was one.
	pub fn remove(&self) -> bool {
		remove_raw(self.key)
	}
}

impl<T: Encode + Decode + Default> Item<T> {
	/// Its value, or the default when none was saved.
	pub fn load(&self) -> T {
		self.get().unwrap_or_default()
	}
}

/// Values of type `V` by keys of type `K`, stored under `prefix ++ key.encode()`.
pub struct Map<K, V> {
	prefix: &'static [u8],
	_entries: PhantomData<(K, V)>,
}

impl<K: Encode, V: Encode + Decode> Map<K, V> {
	/// The map whose keys start with `prefix`; give each map of a contract its own prefix.
	pub const fn new(prefix: &'static [u8]) -> Self {
		Self { prefix, _entries: PhantomData }
	}

	/// Calls `f` with the storage key of `key`.
	fn with_key<R>(&self, key: &K, f: impl FnOnce(&[u8]) -> R) -> R {
		env::with_encoded(self.prefix, key, f)
	}

	/// The value under `key`, if any.
	pub fn get(&self, key: &K) -> Option<V> {
		self.with_key(key, get_decoded)
	}

	/// Saves `value` under `key`.
	pub fn save(&self, key: &K, value: &V) {
		self.with_key(key, |key| save_encoded(key, value))
	}

	/// Removes the value under `key`; whether there was one.
	pub fn remove(&self, key: &K) -> bool {
		self.with_key(key, remove_raw)
	}
}

impl<K: Encode, V: Encode + Decode + Default + PartialEq> Map<K, V> {
	/// The value under `key`, or the default when there is none.
	pub fn load(&self, key: &K) -> V {
		self.get(key).unwrap_or_default()
	}

	/// Saves `value` under `key`, or removes the key when `value` is the default, which
	/// [`Map::load`] gives back anyway: the deposit of an entry that holds nothing comes back.
	pub fn save_unless_default(&self, key: &K, value: &V) {
		self.with_key(key, |key| save_unless_default(key, value))
	}

	/// Replaces the value under `key` (the default when there is none) with what `f` makes of
	/// it, saved as [`Map::save_unless_default`] saves, and returns it. The key is encoded once
	/// for the read and the write, which makes a read-modify-write smaller and cheaper than
	/// [`Map::load`] and a save.
	pub fn update(&self, key: &K, f: impl FnOnce(V) -> V) -> V {
		match self.try_update(key, |value| Ok::<V, Infallible>(f(value))) {
			Ok(value) => value,
			Err(never) => match never {},
		}
	}

	/// [`Map::update`] with an `f` that may fail: then nothing is written and its error comes
	/// back.
	pub fn try_update<E>(&self, key: &K, f: impl FnOnce(V) -> Result<V, E>) -> Result<V, E> {
		self.with_key(key, |key| {
			let value = f(get_decoded(key).unwrap_or_default())?;
			save_unless_default(key, &value);
			Ok(value)
		})
	}
}

/// Stores `value` under the storage key `key`, or removes the key when `value` is the default.
fn save_unless_default<V: Encode + Default + PartialEq>(key: &[u8], value: &V) {
	if *value == V::default() {
		remove_raw(key);
	} else {
		save_encoded(key, value);
	}
}
