//! Gas: limits, refunds, and the exactness of `gas_required`.

use super::*;
use crate::{
	weights::{RocksDbWeights, WeightInfo},
	Error,
};

#[test]
fn unused_gas_is_refunded_in_the_actual_weight() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let dry_run = Contracts::dry_run_execute(BOB, counter.clone(), b"increment".to_vec(), vec![], 0, None);
		let (required, consumed) = (dry_run.gas_required, dry_run.gas_consumed);
		// A dry run prices the call as the first of a block, as it is in a new one.
		System::set_block_number(2);
		let post = execute(&BOB, &counter, "increment", vec![]).unwrap();
		let base = crate::costs::without_event_counter::<Test>(<RocksDbWeights as WeightInfo>::execute(0));
		assert_eq!(post.actual_weight, Some(base + consumed));
		assert!(required.all_lt(gas()));
	});
}

#[test]
fn gas_required_is_exact() {
	new_test_ext().execute_with(|| {
		let token = deploy_fixture("token");
		let mut msg = AsRef::<[u8; 32]>::as_ref(&BOB).to_vec();
		msg.extend_from_slice(&5u64.to_le_bytes());
		let dry_run = Contracts::dry_run_execute(ALICE, token.clone(), b"mint".to_vec(), msg.clone(), 0, None);
		assert!(dry_run.result.is_ok());
		let required = dry_run.gas_required;
		// The storage host functions reserve the proof of the largest value and give back what
		// the value did not use: the call needs more than it consumes.
		assert!(required.all_gte(dry_run.gas_consumed) && required != dry_run.gas_consumed);

		let run_with = |limit: Weight| {
			Contracts::dry_run_execute(ALICE, token.clone(), b"mint".to_vec(), msg.clone(), 0, Some(limit)).result
		};
		assert!(run_with(required).is_ok());
		let out_of_gas = Err(Error::<Test>::OutOfGas.into());
		assert_eq!(run_with(required - Weight::from_parts(1, 0)), out_of_gas);
		assert_eq!(run_with(required - Weight::from_parts(0, 1)), out_of_gas);

		// The extrinsic agrees with the dry run.
		let exact = Contracts::execute(RuntimeOrigin::signed(ALICE), token.clone(), b"mint".to_vec(), msg.clone(), 0, required, None);
		assert!(exact.is_ok());
		// Again on the changed state, in a new block, as a dry run prices a call.
		System::set_block_number(System::block_number() + 1);
		let required = Contracts::dry_run_execute(ALICE, token.clone(), b"mint".to_vec(), msg.clone(), 0, None).gas_required;
		let short = required - Weight::from_parts(1, 0);
		let too_little = Contracts::execute(RuntimeOrigin::signed(ALICE), token, b"mint".to_vec(), msg, 0, short, None);
		assert_eq!(error_of(too_little), Error::<Test>::OutOfGas.into());
	});
}

#[test]
fn gas_required_is_exact_across_contract_calls() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let proxy = deploy_fixture("proxy");
		let mut msg = AsRef::<[u8; 32]>::as_ref(&counter).to_vec();
		msg.extend_from_slice(&0u64.to_le_bytes());
		msg.extend_from_slice(b"increment");
		let run_with = |limit: Option<Weight>| {
			Contracts::dry_run_execute(BOB, proxy.clone(), b"forward".to_vec(), msg.clone(), 0, limit)
		};
		let required = run_with(None).gas_required;
		assert_eq!(run_with(Some(required)).result.unwrap().data, 1u32.to_le_bytes().to_vec());
		// With a ref_time unit less, the callee runs out and the proxy reports it trapped, or the
		// proxy itself runs out: either way the call does not do what it did.
		let short = run_with(Some(required - Weight::from_parts(1, 0)));
		assert_ne!(short.result.map(|value| value.data), Ok(1u32.to_le_bytes().to_vec()));
	});
}

#[test]
fn out_of_gas_consumes_the_whole_limit() {
	new_test_ext().execute_with(|| {
		let faults = deploy_fixture("faults");
		let limit = Weight::from_parts(50_000_000_000, 100_000);
		let result = Contracts::execute(RuntimeOrigin::signed(BOB), faults, b"loop_forever".to_vec(), vec![], 0, limit, None);
		let failure = result.unwrap_err();
		assert_eq!(failure.error, Error::<Test>::OutOfGas.into());
		assert_eq!(failure.post_info.actual_weight, Some(crate::costs::without_event_counter::<Test>(<RocksDbWeights as WeightInfo>::execute(0)) + limit));
	});
}

#[test]
fn gas_limit_above_the_parameter_is_refused() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let too_much = gas() + Weight::from_parts(1, 0);
		let result = Contracts::execute(RuntimeOrigin::signed(BOB), counter.clone(), b"increment".to_vec(), vec![], 0, too_much, None);
		let refused = result.unwrap_err();
		assert_eq!(refused.error, Error::<Test>::GasLimitTooHigh.into());
		// Nothing ran, so the extrinsic reports its base weight only, not the limit it asked for.
		let base = crate::costs::without_event_counter::<Test>(<<Test as crate::Config>::WeightInfo as crate::weights::WeightInfo>::execute(0));
		assert_eq!(refused.post_info.actual_weight, Some(base));
		assert_eq!(stored(&counter, b"counter"), None);
	});
}

#[test]
fn loading_code_charges_at_least_its_size_as_proof() {
	let small = crate::costs::Cost::CodeLoad { code_size: 1_000, proof_recorded: false }.weight::<Test>();
	let large = crate::costs::Cost::CodeLoad { code_size: 101_000, proof_recorded: false }.weight::<Test>();
	assert!(large.proof_size() >= small.proof_size() + 100_000);
	assert!(large.ref_time() > small.ref_time());
}

#[test]
fn a_write_charges_the_proof_of_the_path_to_its_key() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		// The first increment reads the absent 7-byte key `counter`, then writes it.
		let first = Contracts::dry_run_execute(BOB, counter, b"increment".to_vec(), vec![], 0, None);
		let code = crate::costs::Cost::CodeLoad { code_size: fixture("counter").len() as u32, proof_recorded: false }.weight::<Test>().proof_size();
		let key_path = <RocksDbWeights as WeightInfo>::host_storage_read(0).proof_size();
		assert!(first.gas_consumed.proof_size() >= code + 2 * key_path);
	});
}

#[test]
fn storage_access_charges_proof_size() {
	new_test_ext().execute_with(|| {
		let counter = deploy_fixture("counter");
		let first = Contracts::dry_run_execute(BOB, counter.clone(), b"increment".to_vec(), vec![], 0, None);
		let code_only = <RocksDbWeights as WeightInfo>::code_load(fixture("counter").len() as u32).proof_size();
		assert!(first.gas_consumed.proof_size() > code_only);
	});
}

#[test]
fn translating_a_function_on_its_first_call_is_charged_per_byte() {
	// `run` returns at once, after wasmi has translated its `additions` additions.
	let module = |additions: usize| {
		let body = "(local.set $n (i32.add (local.get $n) (i32.const 1))) ".repeat(additions);
		wat::parse_str(format!(
			r#"(module (memory (export "memory") 1) (global $skip (mut i32) (i32.const 1))
			(func (export "run") (local $n i32) (if (global.get $skip) (then (return))) {body}))"#
		))
		.unwrap()
	};
	new_test_ext().execute_with(|| {
		let (small, large) = (module(10), module(1_010));
		// Each addition is 7 bytes of function body: `local.get`, `i32.const`, `i32.add`, `local.set`.
		let extra_body_bytes = 1_000 * 7;
		let gas_of = |wasm: Vec<u8>| {
			let contract = instantiate(&ALICE, upload_at_reference_price(&ALICE, wasm), vec![], None);
			Contracts::dry_run_execute(BOB, contract, b"run".to_vec(), vec![], 0, None).gas_consumed.ref_time()
		};
		let loading = crate::costs::Cost::CodeLoad { code_size: large.len() as u32, proof_recorded: false }.weight::<Test>()
			.saturating_sub(crate::costs::Cost::CodeLoad { code_size: small.len() as u32, proof_recorded: false }.weight::<Test>())
			.ref_time();
		let translation_fuel = extra_body_bytes * crate::costs::translation_fuel_per_byte::<Test>() as u64;
		let translation = translation_fuel * crate::costs::fuel_unit::<Test>().ref_time();
		assert!(gas_of(large) - gas_of(small) >= loading + translation);
	});
}

#[test]
fn translation_is_charged_by_a_functions_operators_never_below_their_reference_price() {
	// `run` returns at once, after wasmi has translated its body.
	let module = |body: &str| {
		wat(&format!(
			r#"(module (memory (export "memory") 1) (global $skip (mut i32) (i32.const 1))
			(func (export "run") (local $n i32) (if (global.get $skip) (then (return))) {body}))"#
		))
	};
	// Of about 7,000 bytes each: large constants dropped, 2 units in 7 bytes, and the reference
	// code, 10 units in 11 bytes.
	let sparse = module(&"(drop (i32.const 2000000000)) ".repeat(1_000));
	let eqz = "(i32.eqz ".repeat(8);
	let reference = module(&format!("(drop {eqz}(local.get $n){}) ", ")".repeat(8)).repeat(636));
	new_test_ext().execute_with(|| {
		let gas_of = |wasm: Vec<u8>| {
			let code_id = upload(&ALICE, wasm);
			let contract = instantiate(&ALICE, code_id, vec![], None);
			let dry_run = Contracts::dry_run_execute(BOB, contract, b"run".to_vec(), vec![], 0, None);
			assert!(dry_run.result.is_ok(), "{:?}", dry_run.result);
			(crate::CodeInfoOf::<Test>::get(code_id).unwrap().translation, dry_run.gas_consumed.ref_time())
		};
		let (_, empty) = gas_of(module(""));
		let (sparse_price, sparse) = gas_of(sparse);
		let (reference_price, reference) = gas_of(reference);
		assert!(sparse_price.per_byte < 400, "{sparse_price:?}");
		assert!(reference_price.per_byte >= 900, "{reference_price:?}");
		// At least the reference price of a unit for each of the sparse body's 2,000 units, 1.1
		// reference bytes each.
		let reference_byte = u64::from(crate::costs::translation_fuel_per_byte::<Test>()) * crate::costs::fuel_unit::<Test>().ref_time();
		assert!(sparse - empty >= 2_000 * 11 / 10 * reference_byte, "{sparse} against {empty}");
		// And much less than the reference code of about as many bytes.
		assert!((sparse - empty) * 2 < reference - empty, "{sparse} against {reference}");
	});
}

#[test]
fn a_reference_byte_of_translation_is_priced_with_the_blocks_margin_over_the_benchmark() {
	// Blocks translate slower than the benchmark (fresh memory): the reference byte's fuel must
	// cover the benchmark's figure times the margin, and not much more.
	let translate = <RocksDbWeights as WeightInfo>::translate;
	let per_byte = translate(1).saturating_sub(translate(0)).ref_time();
	let (numerator, denominator) = crate::costs::TRANSLATION_IN_BLOCK_MARGIN;
	assert!(numerator > denominator);
	let fuel_unit = crate::costs::fuel_unit::<Test>().ref_time();
	let charged = u64::from(crate::costs::translation_fuel_per_byte::<Test>()) * fuel_unit;
	assert!(charged * denominator >= per_byte * numerator, "{charged} ps against {per_byte} ps measured");
	assert!(charged * denominator < per_byte * numerator + fuel_unit * denominator, "{charged} ps: more than a unit of fuel over");
}

#[test]
fn the_contract_entry_deducted_from_host_functions_is_at_most_the_cheapest_of_them() {
	// Every host function benchmark includes one entry into the contract, so the deducted entry
	// may not exceed the cheapest of them less one host call; more would undercharge them all.
	let entry = crate::costs::contract_entry::<Test>();
	let marginal = crate::costs::host_call_marginal::<Test>();
	assert!(marginal > 0);
	let single_calls = [
		<RocksDbWeights as WeightInfo>::host_context(),
		<RocksDbWeights as WeightInfo>::host_copy(0),
		<RocksDbWeights as WeightInfo>::host_get_input(0),
		<RocksDbWeights as WeightInfo>::host_revert(0),
		<RocksDbWeights as WeightInfo>::host_crypto_hash(0),
		<RocksDbWeights as WeightInfo>::host_balance(),
	];
	for weight in single_calls {
		assert!(entry + marginal <= weight.ref_time(), "entry {entry} ps + {marginal} ps above {weight:?}");
		assert!(crate::costs::host_fn::<Test>(weight).ref_time() >= marginal);
	}
}

#[test]
fn the_shipped_weights_keep_as_host_calls_base_the_entry_the_pallet_deducts() {
	// `benchmarking/merge_weights.py` writes the smallest entry of the CPUs it merged as
	// `host_call`'s base, computing each entry as `costs::contract_entry` does: had the two
	// formulas drifted apart, the pallet would deduct another entry than the merge kept.
	let shipped = <RocksDbWeights as WeightInfo>::host_call(0).ref_time();
	assert_eq!(crate::costs::contract_entry::<Test>(), shipped);
}

#[test]
fn the_shipped_weights_price_a_copied_page_above_nothing() {
	// A page copied as a memory grows pays `memory_grow_copy`'s slope (a page made and copied)
	// less `instance_memory`'s (a page made): a run of the benchmarks that measured the first
	// below the second would make copies free.
	let slope = |weight_of: fn(u32) -> Weight| weight_of(1).ref_time() - weight_of(0).ref_time();
	let made_and_copied = slope(<RocksDbWeights as WeightInfo>::memory_grow_copy);
	let made = slope(<RocksDbWeights as WeightInfo>::instance_memory);
	assert!(made_and_copied > made);
	let page = crate::costs::Cost::MemoryCopy { bytes: wasm_contracts_primitives::limits::PAGE_SIZE };
	assert_eq!(page.weight::<Test>().ref_time(), made_and_copied - made);
}

#[test]
fn a_no_op_call_pays_at_most_2_ns_a_byte_of_code_it_does_not_run() {
	// Contracts of functions of 300 bytes that the call never runs, as the harness's rows.
	let padded = |bytes: usize| {
		let function = format!("(func {})\n", filler(300));
		wat(&format!(r#"(module (memory (export "memory") 1) (func (export "run")) {})"#, function.repeat(bytes / 300)))
	};
	new_test_ext().execute_with(|| {
		let charged = |wasm: Vec<u8>| {
			let contract = instantiate(&ALICE, upload(&ALICE, wasm), vec![], None);
			let post = execute(&BOB, &contract, "run", vec![]).unwrap();
			post.actual_weight.unwrap().ref_time()
		};
		let small = charged(padded(1_000));
		let large = charged(padded(100_000));
		assert!(large > small, "the larger module pays for its bytes");
		// 99 KB more, at most 2 ns (2,000 ps of ref_time) a byte.
		assert!(large - small <= 99_000 * 2_000, "100 KB: {large}, 1 KB: {small}");
	});
}

#[test]
fn gas_required_suffices_in_a_block_whose_event_counter_no_earlier_call_wrote() {
	new_test_ext().execute_with(|| {
		// Emits an event, then writes: the event counter's charge is not the last one.
		let module = wat(
			r#"(module
			(import "env" "log_event" (func $log (param i32 i32 i32 i32)))
			(import "env" "storage_write" (func $write (param i32 i32 i32 i32) (result i32)))
			(memory (export "memory") 1)
			(data (i32.const 0) "topic")
			(func (export "run")
			  (call $log (i32.const 0) (i32.const 5) (i32.const 0) (i32.const 5))
			  (drop (call $write (i32.const 0) (i32.const 5) (i32.const 0) (i32.const 5)))))"#,
		);
		let contract = instantiate(&ALICE, upload(&ALICE, module), vec![], None);
		assert_ok!(execute(&BOB, &contract, "run", vec![]));
		// The block has written its event counter; the next block has not.
		let required = Contracts::dry_run_execute(BOB, contract.clone(), b"run".to_vec(), vec![], 0, None).gas_required;
		System::set_block_number(2);
		let run = Contracts::execute(RuntimeOrigin::signed(BOB), contract.clone(), b"run".to_vec(), vec![], 0, required, None);
		assert_ok!(run);
	});
}

/// A contract whose `noop` does nothing and whose `event` emits one event of an 8-byte topic,
/// its translation at the reference price.
fn noop_and_event() -> AccountId {
	let module = wat(
		r#"(module
		(import "env" "log_event" (func $log (param i32 i32 i32 i32)))
		(memory (export "memory") 1)
		(func (export "noop"))
		(func (export "event") (call $log (i32.const 0) (i32.const 8) (i32.const 0) (i32.const 0))))"#,
	);
	instantiate(&ALICE, upload_at_reference_price(&ALICE, module), vec![], None)
}

#[test]
fn a_call_pays_the_fixed_cost_of_loading_its_code_in_its_base_weight_only() {
	new_test_ext().execute_with(|| {
		let contract = noop_and_event();
		// The `execute` benchmark ran a contract, so its weight holds a load's fixed cost; the
		// call's gas adds what the module's bytes and functions cost beyond it.
		let dry_run = Contracts::dry_run_execute(BOB, contract, b"noop".to_vec(), vec![], 0, None);
		assert!(dry_run.result.is_ok());
		let fixed_load = <RocksDbWeights as WeightInfo>::code_load(0);
		assert!(dry_run.gas_consumed.ref_time() < fixed_load.ref_time(), "{:?} against {fixed_load:?}", dry_run.gas_consumed);
		assert!(dry_run.gas_consumed.proof_size() < fixed_load.proof_size(), "{:?} against {fixed_load:?}", dry_run.gas_consumed);
	});
}

#[test]
fn the_first_call_of_a_block_pays_the_event_counters_database_access_once() {
	new_test_ext().execute_with(|| {
		let contract = noop_and_event();
		// Priced as the first call of a block: its `Executed` event reads and writes the counter.
		let dry_run = Contracts::dry_run_execute(BOB, contract.clone(), b"noop".to_vec(), vec![], 0, None);
		System::set_block_number(2);
		let first = execute(&BOB, &contract, "noop", vec![]).unwrap().actual_weight.unwrap();
		// The benchmark's call read and wrote the counter too.
		let measured = <RocksDbWeights as WeightInfo>::execute(0);
		let counter = crate::costs::Cost::EventCounter.weight::<Test>();
		assert_eq!(first.ref_time(), measured.ref_time() + dry_run.gas_consumed.ref_time() - counter.ref_time());
	});
}

#[test]
fn a_contract_event_after_the_first_of_the_block_pays_no_database_access_for_the_counter() {
	new_test_ext().execute_with(|| {
		let contract = noop_and_event();
		System::set_block_number(2);
		// The first call writes the counter; the two measured calls find it in the overlay.
		assert_ok!(execute(&BOB, &contract, "noop", vec![]));
		let noop = execute(&BOB, &contract, "noop", vec![]).unwrap().actual_weight.unwrap();
		let event = execute(&BOB, &contract, "event", vec![]).unwrap().actual_weight.unwrap();
		let log_event = crate::costs::host_fn::<Test>(<RocksDbWeights as WeightInfo>::host_log_event(8));
		let counter = crate::costs::Cost::EventCounter.weight::<Test>();
		// What the event added: `host_log_event`, whose benchmark read and wrote the counter,
		// without that read and write, the fuel of five instructions and of translating the
		// 10 bytes by which its body is longer, and the fixed translation cost of one function:
		// the no-op's run burns the translation fuel of one function, and keeps the reservation
		// of one, while the event's burns enough to have translated both.
		let translation = u64::from(crate::costs::translation_fuel_per_byte::<Test>()) * 10;
		let fuel = crate::costs::fuel_unit::<Test>().ref_time() * (100 + translation);
		let price = TranslationPrice::REFERENCE;
		let function = crate::costs::Cost::FunctionTranslation { functions: 1, price }.weight::<Test>().ref_time();
		let added = event.ref_time() - noop.ref_time();
		assert!(
			added + counter.ref_time() <= log_event.ref_time() + fuel + function,
			"{added} added, host_log_event {log_event:?}"
		);
		assert!(added + counter.ref_time() >= log_event.ref_time());
	});
}

#[test]
fn a_run_keeps_the_fixed_translation_cost_only_of_functions_whose_bodies_its_fuel_could_translate() {
	new_test_ext().execute_with(|| {
		// `spin` burns its fuel on a loop, `three` calls three functions; each module differs
		// from the other only by ten functions of 2,100 bytes, none of which fits `spin`'s fuel.
		let module = |function: &str| {
			wat(&format!(
				r#"(module (memory (export "memory") 1)
				(func (export "spin") (local $n i32)
					(local.set $n (i32.const 300))
					(loop $next (br_if $next (local.tee $n (i32.sub (local.get $n) (i32.const 1))))))
				(func (export "three") (call 2) (call 3) (call 4))
				{})"#,
				format!("(func {function})\n").repeat(10)
			))
		};
		let (short, long) = (module(""), module(&filler(2_100)));
		// Each of the loop's 300 iterations burns 9 fuel (`br_if` 5, four operators 1 each).
		let rate = u64::from(crate::costs::translation_fuel_per_byte::<Test>());
		assert!(300 * 12 < 2_100 * rate, "the loop's fuel would translate a long body");
		// It burns the fuel of more 2-byte bodies than either module has functions, and of `spin`.
		assert!(300 * 9 > 12 * 2 * rate + 20 * rate);
		let consumed = |wasm: &[u8], entry: &str| {
			let contract = instantiate(&ALICE, upload_at_reference_price(&ALICE, wasm.to_vec()), vec![], None);
			let dry_run = Contracts::dry_run_execute(BOB, contract, entry.as_bytes().to_vec(), vec![], 0, None);
			assert!(dry_run.result.is_ok(), "{entry}: {:?}", dry_run.result);
			dry_run.gas_consumed.ref_time()
		};
		// What loading the long module costs more than the short one.
		let load = |wasm: &[u8]| {
			let code_size = wasm.len() as u32;
			let code = crate::costs::Cost::CodeLoad { code_size, proof_recorded: false }.weight::<Test>();
			let module = crate::costs::Cost::from(&crate::vm::validation::footprint(wasm)).weight::<Test>();
			code.ref_time() + module.ref_time()
		};
		let heavier_load = load(&long) - load(&short);
		let price = TranslationPrice::REFERENCE;
		let translation =
			|functions: u32| crate::costs::Cost::FunctionTranslation { functions, price }.weight::<Test>().ref_time();
		// In the short module `spin` keeps the fixed cost of all 12 functions, whose bodies its
		// fuel covers; in the long one, of its own and `three`'s.
		let spin = consumed(&long, "spin");
		assert_eq!(spin - consumed(&short, "spin"), heavier_load - translation(10));
		// `three` translates three long functions and keeps their fixed cost: beside `spin`, it
		// pays two functions more and their bytes' fuel, less at most the loop's fuel.
		let fuel_unit = crate::costs::fuel_unit::<Test>().ref_time();
		let three = consumed(&long, "three");
		assert!(three >= spin + translation(2) + fuel_unit * (3 * 2_100 * rate - 300 * 12), "{three} against {spin}");
	});
}
