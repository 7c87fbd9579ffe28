//! Lazy removal of what terminated contracts leave behind.
//!
//! `terminate` removes a contract's info at once, so its address is free and calls to it fail
//! with `ContractNotFound`, and queues its storage trie and code history here: a trie can hold
//! more keys than one block could delete. `on_idle` removes queued entries within the weight the
//! block has left, oldest contract first: its code history an entry at a time, then its trie a
//! bounded number of keys at a time ([`crate::weights::WeightInfo::lazy_deletion`]).

use crate::{
	storage::{child_info, TRIE_PREFIX},
	CodeHistory, Config, DeletionQueue, DeletionQueueBounds, Error, Pallet,
};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::{
	storage::child,
	weights::{Weight, WeightMeter},
};
use scale_info::TypeInfo;
use wasm_contracts_primitives::TrieId;

/// What is left to remove of a terminated contract.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct QueuedDeletion<AccountId> {
	/// The terminated contract, whose code history goes.
	pub contract: AccountId,
	/// Its storage trie.
	pub trie_id: TrieId,
	/// Its code history entries not yet removed: indices `0..history_left`.
	pub history_left: u32,
}

/// The queue's first occupied slot and its next free one; equal when it is empty.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct QueueBounds {
	/// Slot of the oldest queued contract.
	pub head: u64,
	/// Slot the next terminated contract takes.
	pub tail: u64,
}

impl<T: Config> Pallet<T> {
	/// Queues the storage trie and the `history_len` code history entries of `contract`.
	pub(crate) fn queue_deletion(contract: T::AccountId, trie_id: TrieId, history_len: u32) -> Result<(), Error<T>> {
		let mut bounds = DeletionQueueBounds::<T>::get();
		DeletionQueue::<T>::insert(bounds.tail, QueuedDeletion { contract, trie_id, history_left: history_len });
		bounds.tail = bounds.tail.checked_add(1).ok_or(Error::<T>::CounterOverflow)?;
		DeletionQueueBounds::<T>::put(bounds);
		Ok(())
	}

	/// Removes queued entries within `limit`; returns the weight it used.
	pub(crate) fn process_deletion_queue(limit: Weight) -> Weight {
		let mut meter = WeightMeter::with_limit(limit);
		// Reading the bounds and the head of the queue, and writing both back.
		let crate::costs::DeletionCosts { step, per_key, per_history_entry } = crate::costs::lazy_deletion::<T>();
		if meter.try_consume(step).is_err() {
			return Weight::zero()
		}
		let initial = DeletionQueueBounds::<T>::get();
		let mut bounds = initial;
		while bounds.head < bounds.tail {
			let Some(mut queued) = DeletionQueue::<T>::get(bounds.head) else {
				bounds.head = bounds.head.saturating_add(1);
				continue
			};
			while queued.history_left > 0 && meter.try_consume(per_history_entry).is_ok() {
				queued.history_left -= 1;
				CodeHistory::<T>::remove(&queued.contract, queued.history_left);
			}
			let keys = keys_within(meter.remaining(), per_key);
			if queued.history_left > 0 || keys == 0 {
				DeletionQueue::<T>::insert(bounds.head, queued);
				break
			}
			let removal = child::clear_storage(&child_info(TRIE_PREFIX, &queued.trie_id), Some(keys), None);
			meter.consume(per_key.saturating_mul(u64::from(removal.loops)));
			if removal.maybe_cursor.is_some() {
				DeletionQueue::<T>::insert(bounds.head, queued);
				break
			}
			DeletionQueue::<T>::remove(bounds.head);
			bounds.head = bounds.head.saturating_add(1);
			if meter.try_consume(step).is_err() {
				break
			}
		}
		if bounds != initial {
			DeletionQueueBounds::<T>::put(bounds);
		}
		meter.consumed()
	}
}

/// How many keys of `per_key` weight fit in `remaining`.
fn keys_within(remaining: Weight, per_key: Weight) -> u32 {
	let by = |left: u64, each: u64| left.checked_div(each).unwrap_or(u64::MAX);
	let keys = by(remaining.ref_time(), per_key.ref_time()).min(by(remaining.proof_size(), per_key.proof_size()));
	u32::try_from(keys).unwrap_or(u32::MAX)
}
