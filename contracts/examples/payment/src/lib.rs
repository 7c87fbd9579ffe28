//! A deploy's payment module: pays for the deploy from the deploying account. It pays the
//! amount the account's variable `payment` holds (a SCALE `u128`), or one unit (10^12) when the
//! account has not set one, and counts its payments in the variable `payments`.

#![no_std]

use wasm_contracts_sdk::{entry_points, env, storage::Item, Balance};

const AMOUNT: Item<Balance> = Item::new(b"payment");
const PAYMENTS: Item<u32> = Item::new(b"payments");

/// One unit of the parachain's currency.
const DEFAULT_AMOUNT: Balance = 1_000_000_000_000;

/// Pays for the deploy.
pub fn call(_: ()) {
	let amount = AMOUNT.get().unwrap_or(DEFAULT_AMOUNT);
	if env::pay(amount).is_err() {
		env::revert("the account cannot pay");
	}
	PAYMENTS.save(&(PAYMENTS.load() + 1));
}

entry_points! {
	call(());
}
