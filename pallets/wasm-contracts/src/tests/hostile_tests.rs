//! Attacks on what a call may consume: each shape is refused with a named error and no state
//! change, or accepted and charged for what it makes the runtime do.

use super::*;
use crate::{
	exec::{self, CallTree},
	costs::fuel_unit,
	gas::GasMeter,
	vm::{self, cache},
	BlockEventBytes, Error,
};
use frame_support::assert_ok;
use wasm_contracts_primitives::limits::{
	EVENT_RECORD_OVERHEAD, MAX_CODE_BYTES_PER_CALL, MAX_EXPORTS, MAX_HISTORY_PAGE, MAX_MODULES_PER_CALL,
};

/// A module whose export `run` holds `functions` functions each with a block of `arity`
/// results that a `br_table` of `targets` targets leaves: the costliest shape to validate and
/// translate per byte when blocks may yield many values.
fn br_table_module(arity: usize, targets: usize, functions: usize) -> Vec<u8> {
	let results = "i32 ".repeat(arity);
	let values = "(i32.const 0) ".repeat(arity);
	let labels = "0 ".repeat(targets);
	// A single result is written inline: a type index as block type is itself multi-value.
	let block_type = if arity == 1 { "(result i32)" } else { "(type $t)" };
	let body = format!("(block $b {block_type} {values} (i32.const 0) (br_table {labels} $b)) (drop)");
	let body = if arity > 1 { format!("{body} {}", "(drop) ".repeat(arity - 1)) } else { body };
	let funcs = format!("(func {body})\n").repeat(functions);
	wat(&format!(
		r#"(module (type $t (func (result {results}))) (memory (export "memory") 1) (func (export "run")) {funcs})"#
	))
}

#[test]
fn blocks_of_many_values_are_refused_at_upload_without_state_change() {
	new_test_ext().execute_with(|| {
		for arity in [2, 32, 1_000] {
			let module = br_table_module(arity, 1_000, 2);
			assert_refused_unchanged(
				|| Contracts::upload_code(RuntimeOrigin::signed(ALICE), module.clone(), None),
				Error::<Test>::MultiValueNotAllowed,
			);
		}
		let gzipped = {
			use flate2::{write::GzEncoder, Compression};
			use std::io::Write;
			let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
			encoder.write_all(&br_table_module(1_000, 100_000, 1)).unwrap();
			encoder.finish().unwrap()
		};
		assert!(gzipped.len() < 4_096, "a few KB of gzip carry the whole shape");
		assert_refused_unchanged(
			|| Contracts::upload_code(RuntimeOrigin::signed(ALICE), gzipped.clone(), None),
			Error::<Test>::MultiValueNotAllowed,
		);
	});
}

#[test]
fn functions_returning_many_values_and_loops_taking_values_are_refused() {
	new_test_ext().execute_with(|| {
		let returns_two = wat(r#"(module (func (export "f") (result i32 i32) (i32.const 1) (i32.const 2)))"#);
		let loop_with_param = wat(
			r#"(module (type $t (func (param i32))) (func (export "f") (i32.const 1) (loop (type $t) (drop))))"#,
		);
		for module in [returns_two, loop_with_param] {
			assert_refused_unchanged(
				|| Contracts::upload_code(RuntimeOrigin::signed(ALICE), module.clone(), None),
				Error::<Test>::MultiValueNotAllowed,
			);
		}
	});
}

#[test]
fn single_value_br_tables_are_accepted_and_run() {
	new_test_ext().execute_with(|| {
		let module = br_table_module(1, 10_000, 5);
		let contract = instantiate(&ALICE, upload(&ALICE, module), vec![], None);
		assert_eq!(dry_execute(&BOB, &contract, "run", vec![]), Ok(vec![]));
	});
}

#[test]
fn a_validated_module_is_accepted_by_the_engine_with_full_validation() {
	// Unchecked loading is sound only if whatever the pallet validates, wasmi would too.
	let engine = vm::engine::new_engine(vm::engine::Metering::Fuel, 1);
	let params = Params::default();
	for name in ["counter", "counter_v2", "token", "proxy", "context", "faults", "allocator"] {
		let module = fixture(name);
		assert!(vm::validation::validate(&module, &params, 15).is_ok(), "{name}");
		assert!(wasmi::Module::new(&engine, &module).is_ok(), "{name}");
	}
	assert!(wasmi::Module::new(&engine, br_table_module(1, 1_000, 3)).is_ok());
	assert!(wasmi::Module::new(&engine, br_table_module(2, 10, 1)).is_err(), "the engine refuses multi-value too");
}

/// Gas of calling `entry` of `contract` `times` times in one call tree.
fn gas_of_calls_in_one_tree(contract: &AccountId, entry: &str, times: usize) -> Weight {
	gas_of_calls_with_input(contract, entry, &[], times)
}

/// Gas of calling `entry` of `contract` with `input` `times` times in one call tree.
fn gas_of_calls_with_input(contract: &AccountId, entry: &str, input: &[u8], times: usize) -> Weight {
	let tree = CallTree::<Test>::new(Params::default(), false);
	let mut gas = GasMeter::new(gas(), fuel_unit::<Test>());
	for _ in 0..times {
		exec::call::<Test>(&tree, &mut gas, 1, Some(BOB), contract, entry, input.to_vec(), 0).expect("the call succeeds");
	}
	gas.consumed()
}

#[test]
fn a_call_tree_compiles_each_code_once_and_charges_the_load_once() {
	new_test_ext().execute_with(|| {
		let padding = format!("(func {})\n", filler(300)).repeat(1_000);
		let large = wat(&format!(r#"(module (memory (export "memory") 1) (func (export "run")) {padding})"#));
		let size = large.len() as u32;
		let contract = instantiate(&ALICE, upload(&ALICE, large), vec![], None);
		let once = gas_of_calls_in_one_tree(&contract, "run", 1);
		let twice = gas_of_calls_in_one_tree(&contract, "run", 2);
		let second = twice - once;
		let full_load = crate::costs::Cost::CodeLoad { code_size: size, proof_recorded: false }.weight::<Test>();
		let cached_load = crate::costs::Cost::CodeLoad { code_size: 0, proof_recorded: false }.weight::<Test>();
		assert!(second.ref_time() < once.ref_time() - (full_load.ref_time() - cached_load.ref_time()) / 2);
		assert!(second.proof_size() < size as u64, "the code is not proven twice");
	});
}

/// A module of `bytes` bytes, most of them data, unique by `seed`.
fn module_of_size(bytes: usize, seed: u32) -> Vec<u8> {
	let data = "a".repeat(bytes);
	wat(&format!(r#"(module (memory (export "memory") 16) (data (i32.const {seed}) "{data}") (func (export "run")))"#))
}

/// Compiles `module` in `tree` as a deploy module.
fn compile(tree: &CallTree<Test>, module: &[u8]) -> Result<cache::CachedModule, crate::error::ExecError> {
	let footprint = vm::validation::footprint(module);
	tree.vm().compile_validated(sp_io::hashing::blake2_256(module), module, footprint)
}

#[test]
fn a_call_tree_holds_a_bounded_number_of_modules() {
	new_test_ext().execute_with(|| {
		let tree = CallTree::<Test>::new(Params::default(), false);
		for seed in 0..MAX_MODULES_PER_CALL {
			let module = module_of_size(10, seed);
			assert!(compile(&tree, &module).is_ok());
		}
		let one_more = module_of_size(10, 1_000);
		let refused = compile(&tree, &one_more);
		assert_eq!(refused.err().map(|error| error.error), Some(Error::<Test>::TooManyModulesInCall.into()));
	});
}

#[test]
fn a_call_tree_holds_a_bounded_amount_of_code() {
	new_test_ext().execute_with(|| {
		let tree = CallTree::<Test>::new(Params::default(), false);
		let piece = MAX_CODE_BYTES_PER_CALL as usize / 5;
		for seed in 0..4 {
			let module = module_of_size(piece, seed);
			assert!(compile(&tree, &module).is_ok());
		}
		let too_much = module_of_size(piece + 1_000, 4);
		let refused = compile(&tree, &too_much);
		assert_eq!(refused.err().map(|error| error.error), Some(Error::<Test>::TooMuchCodeInCall.into()));
	});
}

#[test]
fn initial_memory_pages_are_charged_per_page() {
	new_test_ext().execute_with(|| {
		let with_pages = |pages: u32| {
			let module = wat(&format!(r#"(module (memory (export "memory") {pages}) (func (export "run")))"#));
			instantiate(&ALICE, upload(&ALICE, module), vec![], None)
		};
		let (one, sixteen) = (with_pages(1), with_pages(16));
		let gas_of = |contract: &AccountId| gas_of_calls_in_one_tree(contract, "run", 1).ref_time();
		let fifteen_pages = crate::costs::Cost::Instance { memory_pages: 15, data_bytes: 0 }.weight::<Test>().ref_time();
		assert!(fifteen_pages > 0);
		assert!(gas_of(&sixteen) >= gas_of(&one) + fifteen_pages);
	});
}

#[test]
fn memory_grow_is_charged_per_page() {
	new_test_ext().execute_with(|| {
		let growing = |pages: u32| {
			let module = wat(&format!(
				r#"(module (memory (export "memory") 1) (func (export "run") (drop (memory.grow (i32.const {pages})))))"#
			));
			instantiate(&ALICE, upload(&ALICE, module), vec![], None)
		};
		let (none, fifteen) = (growing(0), growing(15));
		let gas_of = |contract: &AccountId| gas_of_calls_in_one_tree(contract, "run", 1).ref_time();
		assert!(gas_of(&fifteen) >= gas_of(&none) + crate::costs::Cost::Memory { bytes: 15 * wasm_contracts_primitives::limits::PAGE_SIZE }.weight::<Test>().ref_time());
	});
}

/// A contract whose `run` calls `get_input` `times` times, each placing the input through its
/// `allocate` export.
fn input_reader(times: u32) -> AccountId {
	let module = wat(&format!(
		r#"(module
		(import "env" "get_input" (func $input (result i64)))
		(memory (export "memory") 1)
		(func (export "allocate") (param i32) (result i32) (i32.const 1024))
		(func (export "run") (local i32)
			(local.set 0 (i32.const {times}))
			(block (loop
				(br_if 1 (i32.eqz (local.get 0)))
				(drop (call $input))
				(local.set 0 (i32.sub (local.get 0) (i32.const 1)))
				(br 0)))))"#
	));
	instantiate(&ALICE, upload(&ALICE, module), vec![], None)
}

#[test]
fn each_placement_through_allocate_pays_the_call_back_into_the_contract() {
	new_test_ext().execute_with(|| {
		let gas_of = |contract: &AccountId| gas_of_calls_with_input(contract, "run", &[7; 32], 1).ref_time();
		let (none, thousand) = (gas_of(&input_reader(0)), gas_of(&input_reader(1_000)));
		let place = crate::costs::Cost::Place { len: 32 }.weight::<Test>().ref_time();
		let copy = crate::costs::Cost::Copy { len: 32 }.weight::<Test>().ref_time();
		// The call into `allocate` costs more than the copy (the `host_get_input` benchmark).
		assert!(place > 2 * copy, "{place} <= 2 * {copy}");
		assert!(thousand >= none + 1_000 * place, "{thousand} < {none} + 1000 * {place}");
	});
}

/// A contract whose `spam` emits events of 4 KB while it has gas.
fn event_spammer() -> AccountId {
	let module = wat(
		r#"(module
		(import "env" "log_event" (func $log (param i32 i32 i32 i32)))
		(memory (export "memory") 1)
		(func (export "spam") (loop $again (call $log (i32.const 0) (i32.const 8) (i32.const 0) (i32.const 4096)) (br $again)))
		(func (export "one") (call $log (i32.const 0) (i32.const 8) (i32.const 0) (i32.const 4096))))"#,
	);
	instantiate(&ALICE, upload(&ALICE, module), vec![], None)
}

const EVENT_BYTES: u32 = 8 + 4_096 + EVENT_RECORD_OVERHEAD;

#[test]
fn events_stop_at_the_call_budget_and_leave_nothing_behind() {
	new_test_ext().execute_with(|| {
		let spammer = event_spammer();
		let events_before = System::events().len();
		let result = execute(&BOB, &spammer, "spam", vec![]);
		assert_eq!(error_of(result), Error::<Test>::EventBudgetExceeded.into());
		assert_eq!(System::events().len(), events_before);
		let dry_run = Contracts::dry_run_execute(BOB, spammer, b"spam".to_vec(), vec![], 0, None);
		assert_eq!(dry_run.result.err(), Some(Error::<Test>::EventBudgetExceeded.into()));
		assert!(dry_run.events.is_empty());
	});
}

#[test]
fn events_stop_at_the_block_budget_until_the_next_block() {
	new_test_ext().execute_with(|| {
		let spammer = event_spammer();
		// Each call takes its event and the record of its `Executed` event (an empty output);
		// the spammer's `Instantiated` record is counted already.
		let per_call = EVENT_BYTES + EVENT_RECORD_OVERHEAD;
		let used = BlockEventBytes::<Test>::get().map_or(0, |(_, used)| used);
		assert_eq!(used, EVENT_RECORD_OVERHEAD);
		let per_block = ((MAX_EVENT_BYTES_PER_BLOCK - used) / per_call) as usize;
		for _ in 0..per_block {
			assert_ok!(execute(&BOB, &spammer, "one", vec![]));
		}
		let emitted = contract_events()
			.iter()
			.filter(|event| matches!(event, crate::Event::ContractEmitted { .. }))
			.count();
		assert_eq!(emitted, per_block);
		assert_eq!(error_of(execute(&BOB, &spammer, "one", vec![])), Error::<Test>::EventBudgetExceeded.into());
		System::set_block_number(2);
		assert_ok!(execute(&BOB, &spammer, "one", vec![]));
		assert_eq!(BlockEventBytes::<Test>::get(), Some((2, per_call)));
	});
}

#[test]
fn contract_history_is_read_a_page_at_a_time() {
	new_test_ext().execute_with(|| {
		let code_id = upload(&ALICE, fixture("counter"));
		let counter = instantiate(&ALICE, code_id, vec![], Some(ALICE));
		for _ in 0..MAX_HISTORY_PAGE + 4 {
			assert_ok!(Contracts::migrate(RuntimeOrigin::signed(ALICE), counter.clone(), code_id, vec![], gas(), None));
		}
		let all = MAX_HISTORY_PAGE + 5;
		assert_eq!(Contracts::contract_history(counter.clone(), 0, u32::MAX).len(), MAX_HISTORY_PAGE as usize);
		assert_eq!(Contracts::contract_history(counter.clone(), MAX_HISTORY_PAGE, 100).len(), 5);
		assert_eq!(Contracts::contract_history(counter.clone(), all, 100).len(), 0);
		assert_eq!(Contracts::contract_history(counter, 3, 2).len(), 2);
	});
}

#[test]
fn locals_are_bounded_by_the_size_of_their_function() {
	new_test_ext().execute_with(|| {
		let with_locals = |locals: usize, body: &str| {
			wat(&format!(r#"(module (func (export "f") (local {}) {body}))"#, "i64 ".repeat(locals)))
		};
		let tiny_but_roomy = with_locals(40, "");
		assert_refused_unchanged(
			|| Contracts::upload_code(RuntimeOrigin::signed(ALICE), tiny_but_roomy.clone(), None),
			Error::<Test>::TooManyLocals,
		);
		assert_ok!(Contracts::upload_code(RuntimeOrigin::signed(ALICE), with_locals(32, ""), None));
		// 2,000 bytes of body allow the most locals of any function.
		let long_body = filler(2_100);
		assert_ok!(Contracts::upload_code(RuntimeOrigin::signed(ALICE), with_locals(1_024, &long_body), None));
	});
}

#[test]
fn a_run_pays_the_fixed_cost_of_translating_only_the_functions_it_can_have_called() {
	new_test_ext().execute_with(|| {
		// 500 functions of 60 bytes; `run` returns at once, `all` calls each of them.
		let functions = format!("(func {})\n", filler(60)).repeat(500);
		let calls: String = (2..502).map(|index| format!("(call {index})")).collect();
		let module = wat(&format!(
			r#"(module (memory (export "memory") 1) (func (export "run")) (func (export "all") {calls}) {functions})"#
		));
		let contract = instantiate(&ALICE, upload_at_reference_price(&ALICE, module), vec![], None);
		let price = TranslationPrice::REFERENCE;
		let translation = crate::costs::Cost::FunctionTranslation { functions: 500, price }.weight::<Test>().ref_time();
		assert!(translation > 0);

		let no_op = Contracts::dry_run_execute(BOB, contract.clone(), b"run".to_vec(), vec![], 0, None);
		assert!(no_op.result.is_ok());
		// The run reserved all 500, and was charged for at most the two functions a run enters
		// from the host (it made no call).
		let not_charged = crate::costs::Cost::FunctionTranslation { functions: 498, price }.weight::<Test>().ref_time();
		// After the run, the dry run (priced as the first call of a block) pays the block's
		// event counter, which the peak before the refund did not hold.
		let counter = crate::costs::Cost::EventCounter.weight::<Test>().ref_time();
		assert!(no_op.gas_required.ref_time() + counter >= no_op.gas_consumed.ref_time() + not_charged, "{:?} {:?} {not_charged} {counter}", no_op.gas_required, no_op.gas_consumed);
		let exact = Contracts::dry_run_execute(BOB, contract.clone(), b"run".to_vec(), vec![], 0, Some(no_op.gas_required));
		assert!(exact.result.is_ok(), "{:?} with the limit {}", exact.result, no_op.gas_required);

		let all = Contracts::dry_run_execute(BOB, contract.clone(), b"all".to_vec(), vec![], 0, None);
		assert!(all.result.is_ok());
		assert!(all.gas_consumed.ref_time() > translation, "every called function is charged");
		let twice = gas_of_calls_in_one_tree(&contract, "all", 2);
		let once = gas_of_calls_in_one_tree(&contract, "all", 1);
		assert!((twice - once).ref_time() < once.ref_time() - translation, "the second run does not pay again");
	});
}

#[test]
fn declarations_are_bounded_in_bytes() {
	new_test_ext().execute_with(|| {
		// Each export of a 300-character name takes 304 bytes of the export section.
		let with_exports = |count: usize| {
			let exports: String = (0..count).map(|index| format!("(export \"{index:0300}\" (func 0))")).collect();
			wat(&format!(r#"(module (memory (export "memory") 1) (func (export "run")) {exports})"#))
		};
		let too_many = with_exports(250);
		assert!(vm::validation::footprint(&too_many).declaration_bytes > wasm_contracts_primitives::limits::MAX_DECLARATION_BYTES);
		assert_refused_unchanged(
			|| Contracts::upload_code(RuntimeOrigin::signed(ALICE), too_many.clone(), None),
			Error::<Test>::DeclarationsTooLarge,
		);
		let within = with_exports(200);
		assert!(vm::validation::footprint(&within).declaration_bytes <= wasm_contracts_primitives::limits::MAX_DECLARATION_BYTES);
		assert_ok!(Contracts::upload_code(RuntimeOrigin::signed(ALICE), within, None));
	});
}

#[test]
fn loading_declarations_is_charged_for_each_of_them_by_kind() {
	new_test_ext().execute_with(|| {
		let module = |declarations: &str| {
			wat(&format!(r#"(module {declarations} (memory (export "memory") 1) (table 300 funcref) (func $run (export "run")))"#))
		};
		let gas_of = |wasm: Vec<u8>| {
			let contract = instantiate(&ALICE, upload(&ALICE, wasm), vec![], None);
			Contracts::dry_run_execute(BOB, contract, b"run".to_vec(), vec![], 0, None).gas_consumed.ref_time()
		};
		let load_of = |wasm: &[u8]| {
			let declarations = vm::validation::footprint(wasm).declarations;
			crate::costs::Cost::ModuleLoad { functions: 0, declarations }.weight::<Test>().ref_time()
		};
		let imports: String = vm::imports::HostFn::ALL
			.iter()
			.map(|host_fn| {
				let wat_type = |ty: &wasmparser::ValType| format!("{ty:?}").to_lowercase();
				let params: Vec<String> = host_fn.params().iter().map(wat_type).collect();
				let results: Vec<String> = host_fn.results().iter().map(wat_type).collect();
				format!(r#"(import "env" "{}" (func (param {}) (result {})))"#, host_fn.name(), params.join(" "), results.join(" "))
			})
			.collect();
		let repeated = |count: usize, declaration: &dyn Fn(usize) -> String| (0..count).map(declaration).collect::<String>();
		let plain = module("");
		let kinds = [
			("types", repeated(300, &|index| format!("(type (func (param {})))", "i64 ".repeat(index % 32)))),
			("imports", imports),
			("exports", repeated(250, &|index| format!(r#"(export "{index:02x}" (func $run))"#))),
			("globals", repeated(250, &|_| "(global (mut funcref) (ref.func $run))".into()) + "(elem declare func $run)"),
			("data segments", repeated(300, &|_| r#"(data "")"#.into())),
			("element segments", repeated(300, &|slot| format!("(elem (i32.const {slot}) func $run)"))),
		];
		for (kind, declarations) in kinds {
			let declared = module(&declarations);
			let charged = load_of(&declared) - load_of(&plain);
			assert!(charged > 0, "{kind}: nothing charged");
			assert!(gas_of(declared) - gas_of(plain.clone()) >= charged, "{kind}: the call paid less than their load");
		}
	});
}

#[test]
fn the_storage_invariants_hold_through_the_life_cycle_and_name_what_breaks() {
	new_test_ext_unchecked().execute_with(|| {
		let counter = deploy_fixture("counter");
		assert_ok!(execute(&BOB, &counter, "increment", vec![]));
		let v2 = upload(&ALICE, fixture("counter_v2"));
		assert_ok!(Contracts::migrate(RuntimeOrigin::signed(ALICE), counter.clone(), v2, vec![], gas(), None));
		assert_eq!(crate::invariants::check::<Test>(), Ok(()));
		crate::ContractInfoOf::<Test>::mutate(&counter, |info| {
			if let Some(info) = info {
				info.history_len += 1;
			}
		});
		assert_eq!(
			crate::invariants::check::<Test>(),
			Err("a contract's history length differs from its history")
		);
	});
}

#[test]
fn the_money_invariants_name_a_hold_that_differs_from_the_records() {
	use crate::HoldReason;
	use frame_support::traits::fungible::MutateHold;
	let hold = |reason: HoldReason, who: &AccountId, amount: Balance| {
		Balances::hold(&RuntimeHoldReason::Contracts(reason), who, amount).unwrap();
	};
	let check = || crate::invariants::check::<Test>();
	new_test_ext_unchecked().execute_with(|| {
		let counter = deploy_fixture("counter");
		assert_ok!(execute(&BOB, &counter, "increment", vec![]));
		assert_eq!(check(), Ok(()));
		hold(HoldReason::CodeUpload, &ALICE, 1);
		assert_eq!(check(), Err("an uploader's hold differs from its code deposits"));
	});
	new_test_ext_unchecked().execute_with(|| {
		let _counter = deploy_fixture("counter");
		hold(HoldReason::ContractInstantiation, &ALICE, 1);
		assert_eq!(check(), Err("an origin's hold differs from its contracts' deposits"));
	});
	new_test_ext_unchecked().execute_with(|| {
		let counter = deploy_fixture("counter");
		assert_ok!(execute(&BOB, &counter, "increment", vec![]));
		assert_ok!(<Balances as frame_support::traits::fungible::Mutate<AccountId>>::mint_into(&counter, 100));
		assert_eq!(check(), Ok(()));
		hold(HoldReason::ContractStorage, &counter, 1);
		assert_eq!(check(), Err("a contract holds more than its storage is priced"));
	});
	new_test_ext_unchecked().execute_with(|| {
		let counter = deploy_fixture("counter");
		let info = crate::ContractInfoOf::<Test>::get(&counter).unwrap();
		assert_ok!(Contracts::queue_deletion(counter.clone(), info.trie_id, 0));
		assert_eq!(check(), Err("a live contract's trie is queued for deletion"));
	});
}

#[test]
fn every_call_event_takes_its_record_from_the_block_budget() {
	new_test_ext().execute_with(|| {
		let noop = instantiate(&ALICE, upload(&ALICE, wat(r#"(module (func (export "noop")))"#)), vec![], None);
		let run = || execute(&BOB, &noop, "noop", vec![]);
		// The first event of a block reads and writes the counter in the database; later ones
		// find it in the block's overlay and are given that weight back.
		System::set_block_number(2);
		let first = run().unwrap().actual_weight.unwrap();
		let second = run().unwrap().actual_weight.unwrap();
		let counter = crate::costs::Cost::EventCounter.weight::<Test>().ref_time();
		assert_eq!(first.ref_time() - second.ref_time(), counter);
		assert_eq!(BlockEventBytes::<Test>::get(), Some((2, 2 * EVENT_RECORD_OVERHEAD)));
		// A call whose `Executed` record does not fit the block's budget fails and changes nothing.
		BlockEventBytes::<Test>::put((2, MAX_EVENT_BYTES_PER_BLOCK - EVENT_RECORD_OVERHEAD + 1));
		assert_refused_unchanged(run, Error::<Test>::EventBudgetExceeded);
		System::set_block_number(3);
		assert_ok!(run());
	});
}

/// A contract whose exports `run1` and `run2` call its own `noop` export once and twice, with `functions` more functions that no call runs (and padding that keeps wasmi's
/// average of 40 bytes per function).
fn self_caller(functions: usize) -> Vec<u8> {
	let padding = format!("(func {})", filler(functions * 40));
	wat(&format!(
		r#"(module
		(import "env" "call_contract" (func $call (param i32 i32 i32 i32 i32 i32 i64) (result i32)))
		(import "env" "get_contract_address" (func $me (param i32) (result i32)))
		(memory (export "memory") 1)
		(data (i32.const 64) "noop")
		(func (export "noop"))
		(func $calls (param $n i32)
			(drop (call $me (i32.const 0)))
			(block $done (loop $next
				(br_if $done (i32.eqz (local.get $n)))
				(if (call $call (i32.const 0) (i32.const 64) (i32.const 4) (i32.const 0) (i32.const 0) (i32.const 128) (i64.const 0))
					(then unreachable))
				(local.set $n (i32.sub (local.get $n) (i32.const 1)))
				(br $next))))
		(func (export "run1") (call $calls (i32.const 1)))
		(func (export "run2") (call $calls (i32.const 2)))
		{} {padding})"#,
		"(func)\n".repeat(functions)
	))
}

#[test]
fn every_later_instance_of_a_module_in_a_call_tree_pays_for_its_functions_and_declarations_only() {
	new_test_ext().execute_with(|| {
		let wasm = self_caller(3_000);
		let load = crate::costs::Cost::from(&vm::validation::footprint(&wasm)).weight::<Test>().ref_time();
		let contract = instantiate(&ALICE, upload_at_reference_price(&ALICE, wasm), vec![], None);
		let consumed = |entry: &str| {
			let dry_run = Contracts::dry_run_execute(ALICE, contract.clone(), entry.as_bytes().to_vec(), vec![], 0, None);
			assert!(dry_run.result.is_ok(), "{entry}: {:?}", dry_run.result);
			dry_run.gas_consumed.ref_time()
		};
		// Each call of the contract from itself makes a new instance of its 3,000 functions.
		let one_more = consumed("run2") - consumed("run1");
		assert!(one_more >= load, "an instance more costs {one_more}, less than the load's {load}");
		// The runs translate four functions; the fixed translation cost of the others is given
		// back, however much the nested calls' host functions were charged.
		let price = TranslationPrice::REFERENCE;
		let all_translated = crate::costs::Cost::FunctionTranslation { functions: 3_000, price }.weight::<Test>().ref_time();
		assert!(consumed("run2") < all_translated, "{} consumed", consumed("run2"));
	});
}

#[test]
fn a_host_function_imported_twice_is_refused() {
	let wasm = wat(
		r#"(module
		(import "env" "gas_left" (func (result i64)))
		(import "env" "gas_left" (func (result i64)))
		(memory (export "memory") 1))"#,
	);
	new_test_ext().execute_with(|| {
		assert_refused_unchanged(
			|| Contracts::upload_code(RuntimeOrigin::signed(ALICE), wasm.clone(), None),
			Error::<Test>::DuplicateImport,
		);
	});
}

#[test]
fn a_module_of_more_exports_than_allowed_is_refused() {
	let exports_of = |count: u32| {
		let exports: String = (0..count).map(|index| format!(r#"(export "e{index}" (func 0))"#)).collect();
		wat(&format!(r#"(module (func) {exports})"#))
	};
	new_test_ext().execute_with(|| {
		assert_ok!(Contracts::upload_code(RuntimeOrigin::signed(ALICE), exports_of(MAX_EXPORTS), None));
		assert_refused_unchanged(
			|| Contracts::upload_code(RuntimeOrigin::signed(ALICE), exports_of(MAX_EXPORTS + 1), None),
			Error::<Test>::TooManyExports,
		);
	});
}

/// A contract whose memory starts with `initial` pages and whose `run` grows it one page at a
/// time, `grows` times.
fn page_grower(initial: u32, grows: u32) -> AccountId {
	let body = "(drop (memory.grow (i32.const 1)))".repeat(grows as usize);
	let module = wat(&format!(r#"(module (memory (export "memory") {initial}) (func (export "run") {body}))"#));
	instantiate(&ALICE, upload(&ALICE, module), vec![], None)
}

#[test]
fn a_grow_past_the_memory_an_instance_starts_with_pays_for_copying_it() {
	new_test_ext().execute_with(|| {
		let page = wasm_contracts_primitives::limits::PAGE_SIZE;
		let copy = |pages: u64| crate::costs::Cost::MemoryCopy { bytes: pages * page }.weight::<Test>().ref_time();
		let grown = |pages: u64| crate::costs::Cost::Memory { bytes: pages * page }.weight::<Test>().ref_time();
		let gas_of = |contract: &AccountId| gas_of_calls_in_one_tree(contract, "run", 1).ref_time();
		// Each grow's instructions beside its bytes, and their translation (6 bytes at most
		// 64 units of fuel each).
		let instructions = |grows: u64| crate::costs::Cost::Fuel { units: 400 * grows }.weight::<Test>().ref_time();

		// One page more for an instance of 15 copies all 15 into a new allocation.
		let (still, once) = (gas_of(&page_grower(15, 0)), gas_of(&page_grower(15, 1)));
		assert!(once - still >= copy(15) + grown(1));
		assert!(once - still <= copy(15) + grown(1) + instructions(1));

		// From one page, one at a time, the allocation doubles: it copies 1, 2, 4 and 8 pages.
		let (still, fifteen) = (gas_of(&page_grower(1, 0)), gas_of(&page_grower(1, 15)));
		assert!(fifteen - still >= copy(1 + 2 + 4 + 8) + grown(15));
		assert!(fifteen - still <= copy(1 + 2 + 4 + 8) + grown(15) + instructions(15));
	});
}

/// Runs `run` of `contract` in a call tree of its own with `limit`; returns the meter and
/// whether the call succeeded.
fn run_alone(contract: &AccountId, limit: frame_support::weights::Weight) -> (GasMeter, bool) {
	let tree = CallTree::<Test>::new(Params::default(), false);
	let mut gas = GasMeter::new(limit, fuel_unit::<Test>());
	let succeeded = exec::call::<Test>(&tree, &mut gas, 1, Some(BOB), contract, "run", vec![], 0).is_ok();
	(gas, succeeded)
}

#[test]
fn an_instance_that_does_not_grow_gets_the_reserved_copy_of_its_memory_back() {
	new_test_ext().execute_with(|| {
		let page = wasm_contracts_primitives::limits::PAGE_SIZE;
		let first_copy = crate::costs::Cost::MemoryCopy { bytes: 15 * page }.weight::<Test>();
		let still = page_grower(15, 0);
		let (gas, succeeded) = run_alone(&still, gas());
		assert!(succeeded);
		// The call needs room for the copy (a dry run asks for it) and pays nothing for it.
		assert!(gas.required().ref_time() - gas.consumed().ref_time() >= first_copy.ref_time());
		// With exactly what it consumed, the call fails for want of the reserved copy.
		let (short, succeeded) = run_alone(&still, gas.consumed());
		assert!(!succeeded && short.is_exhausted());
		// With what it required, it succeeds and consumes the same.
		let (enough, succeeded) = run_alone(&still, gas.required());
		assert!(succeeded);
		assert_eq!(enough.consumed(), gas.consumed());
	});
}

#[test]
fn a_copy_the_call_cannot_pay_for_fails_it_out_of_gas() {
	new_test_ext().execute_with(|| {
		// It copies 15 pages where one was reserved.
		let grower = page_grower(1, 15);
		let (gas, succeeded) = run_alone(&grower, gas());
		assert!(succeeded);
		// What the call reserved and gave back is less than the copies beyond the reserved one,
		// so a limit just short of its consumption passes the run and fails at the copies.
		let beyond_reserved = crate::costs::Cost::MemoryCopy { bytes: 14 * wasm_contracts_primitives::limits::PAGE_SIZE };
		assert!(gas.required().ref_time() - gas.consumed().ref_time() < beyond_reserved.weight::<Test>().ref_time());
		let (short, succeeded) = run_alone(&grower, gas.consumed().saturating_sub(frame_support::weights::Weight::from_parts(1, 0)));
		assert!(!succeeded && short.is_exhausted());
		let (enough, succeeded) = run_alone(&grower, gas.required());
		assert!(succeeded);
		assert_eq!(enough.consumed(), gas.consumed());
	});
}
