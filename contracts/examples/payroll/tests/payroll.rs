//! The payment and payroll modules as one deploy, on the real pallet in the sandbox.

use codec::Decode;
use wasm_contracts_sandbox::{contract_module, runtime::UNIT, Sandbox, ALICE, BOB, CHARLIE};

fn variable<T: Decode>(sandbox: &mut Sandbox, key: &[u8]) -> Option<T> {
	sandbox.account_variable(ALICE, key).map(|bytes| T::decode(&mut &bytes[..]).expect("the variable decodes"))
}

#[test]
fn a_deploy_pays_the_payroll_from_the_account_and_counts_it() {
	let mut sandbox = Sandbox::new();
	let (payment, payroll) = (contract_module("payment"), contract_module("payroll"));
	let (alice, bob, charlie) = (sandbox.balance(ALICE), sandbox.balance(BOB), sandbox.balance(CHARLIE));

	let deployed = sandbox.deploy(ALICE, &payment, &payroll, 0).expect("the deploy pays");
	assert_eq!(deployed.output, Ok(()), "the session ran");
	assert_eq!(sandbox.balance(BOB), bob + 3 * UNIT);
	assert_eq!(sandbox.balance(CHARLIE), charlie + 3 * UNIT / 2);
	assert_eq!(variable::<u32>(&mut sandbox, b"runs"), Some(1));
	assert_eq!(variable::<u128>(&mut sandbox, b"paid"), Some(9 * UNIT / 2));
	assert_eq!(variable::<u32>(&mut sandbox, b"payments"), Some(1));
	// Alice paid the payroll, the deploy's cost and the deposit of her new variables; the
	// payment module's unit covered the cost, and what it did not use came back.
	let spent = alice - sandbox.balance(ALICE);
	assert!(spent > 9 * UNIT / 2 && spent < 9 * UNIT / 2 + UNIT, "Alice spent {spent}");

	sandbox.deploy(ALICE, &payment, &payroll, 0).expect("the second deploy pays");
	assert_eq!(variable::<u32>(&mut sandbox, b"runs"), Some(2));
	assert_eq!(sandbox.balance(BOB), bob + 6 * UNIT);
}
