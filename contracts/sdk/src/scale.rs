//! SCALE encoding and decoding without a growing `Vec`: values are encoded into a buffer on the
//! stack, or a heap buffer of exactly their encoded size when they do not fit it, and decoded
//! through a reader without index panics. `Vec` growth, allocation failure and slice indexing
//! panic with messages formatted by `core::fmt`, which would otherwise be most of a small
//! contract's module.

use crate::heap;
use codec::{Decode, Encode};
use core::mem::MaybeUninit;

/// Bytes of the stack buffers ([`StackBuffer`]) that short encodings and values are made and read
/// in: room for the keys and values of most contracts, and little of the 32 KiB stack.
pub(crate) const STACK_BUFFER: usize = 128;

/// A buffer on the stack that is never zeroed: only what was written into it is ever read.
/// Zeroing it would cost each use a `memory.fill` and its bytes of code.
pub(crate) struct StackBuffer([MaybeUninit<u8>; STACK_BUFFER]);

impl StackBuffer {
	pub(crate) fn new() -> Self {
		// SAFETY: an array of `MaybeUninit` needs no initialisation. Unlike a repeat expression of
		// `MaybeUninit::uninit()`, which the compiler may fill with the next value written (a
		// `memory.fill` of the whole buffer), this emits no code.
		Self(unsafe { MaybeUninit::<[MaybeUninit<u8>; STACK_BUFFER]>::uninit().assume_init() })
	}

	/// Where the host may write up to [`STACK_BUFFER`] bytes.
	pub(crate) fn ptr(&mut self) -> u32 {
		self.0.as_mut_ptr() as usize as u32
	}

	/// Its first `len` bytes; `None` when `len` is past its end.
	///
	/// # Safety
	/// The first `len` bytes were written, when there are that many.
	pub(crate) unsafe fn written(&self, len: usize) -> Option<&[u8]> {
		let written = self.0.get(..len)?;
		// SAFETY: the caller says these bytes were written; `u8` and `MaybeUninit<u8>` have one layout.
		Some(unsafe { &*(written as *const [MaybeUninit<u8>] as *const [u8]) })
	}
}

/// Writes an encoding into a buffer and counts its length: bytes past the buffer's end are
/// counted, not written.
struct Filler<'a> {
	buffer: &'a mut [MaybeUninit<u8>],
	length: usize,
}

impl<'a> Filler<'a> {
	/// `prefix` followed by the SCALE encoding of `value`, written into `buffer` as far as it fits.
	fn encode<T: Encode + ?Sized>(buffer: &'a mut [MaybeUninit<u8>], prefix: &[u8], value: &T) -> Self {
		let mut filler = Self { buffer, length: 0 };
		codec::Output::write(&mut filler, prefix);
		value.encode_to(&mut filler);
		filler
	}

	/// What was written, when all of it fit.
	fn written(self) -> Option<&'a [u8]> {
		let written = self.buffer.get(..self.length)?;
		// SAFETY: `write` wrote every byte below `length` when `length` is within the buffer.
		Some(unsafe { &*(written as *const [MaybeUninit<u8>] as *const [u8]) })
	}
}

impl codec::Output for Filler<'_> {
	fn write(&mut self, bytes: &[u8]) {
		let start = self.length;
		self.length = start.saturating_add(bytes.len());
		if self.length > self.buffer.len() {
			return
		}
		// SAFETY: `start..length` lies within the buffer, which `bytes` (borrowed) cannot overlap.
		unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), self.buffer.as_mut_ptr().add(start).cast(), bytes.len()) };
	}
}

/// `prefix` followed by the SCALE encoding of `value`, `len` bytes long, in a heap buffer of
/// exactly that length; `None` when memory runs out, or when the encoding is not `len` bytes long
/// (an `Encode` whose output varies). Knowing the length first is cheaper than growing a buffer,
/// and links no allocation-failure paths.
fn encode_on_heap<T: Encode + ?Sized>(prefix: &[u8], value: &T, len: usize) -> Option<&'static [u8]> {
	let buffer = heap::take(len)?;
	// SAFETY: the same bytes, seen as possibly uninitialised, which they are not.
	let buffer = unsafe { core::slice::from_raw_parts_mut(buffer.as_mut_ptr().cast::<MaybeUninit<u8>>(), len) };
	Filler::encode(buffer, prefix, value).written().filter(|written| written.len() == len)
}

/// Calls `f` with `prefix` followed by the SCALE encoding of `value`, encoded on the stack when
/// it fits [`STACK_BUFFER`], else on the heap ([`encode_on_heap`], at the length the first pass
/// counted); `None` when neither can hold it. An encoding of a fixed length leaves no heap path
/// in the compiled contract, and a call that takes no heap memory never runs (nor has the chain
/// translate) the allocator.
pub(crate) fn with_encoded<T: Encode + ?Sized, R>(prefix: &[u8], value: &T, f: impl FnOnce(&[u8]) -> R) -> Option<R> {
	let mut buffer = StackBuffer::new();
	let on_stack = Filler::encode(&mut buffer.0, prefix, value);
	let len = on_stack.length;
	match on_stack.written() {
		Some(bytes) => Some(f(bytes)),
		None => encode_on_heap(prefix, value, len).map(f),
	}
}

/// Reads a slice without index panics.
struct Reader<'a>(&'a [u8]);

impl codec::Input for Reader<'_> {
	fn remaining_len(&mut self) -> Result<Option<usize>, codec::Error> {
		Ok(Some(self.0.len()))
	}

	fn read(&mut self, into: &mut [u8]) -> Result<(), codec::Error> {
		let rest = self.0.get(into.len()..).ok_or("not enough data")?;
		// SAFETY: the first `into.len()` bytes exist (checked above); `into` is a distinct,
		// exclusively borrowed buffer.
		unsafe { core::ptr::copy_nonoverlapping(self.0.as_ptr(), into.as_mut_ptr(), into.len()) };
		self.0 = rest;
		Ok(())
	}

	fn read_byte(&mut self) -> Result<u8, codec::Error> {
		let (&byte, rest) = self.0.split_first().ok_or("not enough data")?;
		self.0 = rest;
		Ok(byte)
	}
}

/// `bytes` decoded as exactly one `T`: trailing bytes are an error too.
pub(crate) fn decode<T: Decode>(bytes: &[u8]) -> Result<T, codec::Error> {
	let mut reader = Reader(bytes);
	let value = T::decode(&mut reader)?;
	if reader.0.is_empty() {
		Ok(value)
	} else {
		Err("trailing bytes".into())
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec;

	#[test]
	fn encodes_exactly_what_scale_encodes_after_the_prefix() {
		let value = (7u32, Some(vec![1u8, 2, 3]), u128::MAX);
		let encoded = value.encode();
		assert_eq!(encode_on_heap(&[], &value, encoded.len()), Some(&encoded[..]));
		let mut expected = b"map".to_vec();
		expected.extend(value.encode());
		assert_eq!(encode_on_heap(b"map", &value, expected.len()), Some(&expected[..]));
		assert_eq!(encode_on_heap(&[], &(), 0), Some(&[] as &[u8]));
		// An encoding of another length than counted (an `Encode` whose output varies) is refused.
		assert_eq!(encode_on_heap(&[], &value, encoded.len() + 1), None);
		assert_eq!(encode_on_heap(&[], &value, encoded.len() - 1), None);
	}

	#[test]
	fn encodes_on_the_stack_what_fits_and_on_the_heap_what_does_not() {
		let encoded = |prefix: &[u8], value: &dyn Fn() -> alloc::vec::Vec<u8>| {
			let value = value();
			let whole = with_encoded(prefix, &value, |bytes| bytes.to_vec());
			let mut expected = prefix.to_vec();
			expected.extend(value.encode());
			assert_eq!(whole, Some(expected), "{} bytes of value after {} of prefix", value.len(), prefix.len());
		};
		// A vector of n bytes encodes in n + 1 (its compact length): these straddle the buffer's end.
		for len in [0, 1, STACK_BUFFER - 3, STACK_BUFFER - 2, STACK_BUFFER - 1, STACK_BUFFER, 500] {
			encoded(b"k", &|| vec![3u8; len]);
			encoded(&[], &|| vec![3u8; len]);
		}
		encoded(&[9u8; STACK_BUFFER + 1], &|| vec![]);
	}

	#[test]
	fn decodes_one_whole_value_and_refuses_short_or_longer_input() {
		let encoded = (1u16, vec![9u8; 70]).encode();
		assert_eq!(decode::<(u16, alloc::vec::Vec<u8>)>(&encoded), Ok((1, vec![9; 70])));
		assert!(decode::<(u16, alloc::vec::Vec<u8>)>(&encoded[..encoded.len() - 1]).is_err());
		assert!(decode::<u32>(&[1, 0, 0]).is_err());
		assert!(decode::<()>(&[0]).is_err(), "a trailing byte makes another message");
		assert_eq!(decode::<()>(&[]), Ok(()));
	}
}
