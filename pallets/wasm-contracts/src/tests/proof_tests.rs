//! The proof a dispatch records is at most the proof_size it is charged: for every host function
//! that touches state and for every dispatchable, each on its costliest shape (the largest old
//! and new values, the longest keys the parameters allow, the largest module wherever code is
//! loaded), with everything it touches in the database rather than in the block's overlay.
//!
//! [`prove`] dispatches a call under `execute_and_prove` on state committed to the database and
//! compares the bytes of the proof it recorded with the proof_size the dispatch was charged: its
//! actual weight (that of its error when it fails), or the declared one when it reports none.
//! The state holds [`ACCOUNTS`] accounts besides the test's, so that the paths to accounts are
//! deeper than in the state the benchmarks measure.

use super::*;
use crate::{weights::WeightInfo, ContractInfoOf, Event, HoldReason};
use codec::Encode;
use frame_support::{
	dispatch::{DispatchResultWithPostInfo, GetDispatchInfo},
	traits::{
		fungible::{Mutate, MutateHold},
		Hooks,
	},
};
use sp_runtime::traits::Dispatchable;
use wasm_contracts_primitives::{limits, TrieId};

/// Incompressible bytes: a xorshift stream from `seed`.
fn noise(len: usize, seed: u64) -> Vec<u8> {
	let mut state = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
	(0..len)
		.map(|_| {
			state ^= state << 13;
			state ^= state >> 7;
			state ^= state << 17;
			state as u8
		})
		.collect()
}

/// What a dispatch recorded and was charged.
struct Proved {
	/// Bytes of the proof the dispatch recorded.
	recorded: u64,
	/// The proof_size it was charged.
	charged: u64,
	outcome: DispatchResultWithPostInfo,
}

impl Proved {
	/// Asserts that the dispatch succeeded and was charged at least the proof it recorded.
	fn covered(self, what: &str) -> Self {
		assert_ok!(&self.outcome);
		self.covered_whatever_the_outcome(what)
	}

	/// Asserts that the dispatch was charged at least the proof it recorded.
	fn covered_whatever_the_outcome(self, what: &str) -> Self {
		assert!(self.recorded <= self.charged, "{what}: recorded {} bytes of proof, charged {}", self.recorded, self.charged);
		self
	}
}

/// Runs `f` on the state committed to the database, as a block finds what earlier blocks stored;
/// returns what `f` returned and the size of the proof it recorded: the bytes of the proof's
/// nodes, each with its length, as the recorder counts them for the proof size the runtime reads
/// (a block's proof holds the nodes of all its extrinsics behind one count).
fn record<R>(ext: &mut TestExt, f: impl FnOnce() -> R) -> (R, u64) {
	let (number, now) = ext.execute_with(|| (System::block_number(), pallet_timestamp::Now::<Test>::get()));
	ext.commit_all().expect("the state commits");
	let (result, proof) = ext.execute_and_prove(|| {
		start_block(number, now);
		f()
	});
	// Checks the invariants after it.
	ext.execute_with(|| {});
	(result, proof.iter_nodes().map(|node| node.encoded_size() as u64).sum())
}

/// Dispatches `call` as `origin` ([`record`]) and returns the proof it recorded and the
/// proof_size it was charged.
fn prove(ext: &mut TestExt, origin: RuntimeOrigin, call: impl Into<RuntimeCall>) -> Proved {
	let call: RuntimeCall = call.into();
	// A deploy's declared weight reads the parameters.
	let declared = ext.execute_with(|| call.get_dispatch_info());
	let (outcome, recorded) = record(ext, || call.dispatch(origin));
	let post = match &outcome {
		Ok(post) => *post,
		Err(failure) => failure.post_info,
	};
	Proved { recorded, charged: post.calc_actual_weight(&declared).proof_size(), outcome }
}

/// What a block's initialisation and its inherents leave in the overlay before its first
/// extrinsic, and so out of any extrinsic's proof: the block number, the phase, the timestamp,
/// the level of nested storage transactions (which every dispatch reads), and the block's
/// events, emptied.
fn start_block(number: u64, now: u64) {
	System::set_block_number(number);
	System::note_finished_initialize();
	Timestamp::set_timestamp(now);
	sp_io::storage::clear(frame_support::storage::transactional::TRANSACTION_LEVEL_KEY);
	for item in [&b"Events"[..], b"EventCount"] {
		sp_io::storage::clear(&frame_support::storage::storage_prefix(b"System", item));
	}
}

/// Accounts on the proving chain besides the test's own: enough that the paths to accounts are
/// deeper than in the state the benchmarks measure.
const ACCOUNTS: u32 = 16_384;

/// The mock's genesis with [`ACCOUNTS`] more accounts, each with the existential deposit, in the
/// database. Built once, as a trie of that size takes seconds in a debug build, and copied for
/// each test.
fn chain() -> TestExt {
	type Snapshot = (Vec<(Vec<u8>, (Vec<u8>, i32))>, sp_core::H256);
	static SNAPSHOT: std::sync::OnceLock<Snapshot> = std::sync::OnceLock::new();
	let (nodes, root) = SNAPSHOT.get_or_init(|| {
		let mut ext = new_test_ext_unchecked();
		ext.execute_with(|| {
			let info = frame_system::AccountInfo {
				providers: 1,
				data: pallet_balances::AccountData { free: EXISTENTIAL_DEPOSIT, ..Default::default() },
				..Default::default()
			};
			for index in 0..ACCOUNTS {
				let account = AccountId::new(sp_io::hashing::blake2_256(&index.to_le_bytes()));
				frame_system::Account::<Test>::insert(account, &info);
			}
		});
		ext.commit_all().expect("the state commits");
		ext.into_raw_snapshot()
	});
	TestExt(sp_io::TestExternalities::from_raw_snapshot(nodes.clone(), *root, Default::default()))
}

fn execute_call(contract: &AccountId, entry: &str, msg: Vec<u8>, value: Balance) -> crate::Call<Test> {
	crate::Call::execute {
		contract: contract.clone(),
		entry_point: entry.as_bytes().to_vec(),
		msg,
		value,
		gas_limit: gas(),
		storage_deposit_limit: None,
	}
}

fn trie_of(contract: &AccountId) -> TrieId {
	ContractInfoOf::<Test>::get(contract).expect("contract exists").trie_id
}

fn funded(seed: u8, amount: Balance) -> AccountId {
	let account = AccountId::new([seed; 32]);
	Balances::set_balance(&account, amount);
	account
}

// Storage host functions, through the `bulk_storage` fixture.

/// The largest value the default parameters allow.
const LARGEST: usize = 16 * 1024;
/// The longest key the parameters may allow: the storage tests raise `max_storage_key_len` to it.
const LONGEST_KEY: u32 = limits::MAX_STORAGE_KEY_LEN;
/// Values in a contract's trie besides those a test touches, so that its keys sit as deep as in
/// a busy contract.
const FILLER: u32 = 4096;

/// The `bulk_storage` key of `index`: [`LONGEST_KEY`] bytes, the index first.
fn bulk_key(index: u32) -> Vec<u8> {
	let mut key = index.to_le_bytes().to_vec();
	key.resize(LONGEST_KEY as usize, 0);
	key
}

fn bulk_input(count: u32, value_len: usize) -> Vec<u8> {
	[count, LONGEST_KEY, value_len as u32].iter().flat_map(|n| n.to_le_bytes()).collect()
}

/// Stores `count` incompressible values of `len` bytes under the `bulk_storage` keys `0..count`
/// of `contract`, among [`FILLER`] other values.
fn store_values(contract: &AccountId, count: u32, len: usize) {
	for index in 0..FILLER {
		let key = sp_io::hashing::blake2_256(&index.to_le_bytes());
		store_directly(contract, &key, &key);
	}
	for index in 0..count {
		store_directly(contract, &bulk_key(index), &noise(len, u64::from(index)));
	}
}

/// The `bulk_storage` contract with `count` values of `len` bytes ([`store_values`]).
fn bulk_contract_with_values(count: u32, len: usize) -> (TestExt, AccountId) {
	let mut ext = chain();
	let contract = ext.execute_with(|| {
		set_params(|params| params.max_storage_key_len = LONGEST_KEY);
		let contract = deploy_fixture("bulk_storage");
		store_values(&contract, count, len);
		contract
	});
	(ext, contract)
}

/// Runs `entry` of the `bulk_storage` contract over `count` keys, writing values of `value_len`.
fn bulk(ext: &mut TestExt, contract: &AccountId, entry: &str, count: u32, value_len: usize) -> Proved {
	prove(ext, RuntimeOrigin::signed(BOB), execute_call(contract, entry, bulk_input(count, value_len), 0))
}

#[test]
fn deleting_large_values_is_charged_the_proof_of_every_value_deleted() {
	let count = 48;
	let (mut ext, contract) = bulk_contract_with_values(count, LARGEST);
	let proved = bulk(&mut ext, &contract, "delete", count, 0).covered("storage_delete");
	assert!(proved.recorded > u64::from(count) * LARGEST as u64, "every deleted value is in the proof: {}", proved.recorded);
	ext.execute_with(|| assert_eq!(stored(&contract, &bulk_key(0)), None));
}

#[test]
fn shrinking_large_values_is_charged_the_proof_of_every_value_replaced() {
	let count = 48;
	let (mut ext, contract) = bulk_contract_with_values(count, LARGEST);
	let proved = bulk(&mut ext, &contract, "write", count, 1).covered("storage_write");
	assert!(proved.recorded > u64::from(count) * LARGEST as u64, "every replaced value is in the proof: {}", proved.recorded);
	ext.execute_with(|| assert_eq!(stored(&contract, &bulk_key(7)), Some(vec![1])));
}

#[test]
fn replacing_large_values_with_large_values_is_charged_the_proof_of_every_value_replaced() {
	let count = 48;
	let (mut ext, contract) = bulk_contract_with_values(count, LARGEST);
	let proved = bulk(&mut ext, &contract, "write", count, LARGEST).covered("storage_write");
	assert!(proved.recorded > u64::from(count) * LARGEST as u64, "every replaced value is in the proof: {}", proved.recorded);
	ext.execute_with(|| assert_eq!(stored(&contract, &bulk_key(7)).map(|value| value.len()), Some(LARGEST)));
}

#[test]
fn writing_new_keys_is_charged_the_proof_of_their_paths() {
	let count = 48;
	let (mut ext, contract) = bulk_contract_with_values(0, 0);
	bulk(&mut ext, &contract, "write", count, LARGEST).covered("storage_write");
	ext.execute_with(|| assert_eq!(stored(&contract, &bulk_key(47)).map(|value| value.len()), Some(LARGEST)));
}

#[test]
fn reading_large_values_is_charged_the_proof_of_every_value_read() {
	// Each value read is placed in memory, which grows to hold it: a few fit the page limit.
	let count = 12;
	let (mut ext, contract) = bulk_contract_with_values(count, LARGEST);
	let proved = bulk(&mut ext, &contract, "read", count, 0).covered("storage_read");
	assert!(proved.recorded > u64::from(count) * LARGEST as u64, "every value read is in the proof: {}", proved.recorded);
}

#[test]
fn a_key_read_again_is_charged_its_proof_once() {
	let reads = 12;
	let (mut ext, contract) = bulk_contract_with_values(1, LARGEST);
	let proved = bulk(&mut ext, &contract, "read_again", reads, 0).covered("storage_read");
	// The first read is charged the value and its path; the others are hot.
	assert!(proved.charged < 2 * LARGEST as u64 + 64 * 1024, "charged {} for one value read {reads} times", proved.charged);
}

#[test]
fn a_key_read_again_pays_no_database_read_and_no_proof() {
	let (mut ext, contract) = bulk_contract_with_values(2, 32);
	ext.execute_with(|| {
		let consumed = |entry: &str, count: u32| {
			let input = bulk_input(count, 0);
			let dry_run = Contracts::dry_run_execute(BOB, contract.clone(), entry.as_bytes().to_vec(), input, 0, None);
			assert!(dry_run.result.is_ok(), "{entry} of {count}");
			dry_run.gas_consumed
		};
		let cold = consumed("read", 2) - consumed("read", 1);
		let hot = consumed("read_again", 2) - consumed("read_again", 1);
		assert_eq!(hot.proof_size(), 0, "a hot read adds no proof");
		let database_read = <Test as frame_system::Config>::DbWeight::get().reads(1).ref_time();
		assert!(
			hot.ref_time() + database_read <= cold.ref_time(),
			"a hot read costs {} ps, a cold one {} ps",
			hot.ref_time(),
			cold.ref_time()
		);
	});
}

#[test]
fn updating_keys_is_charged_the_proof_of_each_value_once() {
	// Each value read is placed in memory, which grows to hold it: a few fit the page limit.
	let count = 12;
	let (mut ext, contract) = bulk_contract_with_values(count, LARGEST);
	let proved = bulk(&mut ext, &contract, "update", count, LARGEST).covered("storage_read and storage_write");
	assert!(proved.recorded > u64::from(count) * LARGEST as u64, "every value read is in the proof: {}", proved.recorded);
	// A write of a key the call read is hot: the value is not charged a second time.
	let once = u64::from(count) * (LARGEST as u64 + 8 * 1024);
	assert!(proved.charged < once, "charged {} for {count} values of {LARGEST} bytes", proved.charged);
	ext.execute_with(|| assert_eq!(stored(&contract, &bulk_key(7)).map(|value| value.len()), Some(LARGEST)));
}

#[test]
fn values_stored_before_the_limit_was_lowered_are_charged_in_full() {
	// As large as any parameters allow: stored while the limit was higher than it is now.
	let (count, len) = (8, limits::MAX_STORAGE_VALUE_LEN as usize);
	let (mut ext, contract) = bulk_contract_with_values(count, len);
	let proved = bulk(&mut ext, &contract, "delete", count, 0).covered("storage_delete");
	assert!(proved.recorded > u64::from(count) * len as u64, "every deleted value is in the proof: {}", proved.recorded);
}

#[test]
fn a_failed_call_is_charged_the_proof_of_what_it_touched_before_failing() {
	let count = 48;
	let (mut ext, contract) = bulk_contract_with_values(count, LARGEST);
	let proved = bulk(&mut ext, &contract, "delete_then_trap", count, 0).covered_whatever_the_outcome("storage_delete");
	assert!(proved.recorded > u64::from(count) * LARGEST as u64, "every deleted value is in the proof: {}", proved.recorded);
	assert_eq!(proved.outcome.map_err(|failure| failure.error), Err(crate::Error::<Test>::ContractTrapped.into()));
	ext.execute_with(|| assert!(stored(&contract, &bulk_key(0)).is_some(), "the deletes were undone"));
}

#[test]
fn a_small_value_is_not_charged_for_the_largest_one() {
	let count = 4;
	let (mut ext, contract) = bulk_contract_with_values(count, 8);
	let small = bulk(&mut ext, &contract, "delete", count, 0).covered("storage_delete");
	// The reservation for the largest value is given back once the value's length is known.
	let (mut large_ext, large_contract) = bulk_contract_with_values(count, LARGEST);
	let large = bulk(&mut large_ext, &large_contract, "delete", count, 0).covered("storage_delete");
	assert!(
		small.charged + u64::from(count) * (LARGEST as u64 - 8) <= large.charged,
		"small values charged {}, large ones {}",
		small.charged,
		large.charged
	);
}

#[test]
fn a_call_needs_room_for_the_largest_old_value_and_reports_it() {
	let (mut ext, contract) = bulk_contract_with_values(1, 8);
	ext.execute_with(|| {
		// The contract holds a value of the largest length elsewhere: any of its values may be as long.
		store_directly(&contract, b"large", &noise(LARGEST, 9));
		let input = bulk_input(1, 0);
		let dry_run = Contracts::dry_run_execute(BOB, contract.clone(), b"delete".to_vec(), input.clone(), 0, None);
		assert!(dry_run.result.is_ok());
		let largest = Params::default().max_storage_value_len as u64;
		// The reservation is in the peak the call needed, and given back from what it consumed.
		assert!(dry_run.gas_required.proof_size() > largest, "required {}", dry_run.gas_required);
		assert!(dry_run.gas_required.proof_size() > dry_run.gas_consumed.proof_size());
		// The required limit suffices, and a smaller one runs out before touching the value.
		let run = |limit: Weight| {
			Contracts::execute(RuntimeOrigin::signed(BOB), contract.clone(), b"delete".to_vec(), input.clone(), 0, limit, None)
		};
		let tight = dry_run.gas_required - Weight::from_parts(0, 1);
		assert_eq!(error_of(run(tight)), crate::Error::<Test>::OutOfGas.into());
		assert_eq!(stored(&contract, &bulk_key(0)).map(|value| value.len()), Some(8));
		assert_ok!(run(dry_run.gas_required));
		assert_eq!(stored(&contract, &bulk_key(0)), None);
	});
}

#[test]
fn a_contract_of_small_values_reserves_only_its_longest_value() {
	let (mut ext, contract) = bulk_contract_with_values(4, 8);
	ext.execute_with(|| {
		// What the reads of its 8-byte values need beyond what they use.
		let reserved = || {
			let input = bulk_input(4, 0);
			let dry_run = Contracts::dry_run_execute(BOB, contract.clone(), b"read".to_vec(), input, 0, None);
			assert!(dry_run.result.is_ok(), "{:?}", dry_run.result);
			dry_run.gas_required.proof_size() - dry_run.gas_consumed.proof_size()
		};
		// Its longest value is 32 bytes (the filler's): a read reserves no more.
		assert!(reserved() <= 32, "reserved {}", reserved());
		// Once one of its calls stores a value of the largest length, every read reserves it.
		assert_ok!(execute(&BOB, &contract, "write", bulk_input(1, LARGEST)));
		assert_eq!(ContractInfoOf::<Test>::get(&contract).map(|info| info.longest_value), Some(LARGEST as u32));
		assert!(reserved() >= (LARGEST - 8) as u64, "reserved {}", reserved());
	});
}

#[test]
fn storing_a_longer_value_than_ever_records_its_length_once_and_a_reverted_call_leaves_it() {
	let (mut ext, contract) = bulk_contract_with_values(2, 8);
	ext.execute_with(|| {
		let longest = || ContractInfoOf::<Test>::get(&contract).map(|info| info.longest_value);
		assert_eq!(longest(), Some(32));
		let charged = |result: Result<PostDispatchInfo, DispatchErrorWithPostInfo>| {
			result.expect("the call succeeds").actual_weight.expect("a call reports its weight")
		};
		// The first value of 100 bytes rewrites the record: one database write more than the
		// same write again.
		let first = charged(execute(&BOB, &contract, "write", bulk_input(1, 100)));
		assert_eq!(longest(), Some(100));
		let again = charged(execute(&BOB, &contract, "write", bulk_input(1, 100)));
		let write = <Test as frame_system::Config>::DbWeight::get().writes(1);
		assert!(first.ref_time() >= again.ref_time() + write.ref_time(), "first {first}, again {again}");
		assert_eq!(longest(), Some(100));
		// A shorter value leaves it.
		assert_ok!(execute(&BOB, &contract, "write", bulk_input(2, 50)));
		assert_eq!(longest(), Some(100));
		// A call that fails takes its longer value and the record's length with it.
		assert!(execute(&BOB, &contract, "write_then_trap", bulk_input(2, LARGEST)).is_err());
		assert_eq!(longest(), Some(100));
		assert_eq!(stored(&contract, &bulk_key(1)).map(|value| value.len()), Some(50));
	});
}

#[test]
fn removing_a_terminated_contracts_storage_uses_the_proof_it_records() {
	let count = 64;
	let mut ext = chain();
	ext.execute_with(|| {
		let contract = deploy_fixture("terminator");
		store_values(&contract, count, LARGEST);
		assert_ok!(execute(&BOB, &contract, "terminate", CHARLIE.encode()));
	});
	let (used, recorded) = record(&mut ext, || Contracts::on_idle(1, Weight::MAX));
	assert!(recorded <= used.proof_size(), "on_idle: recorded {recorded} bytes of proof, used {}", used.proof_size());
	ext.execute_with(|| assert_eq!(crate::DeletionQueue::<Test>::iter().count(), 0, "the trie is gone"));
}

// Host functions that load code or touch accounts and events, through the `host_loops` fixture.

/// A contract whose exports (`run`, `instantiate`, `migrate`) return 32 bytes, so that each call
/// of it also puts its output in an event.
const RETURNS_OUTPUT: &str = r#"(module
	(import "env" "set_return_data" (func $set_return_data (param i32 i32)))
	(memory (export "memory") 1)
	(func $output (call $set_return_data (i32.const 0) (i32.const 32)))
	(func (export "run") (call $output))
	(func (export "instantiate") (call $output))
	(func (export "migrate") (call $output)))"#;

/// [`RETURNS_OUTPUT`] padded to `max_contract_size` by a custom section of incompressible bytes
/// from `seed`: the largest module a call can load, a different one for each seed.
fn largest_module(seed: u64) -> Vec<u8> {
	let mut wasm = wat(RETURNS_OUTPUT);
	let size = Params::default().max_contract_size as usize;
	let name = b"padding";
	// Section id, its length as a 5-byte LEB128, the name's length and the name.
	let header = 1 + 5 + 1 + name.len();
	let contents = size - wasm.len() - header;
	let section_len = (1 + name.len() + contents) as u32;
	wasm.push(0);
	for shift in [0, 7, 14, 21, 28] {
		let continues = if shift < 28 { 0x80 } else { 0 };
		wasm.push(((section_len >> shift) & 0x7f) as u8 | continues);
	}
	wasm.push(name.len() as u8);
	wasm.extend_from_slice(name);
	wasm.extend(noise(contents, seed));
	assert_eq!(wasm.len(), size);
	wasm
}

/// Uploads the largest module of `seed` as Alice.
fn upload_largest(seed: u64) -> CodeId {
	upload(&ALICE, largest_module(seed))
}

/// The `host_loops` contract, funded for the values it sends.
fn host_loops() -> AccountId {
	let contract = deploy_fixture("host_loops");
	Balances::set_balance(&contract, INITIAL_BALANCE);
	contract
}

/// Contracts of `count` distinct largest modules.
fn largest_contracts(count: u64) -> Vec<AccountId> {
	(0..count).map(|seed| instantiate(&ALICE, upload_largest(seed), vec![], Some(ALICE))).collect()
}

fn module_bytes(count: u64) -> u64 {
	count * u64::from(Params::default().max_contract_size)
}

#[test]
fn calling_contracts_of_the_largest_modules_is_charged_the_proof_of_their_code() {
	let mut ext = chain();
	let (caller, callees) = ext.execute_with(|| (host_loops(), largest_contracts(4)));
	let input = callees.iter().flat_map(|callee| callee.encode()).collect();
	let proved = prove(&mut ext, RuntimeOrigin::signed(BOB), execute_call(&caller, "call", input, 0)).covered("call_contract");
	assert!(proved.recorded > module_bytes(4), "every callee's module is in the proof: {}", proved.recorded);
}

#[test]
fn querying_contracts_of_the_largest_modules_is_charged_the_proof_of_their_code() {
	let mut ext = chain();
	let (caller, callees) = ext.execute_with(|| (host_loops(), largest_contracts(4)));
	let input = callees.iter().flat_map(|callee| callee.encode()).collect();
	let proved = prove(&mut ext, RuntimeOrigin::signed(BOB), execute_call(&caller, "query", input, 0)).covered("query_contract");
	assert!(proved.recorded > module_bytes(4), "every callee's module is in the proof: {}", proved.recorded);
}

#[test]
fn instantiating_the_largest_modules_from_a_contract_is_charged_the_proof_of_their_code() {
	let mut ext = chain();
	let (factory, code_ids) = ext.execute_with(|| (host_loops(), (0..3).map(upload_largest).collect::<Vec<_>>()));
	let input = code_ids.iter().flat_map(|code_id| code_id.to_le_bytes()).collect();
	let proved =
		prove(&mut ext, RuntimeOrigin::signed(BOB), execute_call(&factory, "create", input, 0)).covered("instantiate_contract");
	assert!(proved.recorded > module_bytes(3), "every new contract's module is in the proof: {}", proved.recorded);
	ext.execute_with(|| assert_eq!(crate::InstanceCounter::<Test>::get(), 4));
}

#[test]
fn transfers_to_accounts_in_the_database_are_charged_their_proof() {
	let mut ext = chain();
	let (contract, recipients) =
		ext.execute_with(|| (host_loops(), (0..16).map(|index| funded(100 + index, INITIAL_BALANCE)).collect::<Vec<_>>()));
	let input = recipients.iter().flat_map(|recipient| recipient.encode()).collect();
	prove(&mut ext, RuntimeOrigin::signed(BOB), execute_call(&contract, "pay", input, 0)).covered("transfer");
	ext.execute_with(|| assert_eq!(balance(&recipients[15]), INITIAL_BALANCE + 100));
}

#[test]
fn reading_the_balance_is_charged_its_proof() {
	let mut ext = chain();
	let contract = ext.execute_with(host_loops);
	prove(&mut ext, RuntimeOrigin::signed(BOB), execute_call(&contract, "balance", vec![0; 4], 0)).covered("get_balance");
}

#[test]
fn emitting_events_is_charged_the_proof_of_the_block_event_counter() {
	let mut ext = chain();
	let contract = ext.execute_with(|| {
		// An earlier block's count, which the first event of this block reads and replaces.
		crate::BlockEventBytes::<Test>::put((0, 1_000));
		host_loops()
	});
	prove(&mut ext, RuntimeOrigin::signed(BOB), execute_call(&contract, "log", vec![0; 8], 0)).covered("log_event");
	ext.execute_with(|| assert_eq!(contract_events().len(), 8 + 1));
}

#[test]
fn terminating_a_contract_that_holds_deposits_is_charged_its_proof() {
	let mut ext = chain();
	let beneficiary = AccountId::new([4u8; 32]);
	let contract = ext.execute_with(|| {
		// Alice holds its instantiation deposit, the contract holds Bob's deposit for a large
		// value and Alice's for a second code history entry, and it keeps unpaid storage.
		let contract = deploy_fixture("terminator");
		assert_ok!(execute(&BOB, &contract, "store", noise(LARGEST, 1)));
		let new_code_id = upload(&ALICE, fixture("terminator"));
		assert_ok!(Contracts::migrate(RuntimeOrigin::signed(ALICE), contract.clone(), new_code_id, vec![], gas(), None));
		let trie_id = trie_of(&contract);
		store_directly(&contract, b"old", &noise(LARGEST, 2));
		crate::UnpaidStorageOf::<Test>::mutate(trie_id, |unpaid| {
			unpaid.get_or_insert_with(Default::default).add_entry(3, LARGEST as u32)
		});
		contract
	});
	prove(&mut ext, RuntimeOrigin::signed(BOB), execute_call(&contract, "terminate", beneficiary.encode(), 0)).covered("terminate");
	ext.execute_with(|| {
		assert!(!ContractInfoOf::<Test>::contains_key(&contract));
		assert!(balance(&beneficiary) > 0);
	});
}

// Dispatchables.

#[test]
fn uploading_the_largest_module_is_charged_its_proof() {
	let mut ext = chain();
	let upload = || crate::Call::<Test>::upload_code { code: largest_module(0), storage_deposit_limit: None };
	prove(&mut ext, RuntimeOrigin::signed(ALICE), upload()).covered("upload_code");
	// Stored already: the module is looked up, not read.
	let again = prove(&mut ext, RuntimeOrigin::signed(BOB), upload()).covered("upload_code of a stored module");
	assert!(again.recorded < module_bytes(1));
	ext.execute_with(|| assert_eq!(crate::NextCodeId::<Test>::get(), 3));
}

#[test]
fn instantiating_the_largest_module_is_charged_the_proof_of_its_code() {
	let mut ext = chain();
	let code_id = ext.execute_with(|| upload_largest(0));
	let call = crate::Call::<Test>::instantiate {
		code_id,
		init_msg: vec![7; 1024],
		admin: Some(BOB),
		value: 1_000,
		gas_limit: gas(),
		salt: Some(vec![1; limits::MAX_SALT_LEN as usize]),
		storage_deposit_limit: None,
	};
	let proved = prove(&mut ext, RuntimeOrigin::signed(BOB), call).covered("instantiate");
	assert!(proved.recorded > module_bytes(1), "the module is in the proof: {}", proved.recorded);
}

#[test]
fn executing_a_contract_of_the_largest_module_is_charged_the_proof_of_its_code() {
	let mut ext = chain();
	let contract = ext.execute_with(|| largest_contracts(1).remove(0));
	let proved = prove(&mut ext, RuntimeOrigin::signed(BOB), execute_call(&contract, "run", vec![7; 1024], 1_000)).covered("execute");
	assert!(proved.recorded > module_bytes(1), "the module is in the proof: {}", proved.recorded);
}

#[test]
fn a_block_running_the_largest_module_twice_is_charged_the_proof_of_its_code_once() {
	let mut ext = chain();
	let contract = ext.execute_with(|| largest_contracts(1).remove(0));
	let call: RuntimeCall = execute_call(&contract, "run", vec![7; 1024], 1_000).into();
	let declared = ext.execute_with(|| call.get_dispatch_info());
	let (charged, recorded) = record(&mut ext, || {
		Contracts::on_initialize(System::block_number());
		[BOB, CHARLIE].map(|caller| {
			let post = call.clone().dispatch(RuntimeOrigin::signed(caller)).expect("the call succeeds");
			post.calc_actual_weight(&declared).proof_size()
		})
	});
	assert!(recorded <= charged[0] + charged[1], "recorded {recorded} bytes of proof, charged {charged:?}");
	assert!(charged[0] - charged[1] > module_bytes(1), "the second call is not charged the code: {charged:?}");
}

#[test]
fn migrating_to_the_largest_module_is_charged_the_proof_of_its_code() {
	let mut ext = chain();
	let (contract, new_code_id) = ext.execute_with(|| (largest_contracts(1).remove(0), upload_largest(1)));
	let call = crate::Call::<Test>::migrate {
		contract,
		new_code_id,
		msg: vec![7; 1024],
		gas_limit: gas(),
		storage_deposit_limit: None,
	};
	let proved = prove(&mut ext, RuntimeOrigin::signed(ALICE), call).covered("migrate");
	assert!(proved.recorded > module_bytes(1), "the new module is in the proof: {}", proved.recorded);
}

#[test]
fn updating_the_admin_is_charged_its_proof() {
	let mut ext = chain();
	let contract = ext.execute_with(|| deploy_fixture("counter"));
	let call = crate::Call::<Test>::update_admin { contract: contract.clone(), new_admin: CHARLIE };
	prove(&mut ext, RuntimeOrigin::signed(ALICE), call).covered("update_admin");
	ext.execute_with(|| assert_eq!(ContractInfoOf::<Test>::get(&contract).unwrap().admin, Some(CHARLIE)));
}

#[test]
fn clearing_the_admin_is_charged_its_proof() {
	let mut ext = chain();
	let contract = ext.execute_with(|| deploy_fixture("counter"));
	prove(&mut ext, RuntimeOrigin::signed(ALICE), crate::Call::<Test>::clear_admin { contract: contract.clone() })
		.covered("clear_admin");
	ext.execute_with(|| assert_eq!(ContractInfoOf::<Test>::get(&contract).unwrap().admin, None));
}

#[test]
fn removing_the_last_code_id_of_the_largest_module_is_charged_its_proof() {
	let mut ext = chain();
	let code_id = ext.execute_with(|| {
		let code_id = upload_largest(0);
		// Removing the code id releases its deposit and the module's own, on another account.
		give_module_a_deposit_of_its_own(code_id);
		code_id
	});
	prove(&mut ext, RuntimeOrigin::signed(ALICE), crate::Call::<Test>::remove_code { code_id }).covered("remove_code");
	ext.execute_with(|| assert!(contract_events().iter().any(|event| matches!(event, Event::CodeRemoved { module_removed: true, .. }))));
}

/// Gives the module of `code_id` a deposit of its own, held on Charlie, as code uploaded before
/// every code id paid for its module has.
fn give_module_a_deposit_of_its_own(code_id: CodeId) {
	let code_hash = crate::CodeInfoOf::<Test>::get(code_id).expect("code exists").code_hash;
	let amount = 5_000;
	assert_ok!(Balances::hold(&HoldReason::CodeUpload.into(), &CHARLIE, amount));
	crate::ModuleDeposits::<Test>::insert(code_hash, crate::deposit::Deposit { depositor: CHARLIE, amount });
}

#[test]
fn removing_code_is_charged_the_release_of_a_module_deposit_only_when_there_is_one() {
	new_test_ext().execute_with(|| {
		let remove = |code_id| Contracts::remove_code(RuntimeOrigin::signed(ALICE), code_id).map(|post| post.actual_weight);
		let base = <Test as crate::Config>::WeightInfo::remove_code();
		let release = <Test as crate::Config>::WeightInfo::settle_deposit();
		assert_eq!(remove(upload(&ALICE, fixture("counter"))), Ok(Some(base)));
		let code_id = upload(&ALICE, fixture("counter"));
		give_module_a_deposit_of_its_own(code_id);
		assert_eq!(remove(code_id), Ok(Some(base + release)));
		let declared = RuntimeCall::from(crate::Call::<Test>::remove_code { code_id }).get_dispatch_info().call_weight;
		assert_eq!(declared, base + release);
	});
}

/// A deploy session that writes [`LARGEST`] bytes under the variable "large".
const WRITES_LARGE_VARIABLE: &str = r#"(module
	(import "env" "storage_write" (func $storage_write (param i32 i32 i32 i32) (result i32)))
	(memory (export "memory") 1)
	(data (i32.const 0) "large")
	(func (export "call") (drop (call $storage_write (i32.const 0) (i32.const 5) (i32.const 16) (i32.const 16384)))))"#;

#[test]
fn deploying_is_charged_the_proof_of_the_variables_it_replaces() {
	let mut ext = chain();
	let deploy = || crate::Call::<Test>::deploy {
		payment: fixture("deploy_pay"),
		session: wat(WRITES_LARGE_VARIABLE),
		payment_amount: 0,
		session_gas_limit: gas(),
		storage_deposit_limit: None,
	};
	// A first deploy records the account's variables; the second replaces them.
	ext.execute_with(|| {
		let call = RuntimeCall::from(deploy());
		assert_ok!(call.dispatch(RuntimeOrigin::signed(ALICE)));
	});
	let proved = prove(&mut ext, RuntimeOrigin::signed(ALICE), deploy()).covered("deploy");
	assert!(proved.recorded > LARGEST as u64, "the replaced variable is in the proof: {}", proved.recorded);
}

#[test]
fn setting_the_parameters_is_charged_its_proof() {
	let mut ext = chain();
	let params = Params { max_call_depth: 4, ..Params::default() };
	prove(&mut ext, RuntimeOrigin::root(), crate::Call::<Test>::set_params { params }).covered("set_params");
}

#[test]
fn starting_a_block_is_charged_the_proof_of_the_parameters() {
	let mut ext = chain();
	let number = ext.execute_with(System::block_number);
	let (charged, recorded) = record(&mut ext, || Contracts::on_initialize(number));
	assert!(recorded <= charged.proof_size(), "recorded {recorded} bytes of proof, charged {charged:?}");
	assert!(recorded > 0, "the parameters are in the proof");
}
