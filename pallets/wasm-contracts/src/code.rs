//! Code upload: gzip decompression with a bounded output and the code store.

use crate::{
	vm::{self, validation::Footprint},
	BalanceOf, CodeInfoOf, Config, Error, ModuleUsers, NextCodeId, Pallet, PristineCode,
};
use alloc::vec::Vec;
use frame_support::{ensure, weights::Weight, BoundedVec};
use sp_io::hashing::blake2_256;
use wasm_contracts_primitives::{abi::GZIP_MAGIC, limits, CodeId, CodeInfo, Params, TranslationPrice};

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

/// Inflates `data`, which must be exactly one gzip member, into at most `max_len` bytes.
///
/// The inflater stops as soon as its output would pass `max_len`, so a gzip bomb costs at most
/// `max_len` bytes of memory. The member's trailer follows the end of its deflate stream, and
/// nothing may follow the trailer: a second member or trailing bytes make the input malformed.
pub fn gunzip(data: &[u8], max_len: usize) -> Result<Vec<u8>, GzipError> {
	let body_start = header_len(data)?;
	let deflate = data.get(body_start..).ok_or(GzipError::Malformed)?;
	let (output, consumed) = inflate(deflate, max_len)?;
	let trailer = deflate.get(consumed..).ok_or(GzipError::Malformed)?;
	let [c0, c1, c2, c3, l0, l1, l2, l3] = <[u8; GZIP_TRAILER_LEN]>::try_from(trailer).map_err(|_| GzipError::Malformed)?;
	let crc = u32::from_le_bytes([c0, c1, c2, c3]);
	let declared_len = u32::from_le_bytes([l0, l1, l2, l3]);
	if output.len() != declared_len as usize || crc32fast::hash(&output) != crc {
		return Err(GzipError::Malformed)
	}
	Ok(output)
}

/// Inflates the raw deflate stream at the start of `input` into at most `max_len` bytes;
/// returns the output and the bytes of `input` the stream took.
fn inflate(input: &[u8], max_len: usize) -> Result<(Vec<u8>, usize), GzipError> {
	use miniz_oxide::inflate::{
		core::{decompress, inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF, DecompressorOxide},
		TINFLStatus,
	};
	let mut decompressor = DecompressorOxide::default();
	let mut output = alloc::vec![0u8; input.len().saturating_mul(4).clamp(1, max_len.max(1))];
	let (mut in_pos, mut out_pos) = (0usize, 0usize);
	loop {
		let rest = input.get(in_pos..).ok_or(GzipError::Malformed)?;
		let (status, consumed, written) =
			decompress(&mut decompressor, rest, &mut output, out_pos, TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF);
		in_pos = in_pos.saturating_add(consumed);
		out_pos = out_pos.saturating_add(written);
		match status {
			TINFLStatus::Done => {
				output.truncate(out_pos);
				return Ok((output, in_pos))
			},
			TINFLStatus::HasMoreOutput => {
				if output.len() >= max_len {
					return Err(GzipError::TooLarge)
				}
				let grown = output.len().saturating_mul(2).min(max_len);
				output.resize(grown, 0);
			},
			_ => return Err(GzipError::Malformed),
		}
	}
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

/// Decompresses (when gzip) and validates `code`, returning the wasm module and its footprint.
pub fn prepare<T: Config>(code: Vec<u8>, params: &Params) -> Result<(Vec<u8>, Footprint), Error<T>> {
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
	let footprint = vm::validate::<T>(&wasm, params)?;
	Ok((wasm, footprint))
}

impl<T: Config> Pallet<T> {
	/// Weight of validating a module of `size` bytes (after decompression) whose declarations
	/// take `declaration_bytes`, as `upload_code` does.
	pub(crate) fn upload_weight(size: u32, declaration_bytes: u32) -> Weight {
		crate::costs::upload::<T>(size, declaration_bytes)
	}

	/// The most [`Self::upload_weight`] can be for `code` as sent (raw or gzip).
	pub(crate) fn upload_weight_bound(code: &[u8]) -> Weight {
		let size = Self::upload_size_bound(code);
		Self::upload_weight(size, size.min(limits::MAX_DECLARATION_BYTES))
	}

	/// Stores validated `wasm` (once per hash) under the next code id, with the price of its
	/// translation that validation found, holding its deposit on `uploader` within
	/// `deposit_limit`.
	pub(crate) fn store_code(
		uploader: T::AccountId,
		wasm: Vec<u8>,
		translation: TranslationPrice,
		deposit_limit: Option<BalanceOf<T>>,
	) -> Result<(CodeId, CodeInfo<T::AccountId>), Error<T>> {
		let code_size = u32::try_from(wasm.len()).map_err(|_| Error::<T>::CodeTooLarge)?;
		let code_hash = blake2_256(&wasm);
		let code_id = NextCodeId::<T>::get();
		let next = code_id.checked_add(1).ok_or(Error::<T>::CounterOverflow)?;
		let module_users = ModuleUsers::<T>::get(code_hash).checked_add(1).ok_or(Error::<T>::CounterOverflow)?;
		let new_module = (!PristineCode::<T>::contains_key(code_hash)).then_some(code_size);
		Self::hold_code_deposit(&uploader, code_id, code_size, deposit_limit)?;
		if new_module.is_some() {
			let stored: BoundedVec<u8, _> = wasm.try_into().map_err(|_| Error::<T>::CodeTooLarge)?;
			PristineCode::<T>::insert(code_hash, stored);
		}
		ModuleUsers::<T>::insert(code_hash, module_users);
		let info = CodeInfo { code_hash, uploader, code_size, translation };
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
	fn refuses_a_second_member_and_trailing_bytes() {
		let one = gzip(b"(module)");
		let mut two = one.clone();
		two.extend(gzip(b"(module (func))"));
		assert_eq!(gunzip(&two, 100), Err(GzipError::Malformed));
		for junk in [&[0u8][..], &[1, 2, 3], &[0xff; 8], &[0; 12]] {
			let mut trailing = one.clone();
			trailing.extend_from_slice(junk);
			assert_eq!(gunzip(&trailing, 100), Err(GzipError::Malformed), "junk {junk:?}");
		}
		let mut truncated = one.clone();
		truncated.pop();
		assert_eq!(gunzip(&truncated, 100), Err(GzipError::Malformed));
		assert_eq!(gunzip(&one, 100), Ok(b"(module)".to_vec()));
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
