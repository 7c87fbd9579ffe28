//! Code upload: gzip decompression with a bounded output and the code store.

use crate::{vm, CodeInfoOf, Config, Error, NextCodeId, Pallet, PristineCode};
use alloc::vec::Vec;
use frame_support::{ensure, BoundedVec};
use sp_io::hashing::blake2_256;
use wasm_contracts_primitives::{abi::GZIP_MAGIC, CodeId, CodeInfo, Params};

const GZIP_HEADER_LEN: usize = 10;
const GZIP_TRAILER_LEN: usize = 8;
const GZIP_METHOD_DEFLATE: u8 = 8;
const FLAG_HEADER_CRC: u8 = 0x02;
const FLAG_EXTRA: u8 = 0x04;
const FLAG_NAME: u8 = 0x08;
const FLAG_COMMENT: u8 = 0x10;
const FLAGS_RESERVED: u8 = 0xe0;

/// Why gzip input was refused.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum GzipError {
	/// The header, the deflate stream or the trailer is malformed, or the checksum is wrong.
	Malformed,
	/// The output would be larger than allowed.
	TooLarge,
}

/// Whether `code` starts with the gzip magic.
pub fn is_gzip(code: &[u8]) -> bool {
	code.starts_with(&GZIP_MAGIC)
}

/// Inflates a gzip member into at most `max_len` bytes.
///
/// The size recorded in the trailer is checked before inflating, and the inflater stops as soon
/// as its output would pass `max_len`, so a gzip bomb costs at most `max_len` bytes of memory.
pub fn gunzip(data: &[u8], max_len: usize) -> Result<Vec<u8>, GzipError> {
	let body_start = header_len(data)?;
	let trailer_start = data.len().checked_sub(GZIP_TRAILER_LEN).ok_or(GzipError::Malformed)?;
	if trailer_start < body_start {
		return Err(GzipError::Malformed)
	}
	let (body, trailer) = data.split_at(trailer_start);
	let crc = u32::from_le_bytes([trailer[0], trailer[1], trailer[2], trailer[3]]);
	let declared_len = u32::from_le_bytes([trailer[4], trailer[5], trailer[6], trailer[7]]);
	if declared_len as usize > max_len {
		return Err(GzipError::TooLarge)
	}
	let deflate = body.get(body_start..).ok_or(GzipError::Malformed)?;
	let output = miniz_oxide::inflate::decompress_to_vec_with_limit(deflate, max_len).map_err(|error| {
		match error.status {
			miniz_oxide::inflate::TINFLStatus::HasMoreOutput => GzipError::TooLarge,
			_ => GzipError::Malformed,
		}
	})?;
	if output.len() != declared_len as usize || crc32fast::hash(&output) != crc {
		return Err(GzipError::Malformed)
	}
	Ok(output)
}

/// Length of the gzip header (RFC 1952, section 2.3) at the start of `data`.
fn header_len(data: &[u8]) -> Result<usize, GzipError> {
	let fixed = data.get(..GZIP_HEADER_LEN).ok_or(GzipError::Malformed)?;
	let flags = fixed[3];
	if !is_gzip(fixed) || fixed[2] != GZIP_METHOD_DEFLATE || flags & FLAGS_RESERVED != 0 {
		return Err(GzipError::Malformed)
	}
	let mut position = GZIP_HEADER_LEN;
	if flags & FLAG_EXTRA != 0 {
		let len = data.get(position..position + 2).ok_or(GzipError::Malformed)?;
		position += 2 + u16::from_le_bytes([len[0], len[1]]) as usize;
	}
	for flag in [FLAG_NAME, FLAG_COMMENT] {
		if flags & flag != 0 {
			let rest = data.get(position..).ok_or(GzipError::Malformed)?;
			let terminator = rest.iter().position(|byte| *byte == 0).ok_or(GzipError::Malformed)?;
			position += terminator + 1;
		}
	}
	if flags & FLAG_HEADER_CRC != 0 {
		position += 2;
	}
	if position > data.len() {
		return Err(GzipError::Malformed)
	}
	Ok(position)
}

/// Decompresses (when gzip) and validates `code`, returning the wasm module.
pub fn prepare<T: Config>(code: Vec<u8>, params: &Params) -> Result<Vec<u8>, Error<T>> {
	let max_len = params.max_contract_size as usize;
	ensure!(code.len() <= max_len, Error::<T>::CodeTooLarge);
	let wasm = if is_gzip(&code) {
		gunzip(&code, max_len).map_err(|error| match error {
			GzipError::Malformed => Error::<T>::InvalidGzip,
			GzipError::TooLarge => Error::<T>::CodeTooLarge,
		})?
	} else {
		code
	};
	vm::validate::<T>(&wasm, params)?;
	Ok(wasm)
}

impl<T: Config> Pallet<T> {
	/// Stores validated `wasm` (once per hash) under the next code id.
	pub(crate) fn store_code(uploader: T::AccountId, wasm: Vec<u8>) -> Result<(CodeId, CodeInfo<T::AccountId>), Error<T>> {
		let code_size = u32::try_from(wasm.len()).map_err(|_| Error::<T>::CodeTooLarge)?;
		let code_hash = blake2_256(&wasm);
		if !PristineCode::<T>::contains_key(code_hash) {
			let stored: BoundedVec<u8, _> = wasm.try_into().map_err(|_| Error::<T>::CodeTooLarge)?;
			PristineCode::<T>::insert(code_hash, stored);
		}
		let code_id = NextCodeId::<T>::get();
		let next = code_id.checked_add(1).ok_or(Error::<T>::CounterOverflow)?;
		let info = CodeInfo { code_hash, uploader, code_size };
		CodeInfoOf::<T>::insert(code_id, &info);
		NextCodeId::<T>::put(next);
		Ok((code_id, info))
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use flate2::{write::GzEncoder, Compression};
	use std::io::Write;

	fn gzip(data: &[u8]) -> Vec<u8> {
		let mut encoder = GzEncoder::new(Vec::new(), Compression::best());
		encoder.write_all(data).unwrap();
		encoder.finish().unwrap()
	}

	#[test]
	fn round_trips_within_the_limit() {
		let data: Vec<u8> = (0..5_000u32).map(|i| (i % 251) as u8).collect();
		assert_eq!(gunzip(&gzip(&data), 5_000), Ok(data));
	}

	#[test]
	fn refuses_output_past_the_limit_even_when_the_trailer_lies() {
		let mut bomb = gzip(&vec![0u8; 1 << 20]);
		assert_eq!(gunzip(&bomb, 1_000), Err(GzipError::TooLarge));
		let len = bomb.len();
		bomb[len - 4..].copy_from_slice(&100u32.to_le_bytes());
		assert_eq!(gunzip(&bomb, 1_000), Err(GzipError::TooLarge));
	}

	#[test]
	fn refuses_corruption() {
		let mut data = gzip(b"(module)");
		let len = data.len();
		data[len - 8] ^= 0xff;
		assert_eq!(gunzip(&data, 100), Err(GzipError::Malformed));
		assert_eq!(gunzip(&GZIP_MAGIC, 100), Err(GzipError::Malformed));
	}
}
