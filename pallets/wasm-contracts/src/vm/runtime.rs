//! Implementations of the host functions declared in [`super::host`].
//!
//! Every function is entered through [`HostCtx::enter`], which traps when it is called from
//! inside the contract's `allocate`. Each checks its limits, then charges its weight (through
//! `HostCtx::charge`, which first converts the fuel burnt so far into gas), and only then acts.
//! Misuse traps with a pallet error recorded in the frame; expected failures return a
//! [`ReturnCode`].

use super::{
	instance::{Allocation, ContractInstance, HostState},
	AccountIdOf, Ext,
};
use crate::{
	costs::{Cost, Hot},
	deposit::StorageChange,
	error::ExecError,
	gas::GasMeter,
	storage::{self, TrieKey},
	BalanceOf, Config, Error,
};
use alloc::{string::String, vec::Vec};
use frame_support::weights::Weight;
use sp_core::{ecdsa, ed25519};
use sp_runtime::{
	traits::{SaturatedConversion, Zero},
	DispatchError,
};
use wasm_contracts_primitives::{
	abi::{ReturnCode, ABSENT, ADDRESS_LEN, BALANCE_LEN},
	limits,
};
use core::marker::PhantomData;

/// What a host function works with: the running instance ([`ContractInstance`]: wasmi's caller
/// on the chain), which holds the frame's [`HostState`].
pub struct HostCtx<E: Ext, I: ContractInstance<E>> {
	instance: I,
	ext: PhantomData<E>,
}

type HostResult<R> = Result<R, wasmi::Error>;

/// What `call_contract` and `query_contract` name: the callee, its entry point and the input.
type CallTarget<T> = (AccountIdOf<T>, String, Vec<u8>);

/// A storage key a host function touches, and whether the call tree touched it already.
struct StorageKey {
	trie_key: TrieKey,
	is_hot: Hot,
}

/// Copies `bytes` into `memory` at `ptr`; `None` when they do not fit there.
fn copy_to(memory: &mut [u8], ptr: u32, bytes: &[u8]) -> Option<()> {
	let start = ptr as usize;
	let target = memory.get_mut(start..start.checked_add(bytes.len())?)?;
	target.copy_from_slice(bytes);
	Some(())
}

fn code(code: ReturnCode) -> HostResult<u32> {
	Ok(code.into())
}

impl<E: Ext, I: ContractInstance<E>> HostCtx<E, I> {
	/// Starts a host call; traps when the contract is inside its `allocate` export.
	pub fn enter(instance: I) -> HostResult<Self> {
		let mut ctx = Self { instance, ext: PhantomData };
		if ctx.state().in_allocate {
			return Err(ctx.trap(Error::<E::T>::HostCallInAllocate))
		}
		Ok(ctx)
	}

	fn state(&self) -> &HostState<E> {
		self.instance.state()
	}

	fn state_mut(&mut self) -> &mut HostState<E> {
		self.instance.state_mut()
	}

	fn ext(&self) -> &E {
		&self.state().ext
	}

	/// Records why the call stops and returns the error that unwinds the contract.
	fn trap(&mut self, error: impl Into<ExecError>) -> wasmi::Error {
		self.state_mut().trap = Some(error.into());
		wasmi::Error::new("contract stopped by the host")
	}

	/// Converts the fuel burnt since the last grant into gas (nothing to convert when the
	/// engine does not meter fuel).
	fn sync_fuel(&mut self) {
		if let Some(fuel_left) = self.instance.fuel() {
			self.state_mut().gas.absorb_fuel(fuel_left);
		}
	}

	/// Gives the contract as much fuel as its remaining gas buys.
	fn refuel(&mut self) {
		let fuel = self.state_mut().gas.grant_fuel();
		self.instance.set_fuel(fuel);
	}

	/// Charges `cost` ([`crate::costs`]), trapping with `OutOfGas` when the call cannot pay it.
	fn charge(&mut self, cost: Cost) -> HostResult<()> {
		self.charge_weight(cost.weight::<E::T>())
	}

	/// Charges `weight`, trapping with `OutOfGas` when the call cannot pay it.
	fn charge_weight(&mut self, weight: Weight) -> HostResult<()> {
		self.sync_fuel();
		if self.state_mut().gas.charge(weight).is_err() {
			return Err(self.trap(Error::<E::T>::OutOfGas))
		}
		self.refuel();
		Ok(())
	}

	/// Gives back `weight` of an earlier charge that covered more than was used.
	fn refund(&mut self, weight: Weight) {
		self.sync_fuel();
		self.state_mut().gas.refund(weight);
		self.refuel();
	}

	/// Reserves the weight of the largest stored value a storage host function may touch
	/// ([`Cost::StoredValue`] of the frame's longest value, at most `max_storage_value_len`)
	/// before it touches it; returns what was reserved, for [`Self::settle_stored_value`].
	fn reserve_stored_value(&mut self, hot: Hot) -> HostResult<Weight> {
		let max_len = self.ext().params().max_storage_value_len;
		let len = self.ext().longest_value().map_or(max_len, |longest| longest.min(max_len));
		let reserved = Cost::StoredValue { len, hot }.weight::<E::T>();
		self.charge_weight(reserved)?;
		Ok(reserved)
	}

	/// Settles a reservation with the weight of the value that was touched (`len` bytes, 0 when
	/// there was none): gives back what it did not use, or charges the rest of a value stored
	/// before `max_storage_value_len` was lowered.
	fn settle_stored_value(&mut self, reserved: Weight, len: Option<u32>, hot: Hot) -> HostResult<()> {
		let used = Cost::StoredValue { len: len.unwrap_or(0), hot }.weight::<E::T>();
		self.refund(reserved.saturating_sub(used));
		self.charge_weight(used.saturating_sub(reserved))
	}

	/// Reads the storage key at `key_ptr` and charges for touching it: `cost(true)`, the hot
	/// price, first, then, when the call tree has not touched the key yet, the rest of
	/// `cost(false)`. The key's bytes are bounded by `max_storage_key_len`, which the caller
	/// checked. A hot key's hash comes from the call tree's record of it.
	fn storage_key(&mut self, key_ptr: u32, key_len: u32, cost: impl Fn(Hot) -> Cost) -> HostResult<StorageKey> {
		let hot = cost(true).weight::<E::T>();
		self.charge_weight(hot)?;
		let trie_key = self.with_bytes(key_ptr, key_len, TrieKey::awaiting_hash)?;
		let mut key = StorageKey { trie_key, is_hot: false };
		let hash = match self.ext().hot_key_hash(key.trie_key.key()) {
			Some(hash) => {
				key.is_hot = true;
				hash
			},
			None => {
				self.charge_weight(cost(false).weight::<E::T>().saturating_sub(hot))?;
				storage::key_hash(key.trie_key.key())
			},
		};
		key.trie_key.set_hash(hash);
		Ok(key)
	}

	/// Records that the call tree touched `key`, after the host function touched it.
	fn touched(&mut self, key: StorageKey) {
		if !key.is_hot {
			self.state_mut().ext.mark_hot(key.trie_key.key().to_vec(), key.trie_key.hash());
		}
	}

	/// Traps when `len` is above `max`, with `error`.
	fn ensure_len(&mut self, len: u32, max: u32, error: Error<E::T>) -> HostResult<()> {
		if len > max {
			return Err(self.trap(error))
		}
		Ok(())
	}

	/// Traps when the call is read-only (a query). Runs before the body of every host function
	/// the ABI marks `mutating` ([`super::host::func`]).
	pub(super) fn ensure_mutable(&mut self) -> HostResult<()> {
		if self.ext().read_only() {
			return Err(self.trap(Error::<E::T>::StateChangeInReadOnlyCall))
		}
		Ok(())
	}

	/// Traps with `NoMemoryExport` when the contract exports no memory.
	fn ensure_memory(&mut self) -> HostResult<()> {
		if self.instance.memory().is_none() {
			return Err(self.trap(Error::<E::T>::NoMemoryExport))
		}
		Ok(())
	}

	/// What a memory access returned, or its trap: `NoMemoryExport` when the contract exports no
	/// memory (`None`), `MemoryAccessOutOfBounds` when the range is outside it (`Some(None)`).
	fn accessed<R>(&mut self, access: Option<Option<R>>) -> HostResult<R> {
		match access {
			Some(Some(result)) => Ok(result),
			Some(None) => Err(self.trap(Error::<E::T>::MemoryAccessOutOfBounds)),
			None => Err(self.trap(Error::<E::T>::NoMemoryExport)),
		}
	}

	/// Runs `with` on the `len` bytes at `ptr` of contract memory, without copying them.
	fn with_bytes<R>(&mut self, ptr: u32, len: u32, with: impl FnOnce(&[u8]) -> R) -> HostResult<R> {
		let start = ptr as usize;
		let access = self.instance.memory().map(|memory| start.checked_add(len as usize).and_then(|end| memory.get(start..end)).map(with));
		self.accessed(access)
	}

	/// Copies `len` bytes at `ptr` out of contract memory.
	fn read(&mut self, ptr: u32, len: u32) -> HostResult<Vec<u8>> {
		self.with_bytes(ptr, len, <[u8]>::to_vec)
	}

	/// The `N` bytes at `ptr` of contract memory.
	fn read_array<const N: usize>(&mut self, ptr: u32) -> HostResult<[u8; N]> {
		let mut array = [0u8; N];
		self.with_bytes(ptr, N as u32, |bytes| array.copy_from_slice(bytes))?;
		Ok(array)
	}

	fn read_address(&mut self, ptr: u32) -> HostResult<AccountIdOf<E::T>> {
		Ok(self.read_array::<{ ADDRESS_LEN as usize }>(ptr)?.into())
	}

	fn read_balance(&mut self, ptr: u32) -> HostResult<u128> {
		Ok(u128::from_le_bytes(self.read_array::<{ BALANCE_LEN as usize }>(ptr)?))
	}

	/// Copies `bytes` into contract memory at `ptr`.
	fn write(&mut self, ptr: u32, bytes: &[u8]) -> HostResult<()> {
		let access = self.instance.memory_mut().map(|memory| copy_to(memory, ptr, bytes));
		self.accessed(access)
	}

	/// Places `bytes` in contract memory and returns `(ptr << 32) | len`, or 0 when empty.
	///
	/// The place comes from the contract's `allocate(len)` export when it has one (no host
	/// call may run inside it), else from pages the host appends to the memory, charged like
	/// `memory.grow`; when they would pass `max_memory_pages` the call traps with
	/// `MemoryLimitExceeded`.
	fn place(&mut self, bytes: &[u8]) -> HostResult<u64> {
		if bytes.is_empty() {
			return Ok(0)
		}
		let Ok(len) = u32::try_from(bytes.len()) else { return Err(self.trap(Error::<E::T>::MemoryLimitExceeded)) };
		self.state_mut().in_allocate = true;
		let allocation = self.instance.allocate(len);
		self.state_mut().in_allocate = false;
		let ptr = match allocation {
			Allocation::Called(ptr) => ptr?,
			Allocation::InvalidExport => return Err(self.trap(Error::<E::T>::InvalidAllocateExport)),
			Allocation::NoExport => {
				self.ensure_memory()?;
				let pages = (len as u64).div_ceil(limits::PAGE_SIZE);
				self.charge(Cost::Memory { bytes: pages.saturating_mul(limits::PAGE_SIZE) })?;
				let Some(old_pages) = self.instance.grow_memory(pages) else {
					return Err(self.trap(Error::<E::T>::MemoryLimitExceeded))
				};
				match u32::try_from(old_pages.saturating_mul(limits::PAGE_SIZE)) {
					Ok(ptr) => ptr,
					Err(_) => return Err(self.trap(Error::<E::T>::MemoryLimitExceeded)),
				}
			},
		};
		self.write(ptr, bytes)?;
		Ok(((ptr as u64) << 32) | len as u64)
	}

	/// `storage_read(key_ptr, key_len) -> i64`: places the value under the key and returns
	/// `(ptr << 32) | len`, or 0 when there is none. Cost: as `storage_read_into`, and
	/// [`Cost::Place`] of the value. Traps: key longer than `max_storage_key_len`.
	pub fn storage_read(&mut self, key_ptr: u32, key_len: u32) -> HostResult<u64> {
		let Some(value) = self.read_stored(key_ptr, key_len)? else { return Ok(0) };
		self.charge(Cost::Place { len: value.len().saturated_into() })?;
		self.place(&value)
	}

	/// `storage_read_into(key_ptr, key_len, out_ptr, out_len) -> i32`: writes the value under
	/// the key at `out_ptr` when it is at most `out_len` bytes (nothing when it is longer) and
	/// returns its length, or [`ABSENT`] when there is none. Cost: [`Cost::StorageRead`] and
	/// [`Cost::StoredValue`] of the value, reserved for the largest value before reading; both
	/// hot for a key the call tree has touched already. Traps: key longer than
	/// `max_storage_key_len`.
	pub fn storage_read_into(&mut self, key_ptr: u32, key_len: u32, out_ptr: u32, out_len: u32) -> HostResult<u32> {
		let Some(value) = self.read_stored(key_ptr, key_len)? else { return Ok(ABSENT) };
		let len: u32 = value.len().saturated_into();
		if len <= out_len {
			self.write(out_ptr, &value)?;
		}
		Ok(len)
	}

	/// Reads the value under the key at `key_ptr`, charging for it as `storage_read_into` says.
	fn read_stored(&mut self, key_ptr: u32, key_len: u32) -> HostResult<Option<Vec<u8>>> {
		let max_key = self.ext().params().max_storage_key_len;
		self.ensure_len(key_len, max_key, Error::<E::T>::StorageKeyTooLarge)?;
		let key = self.storage_key(key_ptr, key_len, |hot| Cost::StorageRead { key_len, hot })?;
		let is_hot = key.is_hot;
		let reserved = self.reserve_stored_value(is_hot)?;
		let value = self.ext().storage().read_at(&key.trie_key);
		self.touched(key);
		self.settle_stored_value(reserved, value.as_ref().map(|value| value.len().saturated_into()), is_hot)?;
		Ok(value)
	}

	/// `storage_write(key_ptr, key_len, value_ptr, value_len) -> i32`: stores the value; 0.
	/// Cost: [`Cost::StorageWrite`], [`Cost::StoredValue`] of the value it replaces (whose length
	/// the storage deposit needs, which puts it in the proof; reserved for the largest value
	/// before writing), both hot for a key the call tree has touched already,
	/// [`Cost::LongestValueRecord`] for a value longer than any the contract's storage has held,
	/// and [`Cost::SettleDeposit`] for the call's first change of this storage.
	/// Traps: read-only call, key or value too long, empty value (use `storage_delete`).
	pub fn storage_write(&mut self, key_ptr: u32, key_len: u32, value_ptr: u32, value_len: u32) -> HostResult<u32> {
		let params = self.ext().params();
		let (max_key, max_value) = (params.max_storage_key_len, params.max_storage_value_len);
		self.ensure_len(key_len, max_key, Error::<E::T>::StorageKeyTooLarge)?;
		self.ensure_len(value_len, max_value, Error::<E::T>::StorageValueTooLarge)?;
		if value_len == 0 {
			return Err(self.trap(Error::<E::T>::EmptyStorageValue))
		}
		let key = self.storage_key(key_ptr, key_len, |hot| Cost::StorageWrite { key_len, value_len, hot })?;
		let is_hot = key.is_hot;
		let reserved = self.reserve_stored_value(is_hot)?;
		let longer = self.ext().exceeds_longest_value(value_len);
		if longer {
			self.charge(Cost::LongestValueRecord)?;
		}
		let value = self.read(value_ptr, value_len)?;
		let previous = self.ext().storage().write_at(&key.trie_key, &value);
		if longer {
			self.state_mut().ext.raise_longest_value(value_len);
		}
		self.touched(key);
		self.settle_stored_value(reserved, previous, is_hot)?;
		self.record_storage_change(StorageChange::write(key_len, previous, value_len))?;
		code(ReturnCode::Success)
	}

	/// Records a storage change for the deposit, charging what the change adds
	/// ([`Ext::record_storage_change`]).
	fn record_storage_change(&mut self, change: StorageChange) -> HostResult<()> {
		let weight = self.state_mut().ext.record_storage_change(change);
		self.charge_weight(weight)
	}

	/// `storage_delete(key_ptr, key_len) -> i32`: 0 when a value was deleted, `KeyNotFound`
	/// otherwise. Cost: [`Cost::StorageDelete`], [`Cost::StoredValue`] of the deleted value
	/// (whose length the storage deposit needs; reserved for the largest value before deleting),
	/// both hot for a key the call tree has touched already, and [`Cost::SettleDeposit`] for the
	/// call's first change of this storage.
	/// Traps: read-only call, key too long.
	pub fn storage_delete(&mut self, key_ptr: u32, key_len: u32) -> HostResult<u32> {
		let max_key = self.ext().params().max_storage_key_len;
		self.ensure_len(key_len, max_key, Error::<E::T>::StorageKeyTooLarge)?;
		let key = self.storage_key(key_ptr, key_len, |hot| Cost::StorageDelete { key_len, hot })?;
		let is_hot = key.is_hot;
		let reserved = self.reserve_stored_value(is_hot)?;
		let previous = self.ext().storage().remove_at(&key.trie_key);
		self.touched(key);
		self.settle_stored_value(reserved, previous, is_hot)?;
		let Some(previous) = previous else { return code(ReturnCode::KeyNotFound) };
		self.record_storage_change(StorageChange::delete(key_len, previous))?;
		code(ReturnCode::Success)
	}

	/// `get_caller(result_ptr) -> i32`: writes the 32-byte caller address; `NoCaller` at the
	/// top of a query. Cost: `host_context`.
	pub fn get_caller(&mut self, result_ptr: u32) -> HostResult<u32> {
		self.charge(Cost::Context)?;
		let Some(caller) = self.ext().caller().cloned() else { return code(ReturnCode::NoCaller) };
		self.write(result_ptr, caller.as_ref())?;
		code(ReturnCode::Success)
	}

	/// `get_block_number() -> i64`. Cost: `host_context`.
	pub fn get_block_number(&mut self) -> HostResult<u64> {
		self.charge(Cost::Context)?;
		Ok(self.ext().block_number())
	}

	/// `get_block_timestamp() -> i64`: milliseconds since the Unix epoch. Cost: `host_context`,
	/// and on the call tree's first use the clock's read (`costs::Cost::TimestampRead`).
	pub fn get_block_timestamp(&mut self) -> HostResult<u64> {
		self.charge(Cost::Context)?;
		if !self.ext().block_timestamp_read() {
			self.charge(Cost::TimestampRead)?;
		}
		Ok(self.ext().block_timestamp())
	}

	/// `get_contract_address(result_ptr) -> i32`: writes the contract's 32-byte address; 0.
	/// Cost: `host_context`.
	pub fn get_contract_address(&mut self, result_ptr: u32) -> HostResult<u32> {
		self.charge(Cost::Context)?;
		let address = self.ext().address().clone();
		self.write(result_ptr, address.as_ref())?;
		code(ReturnCode::Success)
	}

	/// `crypto_hash(data_ptr, data_len, result_ptr) -> i32`: writes the 32-byte Blake2-256 of
	/// the data; 0. Cost: `host_crypto_hash(data)`.
	pub fn crypto_hash(&mut self, data_ptr: u32, data_len: u32, result_ptr: u32) -> HostResult<u32> {
		self.charge(Cost::CryptoHash { len: data_len })?;
		let hash = self.with_bytes(data_ptr, data_len, sp_io::hashing::blake2_256)?;
		self.write(result_ptr, &hash)?;
		code(ReturnCode::Success)
	}

	/// `crypto_verify(msg_ptr, msg_len, sig_ptr, sig_len, pk_ptr, pk_len) -> i32`: 0 when the
	/// signature is valid, `InvalidSignature` when not, `UnsupportedKeyType` when the lengths
	/// match neither ed25519 (64-byte signature, 32-byte key) nor ECDSA secp256k1 (65-byte
	/// signature over the message's Blake2-256, 33-byte compressed key).
	/// Cost: `host_crypto_verify(msg)`.
	pub fn crypto_verify(
		&mut self,
		msg_ptr: u32,
		msg_len: u32,
		sig_ptr: u32,
		sig_len: u32,
		pk_ptr: u32,
		pk_len: u32,
	) -> HostResult<u32> {
		self.charge(Cost::CryptoVerify { len: msg_len })?;
		let valid = match (sig_len, pk_len) {
			(64, 32) => {
				let (message, signature, public) =
					(self.read(msg_ptr, msg_len)?, self.read(sig_ptr, sig_len)?, self.read(pk_ptr, pk_len)?);
				let (Ok(signature), Ok(public)) =
					(ed25519::Signature::try_from(&signature[..]), ed25519::Public::try_from(&public[..]))
				else {
					return code(ReturnCode::UnsupportedKeyType)
				};
				sp_io::crypto::ed25519_verify(&signature, &message, &public)
			},
			(65, 33) => {
				let (message, signature, public) =
					(self.read(msg_ptr, msg_len)?, self.read(sig_ptr, sig_len)?, self.read(pk_ptr, pk_len)?);
				let mut raw_signature = [0u8; 65];
				raw_signature.copy_from_slice(&signature);
				let digest = sp_io::hashing::blake2_256(&message);
				sp_io::crypto::secp256k1_ecdsa_recover_compressed(&raw_signature, &digest)
					.is_ok_and(|recovered| recovered[..] == public[..]) &&
					ecdsa::Public::try_from(&public[..]).is_ok()
			},
			_ => return code(ReturnCode::UnsupportedKeyType),
		};
		code(if valid { ReturnCode::Success } else { ReturnCode::InvalidSignature })
	}

	/// `log_event(topic_ptr, topic_len, data_ptr, data_len)`: deposits
	/// `ContractEmitted { contract, topic, data }`. Cost: `host_log_event(topic + data)`.
	/// Traps: read-only call, topic longer than [`limits::MAX_EVENT_TOPIC_LEN`], data longer than `max_event_data_len`,
	/// and `EventBudgetExceeded` when the event (its topic, data and [`limits::EVENT_RECORD_OVERHEAD`])
	/// does not fit the call's or the block's event budget.
	pub fn log_event(&mut self, topic_ptr: u32, topic_len: u32, data_ptr: u32, data_len: u32) -> HostResult<()> {
		self.ensure_len(topic_len, limits::MAX_EVENT_TOPIC_LEN, Error::<E::T>::EventTopicTooLarge)?;
		let max_data = self.ext().params().max_event_data_len;
		self.ensure_len(data_len, max_data, Error::<E::T>::EventDataTooLarge)?;
		self.charge(Cost::LogEvent { len: topic_len.saturating_add(data_len) })?;
		let bytes = topic_len.saturating_add(data_len).saturating_add(limits::EVENT_RECORD_OVERHEAD);
		match self.state_mut().ext.reserve_event_bytes(bytes) {
			// Written earlier in the block: the counter's database read and write, which the
			// benchmark's weight holds, did not happen.
			Ok(true) => self.refund(Cost::EventCounter.weight::<E::T>()),
			Ok(false) => {},
			Err(error) => return Err(self.trap(error)),
		}
		let topic = self.read(topic_ptr, topic_len)?;
		let data = self.read(data_ptr, data_len)?;
		self.state_mut().ext.deposit_event(topic, data);
		Ok(())
	}

	/// `transfer(to_ptr, amount_ptr) -> i32`: moves the 16-byte little-endian amount from the
	/// contract to the 32-byte address; `TransferFailed` when the contract cannot pay it and
	/// keep its existential deposit. Cost: `host_transfer`. Traps: read-only call.
	pub fn transfer(&mut self, to_ptr: u32, amount_ptr: u32) -> HostResult<u32> {
		self.charge(Cost::Transfer)?;
		let to = self.read_address(to_ptr)?;
		let amount = self.read_balance(amount_ptr)?;
		let Ok(amount) = BalanceOf::<E::T>::try_from(amount) else { return code(ReturnCode::TransferFailed) };
		match self.state_mut().ext.transfer(&to, amount) {
			Ok(_) => code(ReturnCode::Success),
			Err(_) => code(ReturnCode::TransferFailed),
		}
	}

	/// `get_input() -> i64`: places the call's input (the message) and returns
	/// `(ptr << 32) | len`, or 0 when it is empty. Cost: `host_get_input(input)`.
	pub fn get_input(&mut self) -> HostResult<u64> {
		self.charge_and_place(|state| state.ext.input())
	}

	/// `get_input_into(out_ptr, out_len) -> i32`: writes the call's input at `out_ptr` when it is
	/// at most `out_len` bytes (nothing when it is longer) and returns its length. Cost:
	/// `host_copy` of the bytes written (of none when they do not fit).
	pub fn get_input_into(&mut self, out_ptr: u32, out_len: u32) -> HostResult<u32> {
		self.charge_and_write(out_ptr, out_len, |state| state.ext.input())
	}

	/// `set_return_data(data_ptr, data_len)`: sets what the call returns (the last call wins).
	/// Cost: `host_copy(data)`. Traps: data longer than `max_contract_msg_size`.
	pub fn set_return_data(&mut self, data_ptr: u32, data_len: u32) -> HostResult<()> {
		let max = self.ext().params().max_contract_msg_size;
		self.ensure_len(data_len, max, Error::<E::T>::ReturnDataTooLarge)?;
		self.charge(Cost::Copy { len: data_len })?;
		let data = self.read(data_ptr, data_len)?;
		self.state_mut().output = Some(data);
		Ok(())
	}

	/// `revert(msg_ptr, msg_len)`: stops the call with `ContractReverted`, undoing its changes;
	/// the message reaches the calling contract as return data and dry runs as
	/// `revert_message`. Cost: `host_revert(msg)`. Never returns.
	pub fn revert(&mut self, msg_ptr: u32, msg_len: u32) -> HostResult<()> {
		let max = self.ext().params().max_contract_msg_size;
		self.ensure_len(msg_len, max, Error::<E::T>::ReturnDataTooLarge)?;
		self.charge(Cost::Revert { len: msg_len })?;
		let message = self.read(msg_ptr, msg_len)?;
		Err(self.trap(ExecError::reverted::<E::T>(message)))
	}

	/// `get_value(result_ptr) -> i32`: writes the 16-byte value sent with this call; 0.
	/// Cost: `host_context`.
	pub fn get_value(&mut self, result_ptr: u32) -> HostResult<u32> {
		self.charge(Cost::Context)?;
		let value: u128 = self.ext().value().saturated_into();
		self.write(result_ptr, &value.to_le_bytes())?;
		code(ReturnCode::Success)
	}

	/// `get_balance(result_ptr) -> i32`: writes the contract's 16-byte balance; 0.
	/// Cost: `host_balance`.
	pub fn get_balance(&mut self, result_ptr: u32) -> HostResult<u32> {
		self.charge(Cost::Balance)?;
		let balance: u128 = self.ext().balance().saturated_into();
		self.write(result_ptr, &balance.to_le_bytes())?;
		code(ReturnCode::Success)
	}

	/// `gas_left() -> i64`: the ref_time this call may still use. Cost: `host_context`.
	pub fn gas_left(&mut self) -> HostResult<u64> {
		self.charge(Cost::Context)?;
		Ok(self.state().gas.remaining().ref_time())
	}

	/// `call_contract(address_ptr, entry_ptr, entry_len, input_ptr, input_len, value_ptr,
	/// gas_limit) -> i32`: runs the entry point of the contract at the 32-byte address with the
	/// input, sending the 16-byte value, with at most `gas_limit` ref_time (0: all that is left).
	/// Returns 0 on success (its return data is then read with `get_return_data`),
	/// `CalleeReverted` (return data: the message), `CalleeTrapped`, `TransferFailed`,
	/// `NotAContract`, `EntryPointNotFound` or `CallDepthExceeded`; a failed callee's changes are
	/// undone. Cost: `host_call_contract(entry + input)` plus what the callee uses.
	/// Traps: entry point name invalid or reserved, input too long, value in a read-only call.
	#[allow(clippy::too_many_arguments)]
	pub fn call_contract(
		&mut self,
		address_ptr: u32,
		entry_ptr: u32,
		entry_len: u32,
		input_ptr: u32,
		input_len: u32,
		value_ptr: u32,
		gas_limit: u64,
	) -> HostResult<u32> {
		let (callee, entry, input) = self.read_call(address_ptr, entry_ptr, entry_len, input_ptr, input_len)?;
		let value = self.read_balance(value_ptr)?;
		let Ok(value) = BalanceOf::<E::T>::try_from(value) else { return code(ReturnCode::TransferFailed) };
		if !value.is_zero() {
			self.ensure_mutable()?;
		}
		self.nested_call(gas_limit, |ext, gas| ext.call(gas, &callee, &entry, input, value))
	}

	/// `query_contract(address_ptr, entry_ptr, entry_len, input_ptr, input_len, gas_limit: i64)
	/// -> i32`: calls an entry point of another contract as `call_contract` does, without value
	/// and read-only: a state change, transfer, instantiation or event inside the callee (or
	/// anything it calls) fails it with `StateChangeInReadOnlyCall`, which this call returns as
	/// `CalleeTrapped`; what this contract did before stays. Returns 0, `CalleeReverted`,
	/// `CalleeTrapped`, `NotAContract`, `EntryPointNotFound` or `CallDepthExceeded`. Cost:
	/// `host_call_contract(entry + input)` plus what the callee uses. Traps: entry point invalid
	/// or reserved, input too long.
	pub fn query_contract(
		&mut self,
		address_ptr: u32,
		entry_ptr: u32,
		entry_len: u32,
		input_ptr: u32,
		input_len: u32,
		gas_limit: u64,
	) -> HostResult<u32> {
		let (callee, entry, input) = self.read_call(address_ptr, entry_ptr, entry_len, input_ptr, input_len)?;
		self.nested_call(gas_limit, |ext, gas| ext.query(gas, &callee, &entry, input))
	}

	/// Checks and charges the arguments of `call_contract` and `query_contract`, and reads the
	/// callee, the entry point and the input.
	fn read_call(
		&mut self,
		address_ptr: u32,
		entry_ptr: u32,
		entry_len: u32,
		input_ptr: u32,
		input_len: u32,
	) -> Result<CallTarget<E::T>, wasmi::Error> {
		self.ensure_len(entry_len, limits::MAX_ENTRY_POINT_LEN, Error::<E::T>::InvalidEntryPoint)?;
		let max_msg = self.ext().params().max_contract_msg_size;
		self.ensure_len(input_len, max_msg, Error::<E::T>::MsgTooLarge)?;
		self.charge(Cost::CallContract { len: entry_len.saturating_add(input_len) })?;
		let callee = self.read_address(address_ptr)?;
		let entry = self.read(entry_ptr, entry_len)?;
		let input = self.read(input_ptr, input_len)?;
		match super::entry_point_name::<E::T>(&entry) {
			Ok(entry) => Ok((callee, entry.into(), input)),
			Err(error) => Err(self.trap(error)),
		}
	}

	/// Runs `call` on a nested gas meter of `gas_limit` (0: all that is left) and returns the
	/// callee's status.
	fn nested_call(
		&mut self,
		gas_limit: u64,
		call: impl FnOnce(&mut E, &mut GasMeter) -> Result<Vec<u8>, ExecError>,
	) -> HostResult<u32> {
		self.sync_fuel();
		let state = self.state_mut();
		let limit = match gas_limit {
			0 => state.gas.remaining(),
			ref_time => Weight::from_parts(ref_time, state.gas.remaining().proof_size()),
		};
		let mut callee_gas = state.gas.nested(limit);
		let result = call(&mut state.ext, &mut callee_gas);
		state.gas.absorb_nested(&callee_gas);
		let status = state.callee_status(result);
		self.refuel();
		code(status)
	}

	/// `instantiate_contract(code_id, msg_ptr, msg_len, value_ptr, salt_ptr, salt_len,
	/// result_ptr) -> i32`: instantiates a contract from stored code with the message, sending
	/// the 16-byte value (plus the existential deposit) from this contract, which becomes the
	/// new contract's creator and admin. With `salt_len > 0` the address is salted (predictable),
	/// else the chain's instance counter picks it. Writes the 32-byte address to `result_ptr`
	/// and returns 0, or `CodeNotFound`, `ContractExists`, `CalleeReverted`, `CalleeTrapped`,
	/// `TransferFailed`, `CallDepthExceeded`. The new contract runs on all gas that is left.
	/// Cost: `host_instantiate_contract(msg + salt)` plus what the new contract uses.
	/// Traps: read-only call, message or salt too long.
	#[allow(clippy::too_many_arguments)]
	pub fn instantiate_contract(
		&mut self,
		code_id: u64,
		msg_ptr: u32,
		msg_len: u32,
		value_ptr: u32,
		salt_ptr: u32,
		salt_len: u32,
		result_ptr: u32,
	) -> HostResult<u32> {
		let max_msg = self.ext().params().max_contract_msg_size;
		self.ensure_len(msg_len, max_msg, Error::<E::T>::MsgTooLarge)?;
		self.ensure_len(salt_len, limits::MAX_SALT_LEN, Error::<E::T>::SaltTooLong)?;
		self.charge(Cost::InstantiateContract { len: msg_len.saturating_add(salt_len) })?;
		let msg = self.read(msg_ptr, msg_len)?;
		let value = self.read_balance(value_ptr)?;
		let salt = self.read(salt_ptr, salt_len)?;
		// Fail before the callee runs if the address cannot be written back.
		self.write(result_ptr, &[0u8; ADDRESS_LEN as usize])?;
		let Ok(value) = BalanceOf::<E::T>::try_from(value) else { return code(ReturnCode::TransferFailed) };
		self.sync_fuel();
		let state = self.state_mut();
		let mut callee_gas = state.gas.nested(state.gas.remaining());
		let result = state.ext.instantiate(&mut callee_gas, code_id, msg, value, salt);
		state.gas.absorb_nested(&callee_gas);
		let address = result.as_ref().ok().map(|(address, _)| address.clone());
		let status = state.callee_status(result.map(|(_, data)| data));
		self.refuel();
		if let Some(address) = address {
			self.write(result_ptr, address.as_ref())?;
		}
		code(status)
	}

	/// `get_return_data() -> i64`: places the return data of the last `call_contract` or
	/// `instantiate_contract` (the revert message when it reverted) and returns
	/// `(ptr << 32) | len`, or 0 when empty. Cost: `host_get_input(data)`.
	pub fn get_return_data(&mut self) -> HostResult<u64> {
		self.charge_and_place(|state| &state.callee_output)
	}

	/// `get_return_data_into(out_ptr, out_len) -> i32`: writes the return data of the last
	/// `call_contract` or `instantiate_contract` at `out_ptr` when it is at most `out_len` bytes
	/// (nothing when it is longer) and returns its length. Cost: `host_copy` of the bytes written
	/// (of none when they do not fit).
	pub fn get_return_data_into(&mut self, out_ptr: u32, out_len: u32) -> HostResult<u32> {
		self.charge_and_write(out_ptr, out_len, |state| &state.callee_output)
	}

	/// Writes the bytes of the state that `pick` selects at `out_ptr` when they are at most
	/// `out_len`, charging [`Cost::Copy`] of what it writes; returns their length.
	fn charge_and_write(&mut self, out_ptr: u32, out_len: u32, pick: fn(&HostState<E>) -> &[u8]) -> HostResult<u32> {
		let len: u32 = pick(self.state()).len().saturated_into();
		let fits = len <= out_len;
		self.charge(Cost::Copy { len: if fits { len } else { 0 } })?;
		if !fits {
			return Ok(len)
		}
		let access = self.instance.memory_and_state().map(|(memory, state)| copy_to(memory, out_ptr, pick(state)));
		self.accessed(access)?;
		Ok(len)
	}

	/// Charges [`Cost::Place`] for the bytes of the state that `pick` selects, then places them.
	fn charge_and_place(&mut self, pick: fn(&HostState<E>) -> &[u8]) -> HostResult<u64> {
		self.charge(Cost::Place { len: pick(self.state()).len().saturated_into() })?;
		let data = pick(self.state()).to_vec();
		self.place(&data)
	}

	/// `pay(amount_ptr) -> i32`: in the payment module of a deploy, moves the 16-byte amount
	/// from the deploying account to the chain's fee destination and counts it as paid; 0, or
	/// `TransferFailed` when the account cannot pay it and stay alive, or `NotPaymentPhase`
	/// anywhere else (session modules, contracts). Cost: `host_transfer`.
	/// Traps: read-only call.
	pub fn pay(&mut self, amount_ptr: u32) -> HostResult<u32> {
		self.charge(Cost::Transfer)?;
		let amount = self.read_balance(amount_ptr)?;
		let Ok(amount) = BalanceOf::<E::T>::try_from(amount) else { return code(ReturnCode::TransferFailed) };
		code(self.state_mut().ext.pay(amount))
	}

	/// `terminate(beneficiary_ptr)`: ends the contract. Its whole balance goes to the
	/// beneficiary (32 bytes at `beneficiary_ptr`), its info is removed, so that calling its
	/// address fails with `ContractNotFound`, and its storage and code history are queued for
	/// removal by `on_idle`; the run ends successfully with no return data. Cost:
	/// `host_terminate`. Traps: in a read-only call, when the contract is on the call stack
	/// more than once (`TerminatedWhileReentrant`), with itself as beneficiary
	/// (`InvalidBeneficiary`), in a deploy's module (`DeployModuleCannotTerminate`), or when the transfer
	/// fails (`TransferFailed`).
	pub fn terminate(&mut self, beneficiary_ptr: u32) -> HostResult<()> {
		self.charge(Cost::Terminate)?;
		let beneficiary = self.read_address(beneficiary_ptr)?;
		if let Err(error) = self.state_mut().ext.terminate(&beneficiary) {
			return Err(self.trap(error))
		}
		self.state_mut().terminated = true;
		Err(wasmi::Error::new("the contract terminated"))
	}

	/// `gas(units)` of the injected-counter strategy: charges `units` of fuel.
	#[cfg(feature = "execution-strategies")]
	pub fn gas(&mut self, units: u64) -> HostResult<()> {
		self.charge(Cost::Fuel { units })
	}
}

impl<E: Ext> HostState<E> {
	/// Keeps a nested call's output for `get_return_data` and turns its outcome into a code.
	fn callee_status(&mut self, result: Result<Vec<u8>, ExecError>) -> ReturnCode {
		let (output, status) = match result {
			Ok(data) => (data, ReturnCode::Success),
			Err(ExecError { revert_message: Some(message), .. }) => (message, ReturnCode::CalleeReverted),
			Err(ExecError { error, .. }) => (Vec::new(), failure_code::<E::T>(error)),
		};
		self.callee_output = output;
		status
	}
}

/// The return code of a nested call that failed with `error`.
fn failure_code<T: Config>(error: DispatchError) -> ReturnCode {
	let is = |expected: Error<T>| error == DispatchError::from(expected);
	if is(Error::<T>::MaxCallDepthReached) {
		ReturnCode::CallDepthExceeded
	} else if is(Error::<T>::EntryPointNotFound) || is(Error::<T>::InvalidEntryPointSignature) {
		ReturnCode::EntryPointNotFound
	} else if is(Error::<T>::TransferFailed) {
		ReturnCode::TransferFailed
	} else if is(Error::<T>::ContractExists) || is(Error::<T>::AddressPendingDeletion) {
		ReturnCode::ContractExists
	} else if is(Error::<T>::ContractNotFound) {
		ReturnCode::NotAContract
	} else if is(Error::<T>::CodeNotFound) {
		ReturnCode::CodeNotFound
	} else {
		ReturnCode::CalleeTrapped
	}
}
