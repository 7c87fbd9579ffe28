//! The payment module on the real pallet, in the sandbox, with small WAT session modules.

use codec::{Decode, Encode};
use wasm_contracts_sandbox::{contract_module, runtime::UNIT, Address, Sandbox, ALICE, BOB};

/// A session module that sets the account's variable `payment` to `amount`.
fn session_setting_payment(amount: u128) -> Vec<u8> {
	let bytes: String = amount.encode().iter().map(|byte| format!("\\{byte:02x}")).collect();
	wat::parse_str(format!(
		r#"(module
			(import "env" "storage_write" (func $write (param i32 i32 i32 i32) (result i32)))
			(memory (export "memory") 1)
			(data (i32.const 0) "payment")
			(data (i32.const 16) "{bytes}")
			(func (export "call") (drop (call $write (i32.const 0) (i32.const 7) (i32.const 16) (i32.const 16)))))"#
	))
	.expect("the session module parses")
}

/// A session module that does nothing.
fn idle_session() -> Vec<u8> {
	wat::parse_str(r#"(module (memory (export "memory") 1) (func (export "call")))"#).expect("the session module parses")
}

fn variable<T: Decode>(sandbox: &mut Sandbox, who: Address, key: &[u8]) -> Option<T> {
	sandbox.account_variable(who, key).map(|bytes| T::decode(&mut &bytes[..]).expect("the variable decodes"))
}

#[test]
fn pays_for_the_deploy_and_counts_its_payments() {
	let mut sandbox = Sandbox::new();
	let payment = contract_module("payment");
	let before = sandbox.balance(ALICE);
	let deployed = sandbox.deploy(ALICE, &payment, &idle_session(), 0).expect("one unit pays for the deploy");
	assert_eq!(deployed.output, Ok(()));
	assert_eq!(variable::<u32>(&mut sandbox, ALICE, b"payments"), Some(1));
	// What the unit did not cover comes back: Alice spent the deploy's cost and the deposit of
	// her variable, well under the unit paid.
	let spent = before - sandbox.balance(ALICE);
	assert!(spent > 0 && spent < UNIT, "Alice spent {spent}");

	sandbox.deploy(ALICE, &payment, &idle_session(), 0).expect("the second deploy pays");
	assert_eq!(variable::<u32>(&mut sandbox, ALICE, b"payments"), Some(2));
}

#[test]
fn pays_the_amount_the_account_set_and_fails_the_deploy_when_that_is_too_little() {
	let mut sandbox = Sandbox::new();
	let payment = contract_module("payment");
	// The session sets the amount the next deploys pay: one planck, far below a deploy's cost.
	sandbox.deploy(ALICE, &payment, &session_setting_payment(1), 0).expect("the default unit pays");
	assert_eq!(variable::<u128>(&mut sandbox, ALICE, b"payment"), Some(1));

	// The deploy's dry run refuses it, as a client would see before sending it.
	let refused = sandbox.deploy(ALICE, &payment, &idle_session(), 0).unwrap_err();
	assert_eq!(refused.error, "PaymentInsufficient");
}

#[test]
fn an_account_that_cannot_pay_its_amount_is_refused_with_the_modules_message() {
	let mut sandbox = Sandbox::new();
	let payment = contract_module("payment");
	let unaffordable = sandbox.balance(BOB) + UNIT;
	sandbox.deploy(BOB, &payment, &session_setting_payment(unaffordable), 0).expect("the default unit pays");

	let refused = sandbox.deploy(BOB, &payment, &idle_session(), 0).unwrap_err();
	assert_eq!(refused.revert_message.as_deref(), Some(&b"the account cannot pay"[..]));
}
