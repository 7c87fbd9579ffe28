//! A fungible token: balances, transfers, allowances that let another account spend for the
//! owner of the funds, and minting by the token's owner. Every change emits an event.

#![no_std]

use codec::{Decode, Encode};
use scale_info::TypeInfo;
use wasm_contracts_sdk::{
	entry_points, env,
	storage::{Item, Map},
	Address, Balance,
};

const OWNER: Item<Address> = Item::new(b"owner");
const SUPPLY: Item<Balance> = Item::new(b"supply");
const BALANCES: Map<Address, Balance> = Map::new(b"b");
const ALLOWANCES: Map<(Address, Address), Balance> = Map::new(b"a");

/// Why a call of the token fails (its changes undone); the revert message is its encoding.
#[derive(Encode, Decode, TypeInfo, Debug, PartialEq, Eq)]
pub enum TokenError {
	/// The payer holds less than the amount.
	InsufficientBalance,
	/// The spender may spend less than the amount.
	InsufficientAllowance,
	/// Only the owner mints.
	NotOwner,
	/// The supply would pass `u128::MAX`.
	SupplyOverflow,
}

/// `amount` to `to`.
#[derive(Encode, Decode, TypeInfo)]
pub struct Transfer {
	pub to: Address,
	pub amount: Balance,
}

/// Lets `spender` spend up to `amount` of the caller's funds.
#[derive(Encode, Decode, TypeInfo)]
pub struct Approve {
	pub spender: Address,
	pub amount: Balance,
}

/// `amount` from `from` to `to`, by a spender `from` approved.
#[derive(Encode, Decode, TypeInfo)]
pub struct TransferFrom {
	pub from: Address,
	pub to: Address,
	pub amount: Balance,
}

/// The data of a `transfer` event: `amount` moved from `from` to `to` (`from` is `None` for a
/// mint).
#[derive(Encode, Decode, TypeInfo, Debug, PartialEq, Eq)]
pub struct Transferred {
	pub from: Option<Address>,
	pub to: Address,
	pub amount: Balance,
}

/// The data of an `approval` event: `spender` may spend up to `amount` of `owner`'s funds.
#[derive(Encode, Decode, TypeInfo, Debug, PartialEq, Eq)]
pub struct Approved {
	pub owner: Address,
	pub spender: Address,
	pub amount: Balance,
}

fn moved(from: &Address, to: &Address, amount: Balance) -> Result<(), TokenError> {
	BALANCES.try_update(from, |balance| balance.checked_sub(amount).ok_or(TokenError::InsufficientBalance))?;
	// The supply bounds every balance, so a balance cannot overflow.
	BALANCES.update(to, |balance| balance + amount);
	env::emit(b"transfer", &Transferred { from: Some(*from), to: *to, amount });
	Ok(())
}

/// Makes the caller the owner, who may mint.
pub fn instantiate(_: ()) {
	OWNER.save(&env::require_caller("no caller"));
}

/// Creates `amount` for `to`; only the owner may.
pub fn mint(msg: Transfer) -> Result<(), TokenError> {
	if OWNER.get() != env::caller() {
		return Err(TokenError::NotOwner)
	}
	SUPPLY.save(&SUPPLY.load().checked_add(msg.amount).ok_or(TokenError::SupplyOverflow)?);
	BALANCES.update(&msg.to, |balance| balance + msg.amount);
	env::emit(b"transfer", &Transferred { from: None, to: msg.to, amount: msg.amount });
	Ok(())
}

/// Moves `amount` of the caller's funds to `to`.
pub fn transfer(msg: Transfer) -> Result<(), TokenError> {
	moved(&env::require_caller("no caller"), &msg.to, msg.amount)
}

/// Lets `spender` spend up to `amount` of the caller's funds (replacing any earlier allowance).
pub fn approve(msg: Approve) -> Result<(), TokenError> {
	let owner = env::require_caller("no caller");
	ALLOWANCES.save_unless_default(&(owner, msg.spender), &msg.amount);
	env::emit(b"approval", &Approved { owner, spender: msg.spender, amount: msg.amount });
	Ok(())
}

/// Moves `amount` from `from` to `to` out of what `from` allowed the caller.
pub fn transfer_from(msg: TransferFrom) -> Result<(), TokenError> {
	let key = (msg.from, env::require_caller("no caller"));
	ALLOWANCES.try_update(&key, |left| left.checked_sub(msg.amount).ok_or(TokenError::InsufficientAllowance))?;
	moved(&msg.from, &msg.to, msg.amount)
}

/// The funds of `owner`.
pub fn balance_of(owner: Address) -> Balance {
	BALANCES.load(&owner)
}

/// What `spender` may still spend of `owner`'s funds.
pub fn allowance((owner, spender): (Address, Address)) -> Balance {
	ALLOWANCES.load(&(owner, spender))
}

/// All funds in existence.
pub fn total_supply(_: ()) -> Balance {
	SUPPLY.load()
}

entry_points! {
	/// Makes the caller the owner, who may mint.
	instantiate(());
	/// Creates `amount` for `to`; only the owner may.
	execute mint(Transfer) -> Result<(), TokenError>;
	/// Moves `amount` of the caller's funds to `to`.
	execute transfer(Transfer) -> Result<(), TokenError>;
	/// Lets `spender` spend up to `amount` of the caller's funds.
	execute approve(Approve) -> Result<(), TokenError>;
	/// Moves `amount` from `from` to `to` out of what `from` allowed the caller.
	execute transfer_from(TransferFrom) -> Result<(), TokenError>;
	/// The funds of an account.
	query balance_of(Address) -> Balance;
	/// What a spender may still spend of an owner's funds.
	query allowance((Address, Address)) -> Balance;
	/// All funds in existence.
	query total_supply(()) -> Balance;
	/// Funds moved or minted.
	event transfer(Transferred);
	/// An allowance set.
	event approval(Approved);
}
