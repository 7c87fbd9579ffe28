//! The workloads: each a contract entry point and the same work written in Rust.

use pallet_wasm_contracts::ContractTrie;
use std::hint::black_box;

/// Iterations of the hashing loop.
const HASH_ITERATIONS: i64 = 100_000;
/// Keys written by the storage-heavy workload.
const STORAGE_WRITES: u32 = 100;

/// One workload.
pub struct Workload {
	/// Name in the table.
	pub name: &'static str,
	/// The contract, in WAT.
	pub wat: String,
	/// Its entry point.
	pub entry: &'static str,
	/// What `entry` gets as input.
	pub input: Vec<u8>,
	/// Run before measuring, once per contract: entry point and input.
	pub setup: Option<(&'static str, Vec<u8>)>,
	/// The same work in Rust, on a trie of its own.
	pub native: fn(&ContractTrie),
	/// `Some(ref_time)`: the entry point runs until it is out of this much gas.
	pub gas_limit: Option<u64>,
}

/// Every workload of the table.
pub fn all() -> Vec<Workload> {
	let recipient = [7u8; 32];
	let mut transfer = recipient.to_vec();
	transfer.extend_from_slice(&1u64.to_le_bytes());
	let mut mint = AsRef::<[u8; 32]>::as_ref(&crate::runtime::CALLER).to_vec();
	mint.extend_from_slice(&(u64::MAX / 2).to_le_bytes());
	vec![
		Workload { name: "no-op call", wat: noop_module(0), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "cpu: 100k hash rounds", wat: hash_module(), entry: "run", input: vec![], setup: None, native: native_hash, gas_limit: None },
		Workload {
			name: "token transfer",
			wat: include_str!("../../pallets/wasm-contracts/fixtures/token.wat").to_string(),
			entry: "transfer",
			input: transfer,
			setup: Some(("mint", mint)),
			native: native_transfer,
			gas_limit: None,
		},
		Workload { name: "storage: 100 writes", wat: storage_module(), entry: "run", input: vec![], setup: None, native: native_storage, gas_limit: None },
		Workload { name: "no-op, 1 KB code", wat: noop_module(1_000), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, 100 KB code", wat: noop_module(100_000), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, 1 MB code", wat: noop_module(1_000_000), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, 10k 40 B functions", wat: small_functions_module(), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, 64 KiB of types", wat: declared_types_module(), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, 62 KiB of exports", wat: declared_exports_module(), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, 254 exports, 2 B names", wat: short_exports_module(), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, every host function imported", wat: all_imports_module(), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, 256 globals", wat: globals_module(), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, 1000 empty data segments", wat: data_segments_module(), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, 1000 element segments", wat: element_segments_module(), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "no-op, 9k empty functions", wat: uncalled_functions_module(9_000), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		reentered("re-entered 20 times: 9k empty functions", "", &empty_functions(9_000)),
		reentered("re-entered 20 times: 64 KiB of exports", "", &declared_exports("$noop", 3)),
		reentered("re-entered 20 times: 4k table elements", "", &full_table()),
		Workload { name: "1 MB function, translated", wat: large_function_module(1_000_000), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
		Workload { name: "1 MB of if/else, translated", wat: branchy_function_module(1_000_000), entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None },
	]
	.into_iter()
	.chain(instruction_classes())
	.collect()
}

/// Gas of the bare loop, which runs until it is out of gas (20 ms of ref_time).
const BARE_LOOP_GAS: u64 = 20_000_000_000;
/// The import of `log_event`, as the first definition of a class loop's module.
const LOG_IMPORT: &str = r#"(import "env" "log_event" (func $log (param i32 i32 i32 i32)))"#;

/// A module whose `run` calls `functions` functions once each, each with the most locals its
/// 40 bytes allow and a `br_table`: every call translates the costliest function per byte.
fn called_fillers_module(functions: usize) -> String {
	let filler = format!("(func (local {}) (block $b (br_table {} $b (i32.const 0))))\n", "i64 ".repeat(52), "$b ".repeat(28));
	let calls: String = (1..=functions).map(|index| format!("(call {index})")).collect();
	format!(r#"(module (memory (export "memory") 1) (func (export "run") {calls}) {})"#, filler.repeat(functions))
}

/// A module whose `run` calls `functions` functions `(func <function>)` once each, passing
/// `args` and dropping what they return, and one large function that is never called, so that
/// the module keeps wasmi's average of 40 bytes per function.
pub fn called_once_module(functions: usize, function: &str, args: &str) -> String {
	let (open, close) = if function.contains("(result") { ("(drop (call", "))") } else { ("(call", ")") };
	let calls: String = (1..=functions).map(|index| format!("{open} {index} {args}{close}")).collect();
	let defined = format!("(func {function})\n").repeat(functions);
	let padding = "(drop (i32.const 0)) ".repeat(functions * 40 / 3);
	format!(r#"(module (memory (export "memory") 1) (func (export "run") {calls}) {defined} (func {padding}))"#)
}

/// Iterations of each instruction-class loop.
const CLASS_ITERATIONS: u32 = 20_000;
/// Instructions of the class under test per iteration.
const CLASS_REPEAT: usize = 16;

/// Loops dominated by one class of instruction each: the shapes that cost the most time per
/// unit of fuel. Their native versions do nothing, so the ratio columns compare strategies only.
fn instruction_classes() -> Vec<Workload> {
	let class = |name, locals: &str, op: &str, extra: &str| Workload {
		name,
		wat: class_loop(CLASS_ITERATIONS, locals, &op.repeat(CLASS_REPEAT), extra),
		entry: "run",
		input: vec![],
		setup: None,
		native: native_noop,
		gas_limit: None,
	};
	let plain = |name, wat: String| Workload { name, wat, entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None };
	let params = "i64 ".repeat(32);
	let args = "(local.get $x) ".repeat(32);
	vec![
		class("class: counted loop", "", "", ""),
		class("class: i64.div_u", "(local $x i64)", "(local.set $x (i64.div_u (local.get $x) (global.get $three)))", ""),
		class("class: i64.rem_u", "(local $x i64)", "(local.set $x (i64.rem_u (local.get $x) (global.get $three)))", ""),
		class(
			"class: call_indirect",
			"",
			"(call_indirect (type $unit) (global.get $zero))",
			"(table 1 funcref) (elem (i32.const 0) $empty)",
		),
		class("class: call, 32 params", "(local $x i64)", &format!("(call $wide {args})"), &format!("(func $wide (param {params}))")),
		plain(
			"class: call, 1024 locals",
			class_loop(
				100,
				"",
				"(call $roomy)",
				&format!(
					"(func $roomy (local {}) (if (global.get $zero) (then {})))",
					"i64 ".repeat(1024),
					"(drop (i32.const 0)) ".repeat(700)
				),
			),
		),
		Workload {
			gas_limit: Some(BARE_LOOP_GAS),
			..plain("class: (loop (br 0)), 20 ms", r#"(module (memory (export "memory") 1) (func (export "run") (loop (br 0))))"#.into())
		},
		class("host: get_block_timestamp", "", "(drop (call $now))", r#"(import "env" "get_block_timestamp" (func $now (result i64)))"#),
		class("host: get_block_number", "", "(drop (call $number))", r#"(import "env" "get_block_number" (func $number (result i64)))"#),
		// Each call places the input through `allocate`: a call back into the contract.
		Workload {
			input: vec![7; 32],
			..class(
				"host: get_input through allocate",
				"",
				"(drop (call $input))",
				r#"(import "env" "get_input" (func $input (result i64))) (func (export "allocate") (param i32) (result i32) (i32.const 1024))"#,
			)
		},
		// Each call copies the input into a buffer the contract gives: no call back into it.
		Workload {
			input: vec![7; 32],
			..class(
				"host: get_input_into",
				"",
				"(drop (call $input (i32.const 1024) (i32.const 64)))",
				r#"(import "env" "get_input_into" (func $input (param i32 i32) (result i32)))"#,
			)
		},
		plain("translated: 5k filler functions", called_fillers_module(5_000)),
		// The most locals a body of a few bytes may have.
		plain("translated: 9k tiny functions", called_once_module(9_000, &format!("(local {})", "i64 ".repeat(34)), "")),
		plain(
			"translated: 9k of 32 parameters",
			called_once_module(9_000, &format!("(param {})", "i32 ".repeat(32)), &"(i32.const 0) ".repeat(32)),
		),
		plain("memory: 16 pages at start", r#"(module (memory (export "memory") 16) (func (export "run")))"#.into()),
		plain(
			"memory: grow by 15 pages",
			r#"(module (memory (export "memory") 1) (func (export "run") (drop (memory.grow (i32.const 15)))))"#.into(),
		),
		// The grow moves all 15 pages into a new allocation of twice their size.
		plain(
			"memory: 15 pages grown by one",
			r#"(module (memory (export "memory") 15) (func (export "run") (drop (memory.grow (i32.const 1)))))"#.into(),
		),
		plain(
			"memory: fill 1 MiB",
			class_loop(16, "", "(memory.fill (global.get $zero) (global.get $zero) (i32.const 65536))", ""),
		),
		plain(
			"table: fill 4096 elements",
			class_loop(16, "", "(table.fill $t (i32.const 0) (ref.null func) (i32.const 4096))", "(table $t 4096 funcref)"),
		),
		plain(
			"table: copy 4096 elements",
			class_loop(16, "", "(table.copy $t $t (i32.const 0) (i32.const 0) (i32.const 4096))", "(table $t 4096 funcref)"),
		),
		plain(
			"memory: copy 64 KiB",
			class_loop(16, "", "(memory.copy (global.get $zero) (global.get $zero) (i32.const 65536))", ""),
		),
		plain(
			"events: 64 of 4 KiB",
			class_loop(64, "", "(call $log (global.get $zero) (i32.const 8) (global.get $zero) (i32.const 4096))", LOG_IMPORT),
		),
		class("class: empty call", "", "(call $empty)", ""),
		// A global copied straight into another: the slowest `global.set` found (on the AMD EPYC of
		// family 25, model 17, 17 ns a pair natively, about 5 times a `global.set` of a constant).
		class("class: global.set", "", "(global.set $g (global.get $zero))", ""),
		// Each about 4 times the time of `global.get` into a local, natively on that CPU.
		class("class: memory.size", "(local $size i32)", "(local.set $size (memory.size))", ""),
		class(
			"class: table.get",
			"(local $element funcref)",
			"(local.set $element (table.get $t (global.get $zero)))",
			"(table $t 1 funcref)",
		),
		class("class: i32.store", "", "(i32.store (global.get $zero) (global.get $zero))", ""),
		class("class: select", "(local $x i64)", "(local.set $x (select (local.get $x) (i64.const 1) (global.get $zero)))", ""),
	]
}

/// A module whose `run` repeats `body` `iterations` times; `extra` adds definitions, its leading
/// imports first, as wasm requires.
fn class_loop(iterations: u32, locals: &str, body: &str, extra: &str) -> String {
	let (imports, definitions) = extra.split_at(leading_imports_len(extra));
	format!(
		r#"(module
		{imports}
		(type $unit (func))
		(memory (export "memory") 1)
		(global $zero (mut i32) (i32.const 0))
		(global $g (mut i32) (i32.const 0))
		(global $three (mut i64) (i64.const 3))
		(func $empty)
		{definitions}
		(func (export "run") (local $i i32) {locals}
			(loop $next
				{body}
				(br_if $next (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const {iterations}))))))"#
	)
}

/// Bytes of the `(import ...)` forms at the start of `wat`.
fn leading_imports_len(wat: &str) -> usize {
	let (mut depth, mut end) = (0usize, 0);
	for (at, character) in wat.char_indices() {
		match character {
			'(' => {
				if depth == 0 && !wat[at..].starts_with("(import") {
					break
				}
				depth += 1;
			},
			')' => {
				depth = depth.saturating_sub(1);
				if depth == 0 {
					end = at + 1;
				}
			},
			_ => {},
		}
	}
	end
}

/// A module whose `run` does nothing, padded with about `code_bytes` of never-called functions.
fn noop_module(code_bytes: usize) -> String {
	let filler_body = "(drop (i32.const 0)) ".repeat(100);
	let filler = format!("(func {filler_body})\n").repeat(code_bytes / 300);
	format!(r#"(module (memory (export "memory") 1) (func (export "run")) {filler})"#)
}

/// A module with the costliest declarations in as many bytes as a module may declare: distinct
/// function types of 32 reference-typed parameters.
pub fn declared_types_module() -> String {
	let types: String = (0..1_850u32)
		.map(|index| {
			let params: String = (0..32).map(|bit| if index >> bit & 1 == 1 { "funcref " } else { "externref " }).collect();
			format!("(type (func (param {params})))\n")
		})
		.collect();
	format!(r#"(module {types} (memory (export "memory") 1) (func (export "run")))"#)
}

/// A module with as many exports as a module may have, each under a name of two bytes.
pub fn short_exports_module() -> String {
	let count = wasm_contracts_primitives::limits::MAX_EXPORTS - 2;
	let exports: String = (0..count).map(|index| format!("(export \"{index:0>2x}\" (func 0))\n")).collect();
	format!(r#"(module (memory (export "memory") 1) (func (export "run")) {exports})"#)
}

/// A module importing every host function, the longest names first.
pub fn all_imports_module() -> String {
	use pallet_wasm_contracts::harness::HostFn;
	let wat_type = |ty| format!("{ty:?}").to_lowercase();
	let mut host_fns = HostFn::ALL.to_vec();
	host_fns.sort_by_key(|host_fn| std::cmp::Reverse(host_fn.name().len()));
	let imports: String = host_fns
		.iter()
		.map(|host_fn| {
			let params: Vec<String> = host_fn.params().iter().map(wat_type).collect();
			let results: Vec<String> = host_fn.results().iter().map(wat_type).collect();
			format!(
				"(import \"env\" \"{}\" (func (param {}) (result {})))\n",
				host_fn.name(),
				params.join(" "),
				results.join(" ")
			)
		})
		.collect();
	format!(r#"(module {imports} (memory (export "memory") 1) (func (export "run")))"#)
}

/// A module with as many globals as a module may have, each a mutable `i64`.
pub fn globals_module() -> String {
	let globals = "(global (mut i64) (i64.const -1))\n".repeat(wasm_contracts_primitives::limits::MAX_GLOBALS as usize);
	format!(r#"(module {globals} (memory (export "memory") 1) (func (export "run")))"#)
}

/// A module with as many data segments as wasmi accepts, each passive and empty.
pub fn data_segments_module() -> String {
	let segments = "(data \"\")\n".repeat(1_000);
	format!(r#"(module (memory (export "memory") 1) (func (export "run")) {segments})"#)
}

/// A module with as many element segments as wasmi accepts, each placing one function in the
/// table.
pub fn element_segments_module() -> String {
	let segments: String = (0..1_000).map(|index| format!("(elem (i32.const {index}) func 0)\n")).collect();
	format!(r#"(module (table 1000 funcref) (memory (export "memory") 1) (func (export "run")) {segments})"#)
}

/// A module whose declarations are exports, as many as a module may have, with names as long
/// as its declarations allow.
pub fn declared_exports_module() -> String {
	let exports = declared_exports("0", 2);
	format!(r#"(module (memory (export "memory") 1) (func (export "run")) {exports})"#)
}

/// As many exports of `function` as a module with `others` exports of its own may add, each
/// under a name of its own of 240 bytes.
fn declared_exports(function: &str, others: u32) -> String {
	let count = wasm_contracts_primitives::limits::MAX_EXPORTS - others;
	(0..count).map(|index| format!("(export \"{index:0>240x}\" (func {function}))\n")).collect()
}

/// A table of the most elements a module may have, each a function.
fn full_table() -> String {
	let elements = "$noop ".repeat(4_096);
	format!("(table 4096 funcref) (elem (i32.const 0) func {elements})")
}

/// A workload whose `run` calls its own contract's `noop` export 20 times: every call makes a
/// new instance of the module, which the call tree compiled once. `imports` and `definitions`
/// make the module large in one dimension.
fn reentered(name: &'static str, imports: &str, definitions: &str) -> Workload {
	let wat = format!(
		r#"(module
		(import "env" "call_contract" (func $call (param i32 i32 i32 i32 i32 i32 i64) (result i32)))
		(import "env" "get_contract_address" (func $me (param i32) (result i32)))
		{imports}
		(memory (export "memory") 1)
		(data (i32.const 64) "noop")
		(func $noop (export "noop"))
		(func (export "run") (local $i i32)
			(drop (call $me (i32.const 0)))
			(loop $next
				(if (call $call (i32.const 0) (i32.const 64) (i32.const 4) (i32.const 0) (i32.const 0) (i32.const 128) (i64.const 0))
					(then unreachable))
				(br_if $next (i32.ne (local.tee $i (i32.add (local.get $i) (i32.const 1))) (i32.const 20)))))
		{definitions})"#
	);
	Workload { name, wat, entry: "run", input: vec![], setup: None, native: native_noop, gas_limit: None }
}

/// A module of `functions` empty functions that are never called, and one large function that
/// keeps wasmi's average of 40 bytes per function.
fn uncalled_functions_module(functions: usize) -> String {
	format!(r#"(module (memory (export "memory") 1) (func (export "run")) {})"#, empty_functions(functions))
}

/// `functions` empty functions and one large function that keeps wasmi's average of 40 bytes
/// per function.
fn empty_functions(functions: usize) -> String {
	let padding = format!("(func {})", "(drop (i32.const 0)) ".repeat(functions * 40 / 3));
	format!("{} {padding}", "(func)\n".repeat(functions))
}

/// The most functions a module may have, each of the smallest average size wasmi accepts in a
/// module of that many (40 bytes): the most per-function work per byte of code.
fn small_functions_module() -> String {
	let body = "(drop (i32.const 0)) ".repeat(13);
	let filler = format!("(func {body})\n").repeat(9_999);
	format!(r#"(module (memory (export "memory") 1) (func (export "run")) {filler})"#)
}

/// A module whose `run` is about `code_bytes` of additions to a local and returns at once: the
/// whole body is translated on the call, though a global the translator cannot fold skips its
/// execution.
fn large_function_module(code_bytes: usize) -> String {
	let body = "(local.set $n (i32.add (local.get $n) (i32.const 1))) ".repeat(code_bytes / 7);
	format!(
		r#"(module (memory (export "memory") 1) (global $skip (mut i32) (i32.const 1))
		(func (export "run") (local $n i32) (if (global.get $skip) (then (return))) {body}))"#
	)
}

/// A module whose `run` is about `code_bytes` of empty `if`/`else` on a local, the costliest
/// code per byte to translate that is known, and returns at once, as in [`large_function_module`].
fn branchy_function_module(code_bytes: usize) -> String {
	let body = "(if (local.get $n) (then) (else)) ".repeat(code_bytes / 6);
	format!(
		r#"(module (memory (export "memory") 1) (global $skip (mut i32) (i32.const 1))
		(func (export "run") (local $n i32) (if (global.get $skip) (then (return))) {body}))"#
	)
}

fn hash_module() -> String {
	format!(
		r#"(module
		(memory (export "memory") 1)
		(func (export "run") (result i64)
			(local $i i64) (local $hash i64)
			(local.set $hash (i64.const 0xcbf29ce484222325))
			(block $done (loop $next
				(br_if $done (i64.eq (local.get $i) (i64.const {HASH_ITERATIONS})))
				(local.set $hash (i64.mul (i64.xor (local.get $hash) (local.get $i)) (i64.const 0x100000001b3)))
				(local.set $i (i64.add (local.get $i) (i64.const 1)))
				(br $next)))
			(local.get $hash)))"#
	)
}

fn storage_module() -> String {
	format!(
		r#"(module
		(import "env" "storage_write" (func $storage_write (param i32 i32 i32 i32) (result i32)))
		(memory (export "memory") 1)
		(data (i32.const 16) "a value of thirty-two bytes, ok!")
		(func (export "run")
			(local $i i32)
			(block $done (loop $next
				(br_if $done (i32.eq (local.get $i) (i32.const {STORAGE_WRITES})))
				(i32.store (i32.const 0) (local.get $i))
				(drop (call $storage_write (i32.const 0) (i32.const 4) (i32.const 16) (i32.const 32)))
				(local.set $i (i32.add (local.get $i) (i32.const 1)))
				(br $next)))))"#
	)
}

fn native_noop(_: &ContractTrie) {
	black_box(());
}

fn native_hash(_: &ContractTrie) {
	let mut hash: u64 = 0xcbf29ce484222325;
	for i in 0..black_box(HASH_ITERATIONS) as u64 {
		hash = (hash ^ i).wrapping_mul(0x100000001b3);
	}
	black_box(hash);
}

fn balance(trie: &ContractTrie, account: &[u8]) -> u64 {
	trie.read(account).and_then(|value| value.try_into().ok()).map_or(0, u64::from_le_bytes)
}

fn native_transfer(trie: &ContractTrie) {
	let (from, to) = ([1u8; 32], [7u8; 32]);
	let amount = black_box(1u64);
	let from_balance = balance(trie, &from).max(amount);
	trie.write(&from, &(from_balance - amount).to_le_bytes());
	trie.write(&to, &(balance(trie, &to) + amount).to_le_bytes());
}

fn native_storage(trie: &ContractTrie) {
	for i in 0..black_box(STORAGE_WRITES) {
		trie.write(&i.to_le_bytes(), b"a value of thirty-two bytes, ok!");
	}
}
