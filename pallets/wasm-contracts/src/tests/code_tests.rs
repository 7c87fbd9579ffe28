//! Upload and validation: every rule refuses its own hostile module with its own error, and a
//! refused upload stores nothing.

use super::*;
use crate::{CodeInfoOf, Error, Event, NextCodeId, PristineCode};
use flate2::{write::GzEncoder, Compression};
use frame_support::{assert_noop, assert_ok};
use sp_io::hashing::blake2_256;
use std::io::Write;

fn gzip(data: &[u8]) -> Vec<u8> {
	let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
	encoder.write_all(data).unwrap();
	encoder.finish().unwrap()
}

fn assert_refused(wasm: Vec<u8>, error: Error<Test>) {
	new_test_ext().execute_with(|| {
		assert_noop!(Contracts::upload_code(RuntimeOrigin::signed(ALICE), wasm, None), error);
		assert_eq!(NextCodeId::<Test>::get(), 1, "no code id was used");
	});
}

#[test]
fn upload_assigns_sequential_ids_and_stores_each_module_once() {
	new_test_ext().execute_with(|| {
		let counter = fixture("counter");
		let first = upload(&ALICE, counter.clone());
		let second = upload(&BOB, counter.clone());
		let third = upload(&ALICE, fixture("token"));
		assert_eq!((first, second, third), (1, 2, 3));
		let hash = blake2_256(&counter);
		let info = CodeInfoOf::<Test>::get(2).unwrap();
		assert_eq!((info.code_hash, info.uploader, info.code_size), (hash, BOB, counter.len() as u32));
		assert_eq!(PristineCode::<Test>::iter().count(), 2);
		assert!(contract_events().contains(&Event::CodeUploaded {
			code_id: 1,
			code_hash: hash,
			uploader: ALICE,
			code_size: counter.len() as u32
		}));
	});
}

#[test]
fn gzip_code_is_stored_decompressed() {
	new_test_ext().execute_with(|| {
		let counter = fixture("counter");
		let code_id = upload(&ALICE, gzip(&counter));
		let info = CodeInfoOf::<Test>::get(code_id).unwrap();
		assert_eq!(info.code_hash, blake2_256(&counter));
		assert_eq!(PristineCode::<Test>::get(info.code_hash).unwrap().into_inner(), counter);
	});
}

#[test]
fn refuses_floats() {
	assert_refused(
		wat(r#"(module (func (export "f") (drop (f32.add (f32.const 1) (f32.const 2)))))"#),
		Error::FloatsNotAllowed,
	);
}

#[test]
fn refuses_simd() {
	assert_refused(wat(r#"(module (func (export "f") (drop (v128.const i64x2 0 0))))"#), Error::SimdNotAllowed);
}

#[test]
fn refuses_threads() {
	assert_refused(wat(r#"(module (memory 1 1 shared))"#), Error::ThreadsNotAllowed);
}

#[test]
fn refuses_unknown_import() {
	assert_refused(wat(r#"(module (import "env" "spawn_shell" (func)))"#), Error::UnknownImport);
	assert_refused(wat(r#"(module (import "wasi" "storage_read" (func (param i32 i32) (result i64))))"#), Error::UnknownImport);
}

#[test]
fn refuses_wrong_import_signature() {
	assert_refused(
		wat(r#"(module (import "env" "storage_read" (func (param i32) (result i64))))"#),
		Error::ImportSignatureMismatch,
	);
	assert_refused(
		wat(r#"(module (import "env" "get_block_number" (func (result i32))))"#),
		Error::ImportSignatureMismatch,
	);
}

#[test]
fn refuses_imported_memory() {
	assert_refused(wat(r#"(module (import "env" "memory" (memory 1)))"#), Error::InvalidMemory);
}

#[test]
fn refuses_too_many_memory_pages() {
	let pages = Params::default().max_memory_pages + 1;
	assert_refused(wat(&format!("(module (memory {pages}))")), Error::TooManyMemoryPages);
}

#[test]
fn refuses_oversized_code() {
	let max = Params::default().max_contract_size as usize;
	let filler = "\\00".repeat(max);
	assert_refused(wat(&format!(r#"(module (memory 16) (data (i32.const 0) "{filler}"))"#)), Error::CodeTooLarge);
}

#[test]
fn refuses_gzip_bomb() {
	// 64 MiB of a valid data segment shrinks to about 64 KiB of gzip.
	let max = Params::default().max_contract_size as usize;
	let mut bomb = wat("(module)");
	bomb.extend(std::iter::repeat(0u8).take(64 * max));
	let compressed = gzip(&bomb);
	assert!(compressed.len() < max);
	assert_refused(compressed.clone(), Error::CodeTooLarge);
	// A trailer that lies about the size is caught while inflating.
	let mut lying = compressed;
	let len = lying.len();
	lying[len - 4..].copy_from_slice(&64u32.to_le_bytes());
	assert_refused(lying, Error::CodeTooLarge);
}

#[test]
fn refuses_corrupt_gzip() {
	let mut corrupt = gzip(&fixture("counter"));
	let middle = corrupt.len() / 2;
	corrupt[middle] ^= 0x55;
	assert_refused(corrupt, Error::InvalidGzip);
}

#[test]
fn gzip_must_be_one_member_with_nothing_after_it() {
	let counter = gzip(&fixture("counter"));
	let mut two_members = counter.clone();
	two_members.extend(gzip(&wat("(module)")));
	assert_refused(two_members, Error::InvalidGzip);
	let mut trailing = counter;
	trailing.extend_from_slice(&[0, 1, 2]);
	assert_refused(trailing, Error::InvalidGzip);
}

#[test]
fn refuses_start_function_that_loops() {
	assert_refused(wat(r#"(module (func $start (loop $l (br $l))) (start $start))"#), Error::StartFunctionNotAllowed);
}

#[test]
fn refuses_bad_allocate_export() {
	assert_refused(
		wat(r#"(module (func (export "allocate") (param i64) (result i32) (i32.const 0)))"#),
		Error::InvalidAllocateExport,
	);
}

#[test]
fn refuses_too_many_locals() {
	let locals = " i32".repeat(wasm_contracts_primitives::limits::MAX_LOCALS as usize + 1);
	assert_refused(wat(&format!("(module (func (local{locals})))")), Error::TooManyLocals);
}

#[test]
fn refuses_oversized_table() {
	assert_refused(wat("(module (table 5000 funcref))"), Error::TableTooLarge);
}

#[test]
fn refuses_garbage() {
	assert_refused(b"\0asm\x01\0\0\0garbage".to_vec(), Error::InvalidModule);
}

#[test]
fn only_upload_origin_may_upload() {
	new_test_ext().execute_with(|| {
		assert_noop!(
			Contracts::upload_code(RuntimeOrigin::none(), fixture("counter"), None),
			sp_runtime::DispatchError::BadOrigin
		);
	});
}

#[test]
fn upload_reports_the_weight_of_the_decompressed_size() {
	new_test_ext().execute_with(|| {
		let counter = fixture("counter");
		let declarations = crate::vm::validation::footprint(&counter).declaration_bytes;
		assert!(declarations > 0);
		let post = Contracts::upload_code(RuntimeOrigin::signed(ALICE), gzip(&counter), None).unwrap();
		assert_eq!(post.actual_weight, Some(Contracts::upload_weight(counter.len() as u32, declarations)));
		let bound = Contracts::upload_weight_bound(&gzip(&counter));
		assert!(post.actual_weight.unwrap().ref_time() < bound.ref_time());
		assert_ok!(Contracts::upload_code(RuntimeOrigin::signed(ALICE), counter, None));
	});
}
