//! Deploys: a payment module, then a session module, both run on the deploying account.
//!
//! | step | gas | on failure |
//! |---|---|---|
//! | both modules are validated like uploaded code | the base weight | refused: the transaction fee pays the base weight |
//! | payment's `call` runs (or, with an empty payment module, `payment_amount` is paid) | at most the `payment_loan` parameter | its changes are undone; the transaction fee pays the base weight and the gas payment used |
//! | what was paid must cover the inclusion fee and the price of the base weight and payment's gas | | as above (`PaymentInsufficient`) |
//! | the payment phase's storage deposits are settled with the account | | as above |
//! | session's `call` runs | what the rest of the payment buys, at most `session_gas_limit` and `max_contract_gas` | its changes are undone; the payment stands |
//! | the session's storage deposits are settled with the account | | as above |
//! | the account gets back what it paid beyond the inclusion fee and the price of the base weight and of the gas both phases used | | |
//!
//! A deploy that pays is fee-less as a transaction: its whole cost comes out of the payment, so
//! `paid = used + refunded`. What it costs is what its extrinsic would pay as a transaction
//! fee: the inclusion fee ([`Config::InclusionFee`]: base fee and length fee, for the encoded
//! length of its call) and its weight (base weight and the gas of both modules) at
//! [`Config::WeightPrice`].
//! Both modules read and write the account's persistent variables (a child trie of its own)
//! and run with the account as caller and as their own address; contracts they create without
//! a salt get addresses from the account, its nonce and a per-deploy counter.

use crate::{
	code,
	deposit::{StorageChange, StorageOwner},
	error::ExecError,
	exec::{self, CallTree, DeployContext, Frame},
	costs::Cost,
	gas::GasMeter,
	vm::{cache::CachedModule, EntryPoint},
	AccountTrie, BalanceOf, Config, Error, Event, Pallet, Parameters, TrieNonce,
};
use alloc::{rc::Rc, vec::Vec};
use core::cell::Cell;
use frame_support::{
	traits::{
		fungible::Mutate,
		tokens::Preservation,
		Get,
	},
	weights::Weight,
};
use codec::Encode;
use sp_runtime::traits::{AtLeast32BitUnsigned, Convert, SaturatedConversion, Saturating, Zero};
use wasm_contracts_primitives::{abi, StorageDeposit, TrieId};

/// Units of weight (picoseconds of ref_time, bytes of proof) that [`LinearWeightPrice`]'s
/// prices are for.
pub const PRICE_UNIT: u128 = 1_000_000;

/// How deploys price weight; set it to what the transaction fee charges for the same weight.
pub trait WeightPrice<Balance> {
	/// The price of `weight`, rounded up.
	fn price(weight: Weight) -> Balance;
	/// The most weight, in each dimension, that `budget` pays for.
	fn bought(budget: Balance) -> Weight;
}

/// Prices weight by its costlier dimension:
/// `max(ref_time * R, proof_size * P) / 1,000,000`, rounded up, where `R` is the price of a
/// microsecond of ref_time and `P` that of 1,000,000 bytes of proof.
pub struct LinearWeightPrice<R, P>(core::marker::PhantomData<(R, P)>);

impl<B: AtLeast32BitUnsigned + Copy, R: Get<B>, P: Get<B>> WeightPrice<B> for LinearWeightPrice<R, P> {
	fn price(weight: Weight) -> B {
		let (ref_time_price, proof_price): (u128, u128) = (R::get().saturated_into(), P::get().saturated_into());
		let ref_time = u128::from(weight.ref_time()).saturating_mul(ref_time_price);
		let proof = u128::from(weight.proof_size()).saturating_mul(proof_price);
		ref_time.max(proof).div_ceil(PRICE_UNIT).saturated_into()
	}

	fn bought(budget: B) -> Weight {
		let budget = budget.saturated_into::<u128>().saturating_mul(PRICE_UNIT);
		let units = |price: B| match price.saturated_into::<u128>() {
			0 => u64::MAX,
			price => (budget / price).saturated_into(),
		};
		Weight::from_parts(units(R::get()), units(P::get()))
	}
}

/// The price of `weight` for deploys.
pub fn gas_cost<T: Config>(weight: Weight) -> BalanceOf<T> {
	T::WeightPrice::price(weight)
}

/// What a deploy may use beyond its payment.
#[derive(Clone, Copy)]
pub struct DeployLimits<Balance> {
	/// Most gas the session module may use.
	pub session_gas: Weight,
	/// Most storage deposit both phases together may take from the account (`None`: no limit).
	pub storage_deposit: Option<Balance>,
}

/// How a deploy went.
pub struct DeployOutcome<T: Config> {
	/// Gas the payment module used.
	pub payment_gas: Weight,
	/// Gas the session module used.
	pub session_gas: Weight,
	/// The peak of the session's gas, the smallest session limit with which it runs as it did.
	pub session_gas_required: Weight,
	/// Gas the session module could use.
	pub session_gas_limit: Weight,
	/// What the payment phase paid.
	pub paid: BalanceOf<T>,
	/// What the deploy cost.
	pub used: BalanceOf<T>,
	/// What went back to the account.
	pub refunded: BalanceOf<T>,
	/// The storage deposit both phases took from (or gave back to) the account.
	pub storage_deposit: StorageDeposit<BalanceOf<T>>,
	/// `Err` when the deploy was refused or its payment failed.
	pub result: Result<(), ExecError>,
	/// How the session ended.
	pub session_result: Result<(), ExecError>,
}

impl<T: Config> DeployOutcome<T> {
	fn refused(error: impl Into<ExecError>, payment_gas: Weight) -> Self {
		Self {
			payment_gas,
			session_gas: Weight::zero(),
			session_gas_required: Weight::zero(),
			session_gas_limit: Weight::zero(),
			paid: Zero::zero(),
			used: Zero::zero(),
			refunded: Zero::zero(),
			storage_deposit: StorageDeposit::Charge(Zero::zero()),
			result: Err(error.into()),
			session_result: Ok(()),
		}
	}
}

impl<T: Config> Pallet<T> {
	/// Base weight of a deploy carrying `payment` and `session`: validating and loading both at
	/// their largest possible decompressed size and with the most declarations that size holds.
	pub(crate) fn deploy_base_weight(payment: &[u8], session: &[u8]) -> Weight {
		crate::costs::deploy::<T>(Self::upload_size_bound(payment), Self::upload_size_bound(session))
	}

	/// The trie of `account`'s persistent variables: the one its record names, or the one its
	/// first write will record ([`Self::ensure_account_trie`]), so that a deploy that stores
	/// nothing, or fails, leaves no record and no deposit behind.
	pub(crate) fn account_trie_id(account: &T::AccountId) -> TrieId {
		AccountTrie::<T>::get(account)
			.unwrap_or_else(|| crate::address::trie_id(&(b"account", account), TrieNonce::<T>::get()))
	}

	/// Records `trie_id` as `account`'s variables trie unless it has one, with the record's
	/// deposit in `tree`, on the first change of its variables in a deploy phase (inside that
	/// phase's storage transaction, so a failed phase takes the record with it). Returns the
	/// weight of the check and of the record's creation. An account's trie id is unique by the
	/// account it is derived from, so no nonce is taken.
	pub(crate) fn ensure_account_trie(tree: &CallTree<T>, account: &T::AccountId, trie_id: TrieId) -> Weight {
		let check = Cost::AccountTrieCheck.weight::<T>();
		if AccountTrie::<T>::contains_key(account) {
			return check
		}
		AccountTrie::<T>::insert(account, trie_id);
		let record = StorageChange::item(crate::deposit::account_record_bytes::<T>());
		tree.record_storage_change(StorageOwner::Account(account.clone()), trie_id, record);
		check.saturating_add(Cost::AccountTrieRecord.weight::<T>())
	}

	/// Encoded length of the runtime call of a deploy with these arguments: the pallet's and the
	/// call's index, then the arguments as the call encodes them.
	pub(crate) fn deploy_call_len(
		payment: &[u8],
		session: &[u8],
		payment_amount: BalanceOf<T>,
		session_gas_limit: Weight,
		storage_deposit_limit: Option<BalanceOf<T>>,
	) -> u32 {
		let arguments = payment.encoded_size() +
			session.encoded_size() +
			codec::Compact::<u128>(payment_amount.saturated_into()).encoded_size() +
			session_gas_limit.encoded_size() +
			storage_deposit_limit.encoded_size();
		u32::try_from(arguments.saturating_add(2)).unwrap_or(u32::MAX)
	}

	/// Runs a deploy of `account`; `base` is its base weight and `call_len` the encoded length of
	/// its call, priced into what it costs.
	pub(crate) fn do_deploy(
		account: T::AccountId,
		payment: Vec<u8>,
		session: Vec<u8>,
		payment_amount: BalanceOf<T>,
		limits: DeployLimits<BalanceOf<T>>,
		base: Weight,
		call_len: u32,
	) -> DeployOutcome<T> {
		let inclusion_fee = T::InclusionFee::convert(call_len);
		let params = Parameters::<T>::get();
		let nonce: u64 = frame_system::Pallet::<T>::account_nonce(&account).saturated_into();
		let deploy = DeployContext { account: *account.as_ref(), nonce, created: Cell::new(0) };
		let tree = CallTree::<T>::for_deploy(params, deploy);
		let prepared = Self::prepare_deploy(&tree, &account, payment, session, limits.session_gas);
		let (payment, session, trie_id) = match prepared {
			Ok(prepared) => prepared,
			Err(error) => return DeployOutcome::refused(error, Weight::zero()),
		};

		let mut payment_gas = GasMeter::new(tree.params().payment_loan, crate::costs::fuel_unit::<T>());
		let paid = Self::settled(&tree, &account, limits.storage_deposit, || {
			let paid = match &payment {
				None => {
					exec::transfer::<T>(&account, &T::FeeDestination::get(), payment_amount)?;
					payment_amount
				},
				Some(module) => Self::run_payment(&tree, &mut payment_gas, &account, &trie_id, module)?,
			};
			let payment_cost = inclusion_fee.saturating_add(gas_cost::<T>(base.saturating_add(payment_gas.consumed())));
			if paid < payment_cost {
				return Err(Error::<T>::PaymentInsufficient.into())
			}
			Ok(paid)
		});
		let (paid, payment_deposit) = match paid {
			Ok((paid, deposit, unused)) => {
				payment_gas.refund(unused);
				(paid, deposit)
			},
			Err(error) => return DeployOutcome::refused(error, payment_gas.consumed()),
		};

		// What is left after the inclusion fee buys the base weight and the gas of both phases.
		let bought = T::WeightPrice::bought(paid.saturating_sub(inclusion_fee));
		let session_limit =
			limits.session_gas.min(bought.saturating_sub(base.saturating_add(payment_gas.consumed())));
		let mut session_gas = GasMeter::new(session_limit, crate::costs::fuel_unit::<T>());
		let session_deposit_limit = limits.storage_deposit.map(|limit| match payment_deposit {
			StorageDeposit::Charge(charged) => limit.saturating_sub(charged),
			StorageDeposit::Refund(refunded) => limit.saturating_add(refunded),
		});
		let session = Self::settled(&tree, &account, session_deposit_limit, || {
			Self::run_module(&tree, &mut session_gas, &account, &trie_id, &session, false).1.map(|_| ())
		});
		let (session_result, session_deposit) = match session {
			Ok(((), deposit, unused)) => {
				session_gas.refund(unused);
				(Ok(()), deposit)
			},
			Err(error) => (Err(error), StorageDeposit::Charge(Zero::zero())),
		};

		let total_gas = base.saturating_add(payment_gas.consumed()).saturating_add(session_gas.consumed());
		let mut used = inclusion_fee.saturating_add(gas_cost::<T>(total_gas)).min(paid);
		let mut refunded = paid.saturating_sub(used);
		if !refunded.is_zero() {
			// The destination received `paid` in this deploy, so it can give back a part of it
			// unless it is frozen; then the deploy keeps it all.
			let destination = T::FeeDestination::get();
			if T::Currency::transfer(&destination, &account, refunded, Preservation::Expendable).is_err() {
				(used, refunded) = (paid, Zero::zero());
			}
		}
		Self::deposit_event(Event::Deployed {
			account,
			paid,
			used,
			refunded,
			payment_gas: payment_gas.consumed(),
			session_gas: session_gas.consumed(),
			session_result: session_result.clone().map_err(|error| error.error),
		});
		DeployOutcome {
			payment_gas: payment_gas.consumed(),
			session_gas: session_gas.consumed(),
			session_gas_required: session_gas.required(),
			session_gas_limit: session_limit,
			paid,
			used,
			refunded,
			storage_deposit: crate::deposit::net([payment_deposit, session_deposit]),
			result: Ok(()),
			session_result,
		}
	}

	/// Checks the gas limit, validates both modules (`None` payment: the standard payment) and
	/// compiles them for `tree`, and finds the account's trie.
	fn prepare_deploy(
		tree: &Rc<CallTree<T>>,
		account: &T::AccountId,
		payment: Vec<u8>,
		session: Vec<u8>,
		session_gas_limit: Weight,
	) -> Result<(Option<CachedModule>, CachedModule, TrieId), ExecError> {
		let params = tree.params();
		if session_gas_limit.any_gt(params.max_contract_gas) {
			return Err(Error::<T>::GasLimitTooHigh.into())
		}
		let compile = |code: Vec<u8>| -> Result<CachedModule, ExecError> {
			let (wasm, footprint) = code::prepare::<T>(code, params)?;
			tree.vm().compile_validated(sp_io::hashing::blake2_256(&wasm), &wasm, footprint)
		};
		let payment = if payment.is_empty() { None } else { Some(compile(payment)?) };
		let session = compile(session)?;
		Ok((payment, session, Self::account_trie_id(account)))
	}

	/// Runs the payment module and returns what it paid; a payment that pays nothing fails with
	/// `PaymentNotMade`, one that passes the loan with `PaymentLoanExceeded`.
	fn run_payment(
		tree: &Rc<CallTree<T>>,
		gas: &mut GasMeter,
		account: &T::AccountId,
		trie_id: &TrieId,
		module: &CachedModule,
	) -> Result<BalanceOf<T>, ExecError> {
		let (paid, result) = Self::run_module(tree, gas, account, trie_id, module, true);
		match result {
			Err(error) if error.is_out_of_gas::<T>() => Err(Error::<T>::PaymentLoanExceeded.into()),
			Err(error) => Err(error),
			Ok(_) => match paid {
				Some(paid) if !paid.is_zero() => Ok(paid),
				_ => Err(Error::<T>::PaymentNotMade.into()),
			},
		}
	}

	/// Runs the `call` export of a deploy module as `account` on its variables, as the payment
	/// module when `is_payment`; returns what it paid and the module's outcome.
	fn run_module(
		tree: &Rc<CallTree<T>>,
		gas: &mut GasMeter,
		account: &T::AccountId,
		trie_id: &TrieId,
		module: &CachedModule,
		is_payment: bool,
	) -> (Option<BalanceOf<T>>, Result<Vec<u8>, ExecError>) {
		let mut frame = Frame::<T>::on_account_variables(tree, account.clone(), trie_id);
		if is_payment {
			frame = frame.into_payment();
		}
		let (frame, result) = frame.run(module, EntryPoint::Required(abi::DEPLOY_EXPORT), gas);
		(frame.paid(), result)
	}
}

