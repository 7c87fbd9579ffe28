//! The proof a call records is at most the proof_size it is charged, on the shapes that record
//! the most: old values deleted or shrunk, values read, all of them large and incompressible,
//! in a trie whose nodes are in the database (not in the block's overlay).

use super::*;
use crate::storage::ContractTrie;
use codec::Encode;
use wasm_contracts_primitives::TrieId;

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

/// The `bulk_storage` contract with `count` values of `len` bytes under the keys `0..count`,
/// all in the database.
fn bulk_contract_with_values(count: u32, len: usize) -> (TestExt, AccountId) {
	let mut ext = new_test_ext();
	let contract = ext.execute_with(|| {
		let contract = deploy_fixture("bulk_storage");
		let trie_id: TrieId = crate::ContractInfoOf::<Test>::get(&contract).unwrap().trie_id;
		let trie = ContractTrie::new(&trie_id);
		for index in 0..count {
			trie.write(&index.to_le_bytes(), &noise(len, u64::from(index)));
		}
		contract
	});
	ext.commit_all().unwrap();
	(ext, contract)
}

/// Runs `entry` of `contract` over `count` keys; returns the proof it recorded and the
/// proof_size it was charged (the dispatch's actual weight).
fn recorded_and_charged(ext: &mut TestExt, contract: &AccountId, entry: &str, count: u32) -> (u64, u64) {
	let (result, proof) = ext.execute_and_prove(|| execute(&BOB, contract, entry, count.to_le_bytes().to_vec()));
	let post = result.expect("the call succeeds");
	let charged = post.actual_weight.expect("execute reports its weight").proof_size();
	(proof.encoded_size() as u64, charged)
}

const LARGEST: usize = 16 * 1024;

#[test]
fn deleting_large_values_is_charged_the_proof_of_every_value_deleted() {
	let count = 48;
	let (mut ext, contract) = bulk_contract_with_values(count, LARGEST);
	let (recorded, charged) = recorded_and_charged(&mut ext, &contract, "delete", count);
	assert!(recorded > u64::from(count) * LARGEST as u64, "every deleted value is in the proof: {recorded}");
	assert!(recorded <= charged, "recorded {recorded} bytes of proof, charged {charged}");
	ext.execute_with(|| assert_eq!(stored(&contract, &0u32.to_le_bytes()), None));
}

#[test]
fn shrinking_large_values_is_charged_the_proof_of_every_value_replaced() {
	let count = 48;
	let (mut ext, contract) = bulk_contract_with_values(count, LARGEST);
	let (recorded, charged) = recorded_and_charged(&mut ext, &contract, "shrink", count);
	assert!(recorded > u64::from(count) * LARGEST as u64, "every replaced value is in the proof: {recorded}");
	assert!(recorded <= charged, "recorded {recorded} bytes of proof, charged {charged}");
	ext.execute_with(|| assert_eq!(stored(&contract, &7u32.to_le_bytes()), Some(vec![1])));
}

#[test]
fn reading_large_values_is_charged_the_proof_of_every_value_read() {
	// Each value read is placed in memory, which grows to hold it: a few fit the page limit.
	let count = 3;
	let (mut ext, contract) = bulk_contract_with_values(count, LARGEST);
	let (recorded, charged) = recorded_and_charged(&mut ext, &contract, "read", count);
	assert!(recorded > u64::from(count) * LARGEST as u64);
	assert!(recorded <= charged, "recorded {recorded} bytes of proof, charged {charged}");
}

#[test]
fn a_small_value_is_not_charged_for_the_largest_one() {
	let count = 4;
	let (mut ext, contract) = bulk_contract_with_values(count, 8);
	let (recorded, charged) = recorded_and_charged(&mut ext, &contract, "delete", count);
	assert!(recorded <= charged);
	// The reservation for the largest value is given back once the value's length is known.
	let (_, large_charged) = {
		let (mut large, large_contract) = bulk_contract_with_values(count, LARGEST);
		recorded_and_charged(&mut large, &large_contract, "delete", count)
	};
	assert!(
		charged + u64::from(count) * (LARGEST as u64 - 8) <= large_charged,
		"small values charged {charged}, large ones {large_charged}"
	);
}

#[test]
fn a_call_needs_room_for_the_largest_old_value_and_reports_it() {
	let (mut ext, contract) = bulk_contract_with_values(1, 8);
	ext.execute_with(|| {
		let dry_run = Contracts::dry_run_execute(BOB, contract.clone(), b"delete".to_vec(), 1u32.to_le_bytes().to_vec(), 0, None);
		assert!(dry_run.result.is_ok());
		let largest = Params::default().max_storage_value_len as u64;
		// The reservation is in the peak the call needed, and given back from what it consumed.
		assert!(dry_run.gas_required.proof_size() > largest, "required {}", dry_run.gas_required);
		assert!(dry_run.gas_required.proof_size() > dry_run.gas_consumed.proof_size());
		// The required limit suffices, and a smaller one runs out before touching the value.
		let run = |limit: Weight| {
			Contracts::execute(RuntimeOrigin::signed(BOB), contract.clone(), b"delete".to_vec(), 1u32.to_le_bytes().to_vec(), 0, limit, None)
		};
		let tight = dry_run.gas_required - Weight::from_parts(0, 1);
		assert_eq!(error_of(run(tight)), crate::Error::<Test>::OutOfGas.into());
		assert_eq!(stored(&contract, &0u32.to_le_bytes()).map(|value| value.len()), Some(8));
		assert_ok!(run(dry_run.gas_required));
		assert_eq!(stored(&contract, &0u32.to_le_bytes()), None);
	});
}
