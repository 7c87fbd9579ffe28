//! The factory creating, funding and calling counters, on the real pallet in the sandbox.

use factory::FactoryError;
use wasm_contracts_sandbox::{contract_module, runtime::UNIT, Address, Sandbox, ALICE, BOB};

/// A factory of counters, instantiated by Alice with 10 units, from which it pays the
/// existential deposit of each counter it creates.
fn factory() -> (Sandbox, Address) {
	let mut sandbox = Sandbox::new();
	let counter_code = sandbox.upload(ALICE, &contract_module("counter")).unwrap();
	let factory_code = sandbox.upload(ALICE, &contract_module("factory")).unwrap();
	let factory = sandbox.instantiate(ALICE, factory_code, &counter_code, 10 * UNIT).unwrap().output;
	(sandbox, factory)
}

#[test]
fn creates_funded_counters_and_calls_them() {
	let (mut sandbox, factory) = factory();
	let first = sandbox.execute::<_, Address>(BOB, factory, "create", &(), 2 * UNIT).unwrap().output;
	let second = sandbox.execute::<_, Address>(BOB, factory, "create", &(), 0).unwrap().output;
	assert_ne!(first, second);
	assert!(sandbox.contract_exists(first) && sandbox.contract_exists(second));
	assert_eq!(sandbox.query::<_, Vec<Address>>(factory, "counters", &()), Ok(vec![first, second]));
	// The value Bob sent went on to the first counter, on top of its existential deposit.
	assert_eq!(sandbox.balance(first), 2 * UNIT + wasm_contracts_sandbox::runtime::EXISTENTIAL_DEPOSIT);

	assert_eq!(sandbox.execute::<_, u32>(BOB, factory, "increment", &0u32, 0).unwrap().output, 1);
	assert_eq!(sandbox.execute::<_, u32>(ALICE, factory, "increment", &0u32, 0).unwrap().output, 2);
	assert_eq!(sandbox.query::<_, u32>(first, "get", &()), Ok(2));
	assert_eq!(sandbox.query::<_, u32>(second, "get", &()), Ok(0));
}

#[test]
fn a_list_longer_than_the_stack_buffer_is_returned_whole() {
	let (mut sandbox, factory) = factory();
	// Five addresses encode in 161 bytes: past the 128 the SDK encodes on the stack.
	let created: Vec<Address> =
		(0..5).map(|_| sandbox.execute::<_, Address>(BOB, factory, "create", &(), 0).unwrap().output).collect();
	assert_eq!(sandbox.query::<_, Vec<Address>>(factory, "counters", &()), Ok(created));
}

#[test]
fn a_counter_that_reverts_fails_the_factorys_call_with_the_host_error() {
	let (mut sandbox, factory) = factory();
	let counter = sandbox.execute::<_, Address>(BOB, factory, "create", &(), 0).unwrap().output;
	sandbox.set_storage(counter, b"counter", &u32::MAX.to_le_bytes());
	let refused = sandbox.execute::<_, u32>(BOB, factory, "increment", &0u32, 0).unwrap_err();
	assert_eq!(refused.reverted_with::<FactoryError>(), Some(FactoryError::Host(wasm_contracts_sdk::Error::CalleeReverted)));
	assert_eq!(sandbox.query::<_, u32>(counter, "get", &()), Ok(u32::MAX));
}

#[test]
fn an_unknown_counter_is_refused_with_the_factory_error() {
	let (mut sandbox, factory) = factory();
	let refused = sandbox.execute::<_, u32>(BOB, factory, "increment", &7u32, 0).unwrap_err();
	assert_eq!(refused.reverted_with::<FactoryError>(), Some(FactoryError::UnknownCounter));
}

#[test]
fn only_the_owner_sends_the_factorys_funds() {
	let (mut sandbox, factory) = factory();
	sandbox.execute::<_, Address>(BOB, factory, "create", &(), 0).unwrap();
	// Funds sent to the factory itself, with a call that creates nothing else.
	sandbox.execute::<_, Vec<Address>>(BOB, factory, "counters", &(), 5 * UNIT).unwrap();
	let refused = sandbox.execute::<_, ()>(BOB, factory, "send", &(BOB, UNIT), 0).unwrap_err();
	assert_eq!(refused.reverted_with::<FactoryError>(), Some(FactoryError::NotOwner));
	let before = sandbox.balance(BOB);
	sandbox.execute::<_, ()>(ALICE, factory, "send", &(BOB, UNIT), 0).unwrap();
	assert_eq!(sandbox.balance(BOB), before + UNIT);
}
