//! Storage deposits: state is paid for for as long as it is kept.
//!
//! Each item the pallet keeps for a user costs [`Config::DepositPerItem`] plus
//! [`Config::DepositPerByte`] for each of its bytes. The deposit is held with a FRAME hold
//! (the reasons are [`HoldReason`]) and released when the item goes:
//!
//! | item | bytes counted | paid by | held on | released to, when |
//! |---|---|---|---|---|
//! | code id | its `CodeInfo` and deposit record | the uploader | the uploader | the uploader, by `remove_code` |
//! | module, once for each code id | the module | the code id's uploader | that uploader | that uploader, by `remove_code` of that code id |
//! | contract | its `ContractInfo`, first code history entry and deposit record (2 items) | the instantiating call's origin | that origin | that origin, when the contract terminates |
//! | later code history entry | the entry | the migrating admin | the contract | the beneficiary, when the contract terminates |
//! | contract storage key | hashed key, key and value | the origin of the call that writes it | the contract | the origin of the call that deletes or shrinks it; the beneficiary, when the contract terminates |
//! | account variable | hashed key, key and value | the account (its deploys write it) | the account | the account, when its deploy deletes or shrinks it |
//!
//! A call's storage deposits are settled once, when its outermost call ends, with the origin:
//! refunds first, then charges, all within the call's storage transaction. The net charge must
//! stay within the call's `storage_deposit_limit`. A frame that fails takes its share of the
//! deposits with it, as it does its storage changes. Refunds never exceed what the contract (or
//! account) holds.
//!
//! State stored before deposits existed is recorded per trie as [`UnpaidStorage`]. What a call
//! releases of such a trie (by deleting or shrinking values) pays that off first and is refunded
//! only beyond it, so unpaid state is released for nothing and never paid out of the deposits
//! other users hold on the contract; growth is always charged in full.

use crate::{BalanceOf, CodeDeposits, Config, Error, HoldReason, InstantiationDeposits, ModuleDeposits, Pallet, UnpaidStorageOf};
use alloc::{collections::BTreeMap, vec::Vec};
use codec::{Decode, Encode, MaxEncodedLen};
use frame_support::traits::{
	fungible::{InspectHold, MutateHold},
	tokens::{Fortitude, Precision, Preservation, Restriction},
	Get,
};
use scale_info::TypeInfo;
use sp_runtime::traits::{SaturatedConversion, Saturating, Zero};
use wasm_contracts_primitives::{CodeHash, CodeHistoryEntry, CodeId, CodeInfo, ContractInfo, StorageDeposit, TrieId};

/// A deposit and the account it is held on.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, Debug)]
pub struct Deposit<AccountId, Balance> {
	/// The account the deposit is held on.
	pub depositor: AccountId,
	/// The amount held.
	pub amount: Balance,
}

/// Whose storage changed.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, PartialEq, Eq, PartialOrd, Ord, Debug)]
pub enum StorageOwner<AccountId> {
	/// A contract's storage and code history: the deposit is held on the contract.
	Contract(AccountId),
	/// An account's persistent variables: the deposit is held on the account.
	Account(AccountId),
}

impl<AccountId> StorageOwner<AccountId> {
	fn holder(&self) -> &AccountId {
		match self {
			Self::Contract(account) | Self::Account(account) => account,
		}
	}

	fn reason(&self) -> HoldReason {
		match self {
			Self::Contract(_) => HoldReason::ContractStorage,
			Self::Account(_) => HoldReason::AccountVariables,
		}
	}
}

/// A change in the number of stored items and their bytes.
#[derive(Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct StorageChange {
	/// Items added (negative: removed).
	pub items: i64,
	/// Bytes added (negative: removed).
	pub bytes: i64,
}

/// Storage a trie keeps that no deposit paid for: what it held when deposits started.
#[derive(Encode, Decode, MaxEncodedLen, TypeInfo, Clone, Copy, Default, PartialEq, Eq, Debug)]
pub struct UnpaidStorage {
	/// Items kept without a deposit.
	pub items: u32,
	/// Their bytes (hashed key, key and value of each).
	pub bytes: u64,
}

impl UnpaidStorage {
	/// Adds an entry of `key_len` and `value_len` bytes.
	pub fn add_entry(&mut self, key_len: u32, value_len: u32) {
		self.items = self.items.saturating_add(1);
		self.bytes = self.bytes.saturating_add(entry_bytes(key_len, value_len).unsigned_abs());
	}

	/// Pays off what `released` covers; returns the part of `released` (both fields at most
	/// zero) that was unpaid, as a positive change.
	fn pay_off(&mut self, released: StorageChange) -> StorageChange {
		let items = u32::try_from(released.items.saturating_neg().max(0)).unwrap_or(u32::MAX).min(self.items);
		let bytes = released.bytes.saturating_neg().max(0).unsigned_abs().min(self.bytes);
		self.items = self.items.saturating_sub(items);
		self.bytes = self.bytes.saturating_sub(bytes);
		StorageChange { items: i64::from(items), bytes: i64::try_from(bytes).unwrap_or(i64::MAX) }
	}
}

/// Bytes a contract storage entry takes: the key's hash, the key and the value.
fn entry_bytes(key_len: u32, value_len: u32) -> i64 {
	16i64.saturating_add(i64::from(key_len)).saturating_add(i64::from(value_len))
}

impl StorageChange {
	/// Writing `value_len` bytes under a key of `key_len` bytes that held `previous` bytes.
	pub fn write(key_len: u32, previous: Option<u32>, value_len: u32) -> Self {
		match previous {
			None => Self { items: 1, bytes: entry_bytes(key_len, value_len) },
			Some(previous) => Self { items: 0, bytes: i64::from(value_len).saturating_sub(i64::from(previous)) },
		}
	}

	/// Deleting the key of `key_len` bytes that held `previous` bytes.
	pub fn delete(key_len: u32, previous: u32) -> Self {
		Self { items: -1, bytes: entry_bytes(key_len, previous).saturating_neg() }
	}

	/// One more item of `bytes` bytes.
	pub fn item(bytes: usize) -> Self {
		Self { items: 1, bytes: i64::try_from(bytes).unwrap_or(i64::MAX) }
	}

	/// This change and `other` together.
	pub fn plus(self, other: Self) -> Self {
		Self { items: self.items.saturating_add(other.items), bytes: self.bytes.saturating_add(other.bytes) }
	}

	/// This change less the unpaid storage `unpaid`, if any.
	#[cfg(any(test, feature = "try-runtime", feature = "invariants"))]
	pub fn minus_unpaid(self, unpaid: Option<UnpaidStorage>) -> Self {
		let unpaid = unpaid.unwrap_or_default();
		Self {
			items: self.items.saturating_sub(i64::from(unpaid.items)),
			bytes: self.bytes.saturating_sub(i64::try_from(unpaid.bytes).unwrap_or(i64::MAX)),
		}
	}

	/// The part of this change that releases state: its negative fields, the others zero.
	fn released(self) -> Self {
		Self { items: self.items.min(0), bytes: self.bytes.min(0) }
	}

	fn is_zero(self) -> bool {
		self == Self::default()
	}
}

/// What a call changed in one owner's storage.
#[derive(Clone, Debug)]
struct OwnerChanges {
	/// The owner's trie.
	trie_id: TrieId,
	/// All changes added up.
	net: StorageChange,
	/// The releases among them added up (both fields at most zero).
	released: StorageChange,
}

/// What recording a change found.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct Recorded {
	/// The call's first change of that storage: its settlement is to be charged.
	pub first_change: bool,
	/// The call's first release of that storage: settlement reads and updates the trie's
	/// unpaid storage, which is to be charged.
	pub first_release: bool,
}

/// The storage deposits a call tree has incurred and not yet settled.
#[derive(Clone, Debug)]
pub struct DepositMeter<AccountId> {
	storage: BTreeMap<StorageOwner<AccountId>, OwnerChanges>,
	instantiated: Vec<AccountId>,
}

impl<AccountId> Default for DepositMeter<AccountId> {
	fn default() -> Self {
		Self { storage: BTreeMap::new(), instantiated: Vec::new() }
	}
}

impl<AccountId: Ord + Clone> DepositMeter<AccountId> {
	/// Records `change` in the storage of `owner`, whose trie is `trie_id` (each owner is
	/// settled once, at [`crate::weights::WeightInfo::settle_deposit`]). A change that moves no
	/// deposit (an overwrite of the same size) records nothing: an owner whose changes all are
	/// such is not settled, and no settlement is to be charged for it.
	pub fn record(&mut self, owner: StorageOwner<AccountId>, trie_id: TrieId, change: StorageChange) -> Recorded {
		if change.is_zero() {
			return Recorded { first_change: false, first_release: false }
		}
		let released = change.released();
		match self.storage.get_mut(&owner) {
			Some(total) => {
				let first_release = total.released.is_zero() && !released.is_zero();
				total.net = total.net.plus(change);
				total.released = total.released.plus(released);
				Recorded { first_change: false, first_release }
			},
			None => {
				self.storage.insert(owner, OwnerChanges { trie_id, net: change, released });
				Recorded { first_change: true, first_release: !released.is_zero() }
			},
		}
	}

	/// Records that the call created `contract`, whose deposit its origin pays.
	pub fn instantiated(&mut self, contract: AccountId) {
		self.instantiated.push(contract);
	}

	/// Forgets what the call owes for `contract`, which terminated; true when the call had
	/// created it (so no instantiation deposit is held for it yet).
	pub fn terminated(&mut self, contract: &AccountId) -> bool {
		self.storage.remove(&StorageOwner::Contract(contract.clone()));
		let created = self.instantiated.iter().position(|created| created == contract);
		created.map(|index| self.instantiated.remove(index)).is_some()
	}
}

/// The net of `deposits`.
pub fn net<B: Saturating + Ord + Copy + Zero>(deposits: impl IntoIterator<Item = StorageDeposit<B>>) -> StorageDeposit<B> {
	let (mut charged, mut refunded) = (B::zero(), B::zero());
	for deposit in deposits {
		match deposit {
			StorageDeposit::Charge(amount) => charged = charged.saturating_add(amount),
			StorageDeposit::Refund(amount) => refunded = refunded.saturating_add(amount),
		}
	}
	if charged >= refunded {
		StorageDeposit::Charge(charged.saturating_sub(refunded))
	} else {
		StorageDeposit::Refund(refunded.saturating_sub(charged))
	}
}

/// The deposit for `items` items of `bytes` bytes in all, at the chain's prices.
fn price<T: Config>(change: StorageChange) -> i128 {
	let per_item = i128::try_from(T::DepositPerItem::get().saturated_into::<u128>()).unwrap_or(i128::MAX);
	let per_byte = i128::try_from(T::DepositPerByte::get().saturated_into::<u128>()).unwrap_or(i128::MAX);
	i128::from(change.items).saturating_mul(per_item).saturating_add(i128::from(change.bytes).saturating_mul(per_byte))
}

/// The deposit for `change`, which adds state (nothing for a change that removes state).
#[cfg(any(test, feature = "try-runtime", feature = "invariants"))]
pub fn deposit_for<T: Config>(change: StorageChange) -> BalanceOf<T> {
	charge_for::<T>(change)
}

/// Bytes of an account's variables trie record: the account and the trie id.
pub fn account_record_bytes<T: Config>() -> usize {
	T::AccountId::max_encoded_len().saturating_add(core::mem::size_of::<TrieId>())
}

fn charge_for<T: Config>(change: StorageChange) -> BalanceOf<T> {
	u128::try_from(price::<T>(change)).unwrap_or(0).saturated_into()
}

/// What a code id is charged: its info and deposit record.
pub fn code_id_deposit<T: Config>() -> BalanceOf<T> {
	let bytes = CodeInfo::<T::AccountId>::max_encoded_len().saturating_add(BalanceOf::<T>::max_encoded_len());
	charge_for::<T>(StorageChange::item(bytes))
}

/// What a code id is charged for its module of `code_size` bytes: one item of that size.
pub fn module_deposit<T: Config>(code_size: u32) -> BalanceOf<T> {
	charge_for::<T>(StorageChange::item(code_size as usize))
}

/// What a contract is charged when it is created: its info, its first code history entry and
/// its deposit record.
pub fn instantiation_deposit<T: Config>() -> BalanceOf<T> {
	let bytes = ContractInfo::<T::AccountId>::max_encoded_len()
		.saturating_add(history_entry_bytes::<T>())
		.saturating_add(Deposit::<T::AccountId, BalanceOf<T>>::max_encoded_len());
	charge_for::<T>(StorageChange { items: 2, bytes: i64::try_from(bytes).unwrap_or(i64::MAX) })
}

/// Bytes of one code history entry.
pub fn history_entry_bytes<T: Config>() -> usize {
	CodeHistoryEntry::<frame_system::pallet_prelude::BlockNumberFor<T>>::max_encoded_len()
}

fn hold_reason<T: Config>(reason: HoldReason) -> T::RuntimeHoldReason {
	reason.into()
}

impl<T: Config> Pallet<T> {
	/// Holds the deposit of a new code id and of the `code_size` bytes of its module on
	/// `uploader`, within `limit`. Every code id pays for its module, stored already or not, so
	/// that nobody keeps a module stored at another uploader's expense.
	pub(crate) fn hold_code_deposit(
		uploader: &T::AccountId,
		code_id: CodeId,
		code_size: u32,
		limit: Option<BalanceOf<T>>,
	) -> Result<BalanceOf<T>, Error<T>> {
		let total = code_id_deposit::<T>().saturating_add(module_deposit::<T>(code_size));
		if limit.is_some_and(|limit| total > limit) {
			return Err(Error::<T>::StorageDepositLimitExhausted)
		}
		T::Currency::hold(&hold_reason::<T>(HoldReason::CodeUpload), uploader, total)
			.map_err(|_| Error::<T>::StorageDepositNotEnoughFunds)?;
		CodeDeposits::<T>::insert(code_id, total);
		Ok(total)
	}

	/// Releases the deposit of `code_id` to its uploader and, when `module_removed`, a deposit
	/// its module still has of its own (held on the module's first uploader by code uploaded
	/// before every code id paid for its module). Returns whether the module had one.
	pub(crate) fn release_code_deposit(
		uploader: &T::AccountId,
		code_id: CodeId,
		code_hash: CodeHash,
		module_removed: bool,
	) -> bool {
		let reason = hold_reason::<T>(HoldReason::CodeUpload);
		if let Some(amount) = CodeDeposits::<T>::take(code_id) {
			Self::release_held(&reason, uploader, amount);
		}
		module_removed && Self::release_module_deposit(code_hash)
	}

	/// Releases the deposit that the module `code_hash`, which was removed, has of its own;
	/// returns whether it had one.
	pub(crate) fn release_module_deposit(code_hash: CodeHash) -> bool {
		let Some(deposit) = ModuleDeposits::<T>::take(code_hash) else { return false };
		Self::release_held(&hold_reason::<T>(HoldReason::CodeUpload), &deposit.depositor, deposit.amount);
		true
	}

	/// Releases what a terminated contract holds for its storage, into its own balance (which
	/// then goes to the beneficiary), and its instantiation deposit to whoever paid it.
	pub(crate) fn release_contract_deposits(contract: &T::AccountId) {
		let storage = hold_reason::<T>(HoldReason::ContractStorage);
		let held = T::Currency::balance_on_hold(&storage, contract);
		Self::release_held(&storage, contract, held);
		if let Some(deposit) = InstantiationDeposits::<T>::take(contract) {
			Self::release_held(&hold_reason::<T>(HoldReason::ContractInstantiation), &deposit.depositor, deposit.amount);
		}
	}

	/// Releases up to `amount` held for `reason` on `who`; what was held is what is released,
	/// so a hold that is smaller (it can only be, if the chain lowered it) releases all it has.
	fn release_held(reason: &T::RuntimeHoldReason, who: &T::AccountId, amount: BalanceOf<T>) {
		if !amount.is_zero() {
			// Best effort releases at most what is held, and never fails for a smaller hold.
			let _ = T::Currency::release(reason, who, amount, Precision::BestEffort);
		}
	}

	/// Pays off what `released` covers of the unpaid storage of `trie_id`; returns that part,
	/// which is then released for nothing. Reads the unpaid storage only when something was
	/// released.
	fn pay_off_unpaid(trie_id: &TrieId, released: StorageChange) -> StorageChange {
		if released.is_zero() {
			return StorageChange::default()
		}
		UnpaidStorageOf::<T>::mutate_exists(trie_id, |unpaid| match unpaid {
			Some(left) => {
				let paid_off = left.pay_off(released);
				if *left == UnpaidStorage::default() {
					*unpaid = None;
				}
				paid_off
			},
			None => StorageChange::default(),
		})
	}

	/// Settles the deposits of a call with its `origin`: refunds to it, then charges to it,
	/// then instantiation deposits held on it. Fails, changing nothing the caller's storage
	/// transaction keeps, when the net charge passes `limit` or the origin cannot pay. Returns
	/// the net deposit and the number of owners whose storage changed without moving a
	/// deposit (overwrites of the same size): the settlement charged for each of them did not
	/// happen.
	pub(crate) fn settle_deposits(
		origin: &T::AccountId,
		meter: DepositMeter<T::AccountId>,
		limit: Option<BalanceOf<T>>,
	) -> Result<(StorageDeposit<BalanceOf<T>>, u32), Error<T>> {
		let mut unmoved = 0u32;
		let mut refunds = Vec::new();
		let mut charges = Vec::new();
		let (mut refunded, mut charged) = (0u128, 0u128);
		for (owner, changes) in meter.storage {
			let change = changes.net.plus(Self::pay_off_unpaid(&changes.trie_id, changes.released));
			let amount = price::<T>(change);
			if amount == 0 {
				unmoved = unmoved.saturating_add(1);
			} else if amount > 0 {
				let amount: BalanceOf<T> = amount.unsigned_abs().saturated_into();
				charged = charged.saturating_add(amount.saturated_into());
				charges.push((owner, amount));
			} else if amount < 0 {
				let held = T::Currency::balance_on_hold(&hold_reason::<T>(owner.reason()), owner.holder());
				let amount = held.min(amount.unsigned_abs().saturated_into());
				if !amount.is_zero() {
					refunded = refunded.saturating_add(amount.saturated_into());
					refunds.push((owner, amount));
				}
			}
		}
		let per_contract = instantiation_deposit::<T>();
		let created = u128::try_from(meter.instantiated.len()).unwrap_or(u128::MAX);
		charged = charged.saturating_add(created.saturating_mul(per_contract.saturated_into()));
		if limit.is_some_and(|limit| charged.saturating_sub(refunded) > limit.saturated_into::<u128>()) {
			return Err(Error::<T>::StorageDepositLimitExhausted)
		}
		for (owner, amount) in refunds {
			let reason = hold_reason::<T>(owner.reason());
			let refund = match &owner {
				StorageOwner::Contract(contract) => T::Currency::transfer_on_hold(
					&reason,
					contract,
					origin,
					amount,
					Precision::Exact,
					Restriction::Free,
					Fortitude::Polite,
				),
				StorageOwner::Account(account) => T::Currency::release(&reason, account, amount, Precision::Exact),
			};
			refund.map_err(|_| Error::<T>::StorageDepositRefundFailed)?;
		}
		for (owner, amount) in charges {
			let reason = hold_reason::<T>(owner.reason());
			let charge = match &owner {
				StorageOwner::Contract(contract) => T::Currency::transfer_and_hold(
					&reason,
					origin,
					contract,
					amount,
					Precision::Exact,
					Preservation::Preserve,
					Fortitude::Polite,
				),
				StorageOwner::Account(account) => T::Currency::hold(&reason, account, amount).map(|()| amount),
			};
			charge.map_err(|_| Error::<T>::StorageDepositNotEnoughFunds)?;
		}
		let reason = hold_reason::<T>(HoldReason::ContractInstantiation);
		for contract in meter.instantiated {
			T::Currency::hold(&reason, origin, per_contract).map_err(|_| Error::<T>::StorageDepositNotEnoughFunds)?;
			InstantiationDeposits::<T>::insert(contract, Deposit { depositor: origin.clone(), amount: per_contract });
		}
		let deposit = net([StorageDeposit::Charge(charged.saturated_into()), StorageDeposit::Refund(refunded.saturated_into())]);
		Ok((deposit, unmoved))
	}
}
