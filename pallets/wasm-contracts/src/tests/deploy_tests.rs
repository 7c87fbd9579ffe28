//! Deploys: payment then session, on the account's own variables, with exact accounting.

use super::*;
use crate::{address, deploy::gas_cost, ContractInfoOf, Error, Event};
use codec::Encode;
use frame_support::dispatch::Pays;
use wasm_contracts_primitives::StorageDeposit;

const PAID: Balance = 500_000;

struct Balances {
	account: Balance,
	treasury: Balance,
	/// The storage deposit a dry run of the deploy about to run reports.
	deposit: Balance,
}

fn balances_of(account: &AccountId) -> Balances {
	Balances { account: balance(account), treasury: balance(&TREASURY), deposit: 0 }
}

/// Alice's and the treasury's balances before a deploy of `payment` and `session`, with the
/// storage deposit its dry run reports.
fn before_deploy(payment: &str, session: &str) -> Balances {
	let dry_run = Contracts::dry_run_deploy(ALICE, payment_module(payment), fixture(session), PAID, Some(gas()));
	let StorageDeposit::Charge(deposit) = dry_run.storage_deposit else { panic!("a deploy that only adds state") };
	Balances { deposit, ..balances_of(&ALICE) }
}

fn deploy(payment: &str, session: &str) -> Result<PostDispatchInfo, DispatchErrorWithPostInfo> {
	Contracts::deploy(RuntimeOrigin::signed(ALICE), payment_module(payment), fixture(session), PAID, gas(), None)
}

fn payment_module(name: &str) -> Vec<u8> {
	if name.is_empty() { vec![] } else { fixture(name) }
}

/// The inclusion fee of the deploy extrinsic's call, from its encoding in the runtime call.
fn inclusion_fee_of(payment: &str, session: &str) -> Balance {
	let call = RuntimeCall::Contracts(crate::Call::deploy {
		payment: payment_module(payment),
		session: fixture(session),
		payment_amount: PAID,
		session_gas_limit: gas(),
		storage_deposit_limit: None,
	});
	<InclusionFee as sp_runtime::traits::Convert<u32, Balance>>::convert(call.encoded_size() as u32)
}

fn variable(key: &[u8]) -> Option<Vec<u8>> {
	Contracts::get_account_variable(ALICE, key.to_vec()).unwrap()
}

/// The `Deployed` event of the last deploy.
fn deployed() -> (Balance, Balance, Balance, Weight, Weight, Result<(), DispatchError>) {
	contract_events()
		.into_iter()
		.rev()
		.find_map(|event| match event {
			Event::Deployed { paid, used, refunded, payment_gas, session_gas, session_result, .. } =>
				Some((paid, used, refunded, payment_gas, session_gas, session_result)),
			_ => None,
		})
		.expect("a Deployed event")
}

/// Checks `paid = used + refunded`, that the account lost exactly `used` (plus the existential
/// deposits of the contracts its session created and the storage deposit its dry run reported)
/// and the treasury gained `used`, and that `used` is
/// the inclusion fee of the deploy's call (`payment` and `session`) and the price of the weight
/// the deploy reported.
fn assert_accounts_add_up(before: Balances, post: &PostDispatchInfo, contracts_created: Balance, modules: (&str, &str)) {
	let (paid, used, refunded, _, _, _) = deployed();
	assert_eq!(paid, used + refunded);
	let after = balances_of(&ALICE);
	assert_eq!(before.account - after.account, used + contracts_created * EXISTENTIAL_DEPOSIT + before.deposit);
	assert_eq!(after.treasury - before.treasury, used);
	assert_eq!(used, inclusion_fee_of(modules.0, modules.1) + gas_cost::<Test>(post.actual_weight.unwrap()));
	assert_eq!(post.pays_fee, Pays::No);
}

#[test]
fn session_creates_a_counter_increments_it_and_writes_a_variable() {
	new_test_ext().execute_with(|| {
		let counter_code = upload(&BOB, fixture("counter"));
		assert_eq!(counter_code, 1);
		let before = before_deploy("deploy_pay", "deploy_session_counter");
		assert!(before.deposit > 0, "the session stores variables and creates a contract");
		let post = deploy("deploy_pay", "deploy_session_counter").unwrap();

		let counter = address::deploy_address::<Test>(&ALICE, 0, 0);
		assert_eq!(variable(b"counter"), Some(AsRef::<[u8; 32]>::as_ref(&counter).to_vec()));
		assert_eq!(variable(b"count"), Some(1u32.to_le_bytes().to_vec()));
		assert_eq!(variable(b"payment"), Some(b"payment".to_vec()));
		assert_eq!(stored(&counter, b"counter"), Some(1u32.to_le_bytes().to_vec()));
		let info = ContractInfoOf::<Test>::get(&counter).unwrap();
		assert_eq!((info.creator, info.admin), (ALICE, Some(ALICE)));

		let (paid, _, refunded, payment_gas, session_gas, session_result) = deployed();
		assert_eq!((paid, session_result), (PAID, Ok(())));
		assert!(refunded > 0 && payment_gas.ref_time() > 0 && session_gas.ref_time() > 0);
		assert_accounts_add_up(before, &post, 1, ("deploy_pay", "deploy_session_counter"));
	});
}

#[test]
fn standard_payment_pays_the_given_amount() {
	new_test_ext().execute_with(|| {
		upload(&BOB, fixture("counter"));
		let before = before_deploy("", "deploy_session_counter");
		let post = deploy("", "deploy_session_counter").unwrap();
		assert_eq!(variable(b"count"), Some(1u32.to_le_bytes().to_vec()));
		let (paid, _, _, payment_gas, _, _) = deployed();
		assert_eq!((paid, payment_gas), (PAID, Weight::zero()));
		assert_accounts_add_up(before, &post, 1, ("", "deploy_session_counter"));
	});
}

#[test]
fn payment_that_never_pays_is_undone_and_charged_as_a_fee() {
	new_test_ext().execute_with(|| {
		upload(&BOB, fixture("counter"));
		let before = balances_of(&ALICE);
		let failure = deploy("deploy_pay_nothing", "deploy_session_counter").unwrap_err();
		assert_eq!(failure.error, Error::<Test>::PaymentNotMade.into());
		assert_eq!(failure.post_info.pays_fee, Pays::Yes);
		let base = Contracts::deploy_base_weight(&fixture("deploy_pay_nothing"), &fixture("deploy_session_counter"));
		let charged = failure.post_info.actual_weight.unwrap();
		assert!(charged.ref_time() > base.ref_time(), "the payment's gas is charged");
		assert!(charged.all_lte(base + Params::default().payment_loan));
		assert_eq!(variable(b"payment"), None);
		assert_eq!(variable(b"count"), None);
		let after = balances_of(&ALICE);
		assert_eq!((after.account, after.treasury), (before.account, before.treasury));
	});
}

#[test]
fn payment_past_the_loan_is_undone() {
	new_test_ext().execute_with(|| {
		upload(&BOB, fixture("counter"));
		let before = balances_of(&ALICE);
		let failure = deploy("deploy_pay_then_loop", "deploy_session_counter").unwrap_err();
		assert_eq!(failure.error, Error::<Test>::PaymentLoanExceeded.into());
		let base = Contracts::deploy_base_weight(&fixture("deploy_pay_then_loop"), &fixture("deploy_session_counter"));
		assert_eq!(failure.post_info.actual_weight, Some(base + Params::default().payment_loan));
		let after = balances_of(&ALICE);
		assert_eq!((after.account, after.treasury), (before.account, before.treasury), "the payment was undone");
	});
}

#[test]
fn payment_below_its_own_cost_is_refused() {
	new_test_ext().execute_with(|| {
		let before = balances_of(&ALICE);
		let failure = deploy("deploy_pay_too_little", "deploy_session_loop").unwrap_err();
		assert_eq!(failure.error, Error::<Test>::PaymentInsufficient.into());
		assert_eq!(balances_of(&ALICE).account, before.account);
		assert_eq!(variable(b"session"), None);
	});
}

#[test]
fn session_out_of_gas_is_undone_and_payment_stands() {
	new_test_ext().execute_with(|| {
		let before = before_deploy("deploy_pay", "deploy_session_loop");
		let post = deploy("deploy_pay", "deploy_session_loop").unwrap();
		let (paid, used, refunded, payment_gas, session_gas, session_result) = deployed();
		assert_eq!(session_result, Err(Error::<Test>::OutOfGas.into()));
		assert_eq!(variable(b"session"), None, "the session was undone");
		assert_eq!(variable(b"payment"), Some(b"payment".to_vec()), "the payment stands");
		// The session used all the gas the payment bought: what is refunded is the rounding.
		let base = Contracts::deploy_base_weight(&fixture("deploy_pay"), &fixture("deploy_session_loop"));
		let inclusion_fee = inclusion_fee_of("deploy_pay", "deploy_session_loop");
		let bought = (paid - inclusion_fee) as u128 * crate::deploy::PRICE_UNIT / RefTimePrice::get() as u128;
		assert_eq!((base + payment_gas + session_gas).ref_time() as u128, bought);
		assert_eq!(used, inclusion_fee + gas_cost::<Test>(base + payment_gas + session_gas));
		assert_eq!(refunded, paid - used);
		assert_accounts_add_up(before, &post, 0, ("deploy_pay", "deploy_session_loop"));
	});
}

#[test]
fn two_contracts_in_one_session_get_distinct_predictable_addresses() {
	new_test_ext().execute_with(|| {
		upload(&BOB, fixture("counter"));
		frame_system::Pallet::<Test>::inc_account_nonce(&ALICE);
		let post = deploy("deploy_pay", "deploy_session_two_contracts").unwrap();
		let first = address::deploy_address::<Test>(&ALICE, 1, 0);
		let second = address::deploy_address::<Test>(&ALICE, 1, 1);
		assert_ne!(first, second);
		assert_eq!(variable(b"first"), Some(AsRef::<[u8; 32]>::as_ref(&first).to_vec()));
		assert_eq!(variable(b"second"), Some(AsRef::<[u8; 32]>::as_ref(&second).to_vec()));
		assert!(ContractInfoOf::<Test>::contains_key(&first) && ContractInfoOf::<Test>::contains_key(&second));
		assert_eq!(post.pays_fee, Pays::No);
	});
}

#[test]
fn dry_run_reports_what_the_deploy_does() {
	new_test_ext().execute_with(|| {
		upload(&BOB, fixture("counter"));
		let dry_run = Contracts::dry_run_deploy(
			ALICE,
			fixture("deploy_pay"),
			fixture("deploy_session_counter"),
			PAID,
			None,
		);
		assert_eq!(dry_run.result, Ok(()));
		assert_eq!(variable(b"count"), None, "a dry run keeps nothing");
		deploy("deploy_pay", "deploy_session_counter").unwrap();
		let (paid, used, refunded, payment_gas, session_gas, session_result) = deployed();
		assert_eq!(
			(dry_run.paid, dry_run.used, dry_run.refunded),
			(paid, used, refunded)
		);
		assert_eq!((dry_run.payment_gas_consumed, dry_run.session_gas_consumed), (payment_gas, session_gas));
		assert_eq!(dry_run.session_result, session_result);
		assert!(dry_run.events.iter().any(|record| matches!(record.event, RuntimeEvent::Contracts(Event::Deployed { .. }))));
	});
}

#[test]
fn a_session_limit_of_the_dry_runs_gas_required_runs_the_session_and_one_below_does_not() {
	new_test_ext().execute_with(|| {
		upload(&BOB, fixture("counter"));
		let dry_run_with = |limit: Option<Weight>| {
			Contracts::dry_run_deploy(ALICE, fixture("deploy_pay"), fixture("deploy_session_counter"), PAID, limit)
		};
		let dry_run = dry_run_with(None);
		assert_eq!(dry_run.session_result, Ok(()));
		let required = dry_run.session_gas_required;
		// The session's storage writes reserve the proof of the largest value and give back
		// what the values did not use: a limit of what it consumed runs out of gas.
		assert!(required.all_gte(dry_run.session_gas_consumed) && required != dry_run.session_gas_consumed);
		assert_eq!(dry_run_with(Some(dry_run.session_gas_consumed)).session_result, Err(Error::<Test>::OutOfGas.into()));
		assert_eq!(dry_run_with(Some(required)).session_result, Ok(()));
		assert_eq!(dry_run_with(Some(required - Weight::from_parts(1, 0))).session_result, Err(Error::<Test>::OutOfGas.into()));
		assert_eq!(dry_run_with(Some(required - Weight::from_parts(0, 1))).session_result, Err(Error::<Test>::OutOfGas.into()));

		// The extrinsic agrees with the dry run.
		Contracts::deploy(RuntimeOrigin::signed(ALICE), fixture("deploy_pay"), fixture("deploy_session_counter"), PAID, required, None)
			.unwrap();
		assert_eq!(deployed().5, Ok(()));
		assert_eq!(variable(b"count"), Some(1u32.to_le_bytes().to_vec()));
	});
}

#[test]
fn pay_works_only_in_the_payment_module() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, wat(r#"(module
			(import "env" "pay" (func $pay (param i32) (result i32)))
			(memory (export "memory") 1)
			(func (export "try_pay") (result i32) (call $pay (i32.const 0))))"#));
		let contract = instantiate(&ALICE, code_id, vec![], None);
		let code = dry_execute(&BOB, &contract, "try_pay", vec![]).unwrap();
		let expected = wasm_contracts_primitives::abi::ReturnCode::NotPaymentPhase as u32;
		assert_eq!(code, expected.to_le_bytes().to_vec());
	});
}

#[test]
fn deploy_modules_are_validated_like_uploads() {
	new_test_ext().execute_with(|| {
		let floats = wat(r#"(module (func (export "call") (drop (f32.const 1))))"#);
		let result = Contracts::deploy(RuntimeOrigin::signed(ALICE), vec![], floats, PAID, gas(), None);
		assert_eq!(error_of(result), Error::<Test>::FloatsNotAllowed.into());
		let too_much = gas() + Weight::from_parts(1, 0);
		let result = Contracts::deploy(RuntimeOrigin::signed(ALICE), vec![], fixture("deploy_session_loop"), PAID, too_much, None);
		assert_eq!(error_of(result), Error::<Test>::GasLimitTooHigh.into());
	});
}

/// `wasm` with a custom section of `len` bytes appended: a module that carries more bytes but
/// runs the same.
fn padded(mut wasm: Vec<u8>, len: usize) -> Vec<u8> {
	let name = b"padding";
	let payload = 1 + name.len() + len;
	wasm.push(0);
	let mut size = payload;
	loop {
		let byte = (size & 0x7f) as u8;
		size >>= 7;
		wasm.push(if size == 0 { byte } else { byte | 0x80 });
		if size == 0 {
			break
		}
	}
	wasm.push(name.len() as u8);
	wasm.extend_from_slice(name);
	wasm.extend(core::iter::repeat(0u8).take(len));
	wasm
}

#[test]
fn a_deploy_pays_the_length_fee_of_the_bytes_it_carries() {
	new_test_ext().execute_with(|| {
		upload(&BOB, fixture("counter"));
		let used_by = |payment: Vec<u8>| {
			assert_ok!(Contracts::deploy(RuntimeOrigin::signed(ALICE), payment, fixture("deploy_session_counter"), PAID, gas(), None));
			deployed().1
		};
		let small = used_by(fixture("deploy_pay"));
		let large = used_by(padded(fixture("deploy_pay"), 64 * 1024));
		// One unit per byte of length fee, and the base weight of validating the larger module.
		assert!(large - small >= 64 * 1024, "64 KiB more cost {} more", large - small);
	});
}

#[test]
fn weight_is_priced_by_its_costlier_dimension_and_budgets_buy_no_more_than_they_pay() {
	type Price = crate::deploy::LinearWeightPrice<RefTimePrice, ProofSizePrice>;
	use crate::deploy::WeightPrice;
	// 1 per microsecond of ref_time, 1,000 per megabyte of proof.
	assert_eq!(<Price as WeightPrice<Balance>>::price(Weight::from_parts(5_000_000, 1_000)), 5);
	assert_eq!(<Price as WeightPrice<Balance>>::price(Weight::from_parts(5_000_000, 1_000_000)), 1_000);
	assert_eq!(<Price as WeightPrice<Balance>>::price(Weight::from_parts(1, 0)), 1, "rounded up");
	for budget in [0, 1, 999, 1_000, 123_456] {
		let bought = <Price as WeightPrice<Balance>>::bought(budget);
		assert!(<Price as WeightPrice<Balance>>::price(bought) <= budget);
		assert_eq!(bought, Weight::from_parts(budget * 1_000_000, budget * 1_000));
	}
}

#[test]
fn reading_a_variable_under_a_key_no_variable_can_have_is_refused() {
	new_test_ext().execute_with(|| {
		let too_long = vec![1u8; Params::default().max_storage_key_len as usize + 1];
		assert_eq!(
			Contracts::get_account_variable(ALICE, too_long),
			Err(wasm_contracts_primitives::StorageReadError::KeyTooLong)
		);
		assert_eq!(Contracts::get_account_variable(ALICE, b"absent".to_vec()), Ok(None));
	});
}

#[test]
fn a_dry_run_of_a_deploy_names_the_contracts_its_transaction_creates() {
	new_test_ext().execute_with(|| {
		upload(&BOB, fixture("counter"));
		let instantiated = |event: &RuntimeEvent| match event {
			RuntimeEvent::Contracts(Event::Instantiated { contract, .. }) => Some(contract.clone()),
			_ => None,
		};
		let dry_run = Contracts::dry_run_deploy(ALICE, vec![], fixture("deploy_session_counter"), PAID, Some(gas()));
		let predicted = dry_run.events.iter().find_map(|record| instantiated(&record.event));
		assert!(predicted.is_some());
		// The transaction's nonce check raises the nonce before the deploy is dispatched.
		System::inc_account_nonce(&ALICE);
		assert_ok!(deploy("", "deploy_session_counter"));
		let created = System::events().iter().find_map(|record| instantiated(&record.event));
		assert_eq!(predicted, created);
		assert_eq!(created, Some(address::deploy_address::<Test>(&ALICE, 1, 0)));
	});
}
