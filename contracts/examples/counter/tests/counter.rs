//! The Rust counter on the real pallet, in the sandbox.

use wasm_contracts_sandbox::{contract_module, Sandbox, StorageDeposit, ALICE, BOB};

fn counter() -> (Sandbox, wasm_contracts_sandbox::Address) {
	let mut sandbox = Sandbox::new();
	let code_id = sandbox.upload(ALICE, &contract_module("counter")).expect("the counter uploads");
	let contract = sandbox.instantiate(ALICE, code_id, &(), 0).expect("the counter instantiates").output;
	(sandbox, contract)
}

#[test]
fn increment_counts_up_and_get_reads_the_count() {
	let (mut sandbox, counter) = counter();
	assert_eq!(sandbox.query::<_, u32>(counter, "get", &()), Ok(0));
	let first = sandbox.execute::<_, u32>(ALICE, counter, "increment", &(), 0).unwrap();
	assert_eq!(first.output, 1);
	assert_eq!(sandbox.execute::<_, u32>(BOB, counter, "increment", &(), 0).unwrap().output, 2);
	assert_eq!(sandbox.query::<_, u32>(counter, "get", &()), Ok(2));
	// Stored as the WAT counter stores it: a little-endian u32 under "counter".
	assert_eq!(sandbox.storage(counter, b"counter"), Some(2u32.to_le_bytes().to_vec()));
}

#[test]
fn the_first_increment_pays_for_the_stored_count_and_later_ones_do_not() {
	let (mut sandbox, counter) = counter();
	let first = sandbox.execute::<_, u32>(ALICE, counter, "increment", &(), 0).unwrap();
	let StorageDeposit::Charge(deposit) = first.storage_deposit else { panic!("a new key is charged") };
	assert!(deposit > 0);
	assert_eq!(sandbox.held(counter), deposit, "the counter holds the key's deposit");
	let second = sandbox.execute::<_, u32>(ALICE, counter, "increment", &(), 0).unwrap();
	assert_eq!(second.storage_deposit, StorageDeposit::Charge(0));
	assert!(second.gas_used.ref_time() > 0);
}

#[test]
fn a_query_cannot_increment() {
	let (mut sandbox, counter) = counter();
	let refused = sandbox.query::<_, u32>(counter, "increment", &()).unwrap_err();
	assert_eq!(refused.error, "StateChangeInReadOnlyCall");
	assert_eq!(sandbox.query::<_, u32>(counter, "get", &()), Ok(0));
}

#[test]
fn a_message_that_does_not_decode_reverts_with_invalid_message() {
	let (mut sandbox, counter) = counter();
	// `increment` takes `()`, whose encoding is empty: one byte more is not that message.
	let refused = sandbox.execute::<_, u32>(ALICE, counter, "increment", &1u8, 0).unwrap_err();
	assert_eq!(refused.error, "ContractReverted");
	assert_eq!(refused.revert_message.as_deref(), Some(&b"invalid message"[..]));
	assert_eq!(sandbox.storage(counter, b"counter"), None);
}

#[test]
fn an_overflowing_count_reverts_with_the_panic_message_and_keeps_the_count() {
	let (mut sandbox, counter) = counter();
	sandbox.set_storage(counter, b"counter", &u32::MAX.to_le_bytes());
	let refused = sandbox.execute::<_, u32>(ALICE, counter, "increment", &(), 0).unwrap_err();
	assert_eq!(refused.error, "ContractReverted");
	assert_eq!(refused.revert_message.as_deref(), Some(&b"attempt to add with overflow"[..]));
	assert_eq!(sandbox.query::<_, u32>(counter, "get", &()), Ok(u32::MAX));
}
