//! SCALE encoding and decoding without a growing `Vec`: values are encoded into heap buffers of
//! exactly their encoded size and decoded from the bytes the host placed, through a reader
//! without index panics. `Vec` growth, allocation failure and slice indexing panic with messages
//! formatted by `core::fmt`, which would otherwise be most of a small contract's module.

use crate::heap;
use codec::{Decode, Encode};

/// Writes an encoding into a buffer of its exact size. A write past the end is dropped and
/// leaves `filled` at `usize::MAX`, which no buffer length equals.
struct Filler {
	buffer: &'static mut [u8],
	filled: usize,
}

impl Filler {
	/// The buffer, when the encoding filled it exactly (as one of its `encoded_size` does).
	fn full(self) -> Option<&'static [u8]> {
		(self.filled == self.buffer.len()).then_some(self.buffer)
	}
}

impl codec::Output for Filler {
	fn write(&mut self, bytes: &[u8]) {
		let end = self.filled.checked_add(bytes.len()).filter(|end| *end <= self.buffer.len());
		let Some(end) = end else {
			self.filled = usize::MAX;
			return
		};
		// SAFETY: `filled..end` lies within the buffer, which `bytes` (borrowed) cannot overlap.
		unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), self.buffer.as_mut_ptr().add(self.filled), bytes.len()) };
		self.filled = end;
	}
}

/// `prefix` followed by the SCALE encoding of `value`, in a buffer of exactly that length;
/// `None` when memory runs out, or when the encoding is not as long as its `encoded_size` (an
/// `Encode` whose output varies). `encoded_size` runs the encoding once without writing it:
/// cheaper than growing a buffer, and it links no allocation-failure paths.
pub(crate) fn encode_after<T: Encode + ?Sized>(prefix: &[u8], value: &T) -> Option<&'static [u8]> {
	let len = prefix.len().checked_add(value.encoded_size())?;
	let mut filler = Filler { buffer: heap::take(len)?, filled: 0 };
	codec::Output::write(&mut filler, prefix);
	value.encode_to(&mut filler);
	filler.full()
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
		assert_eq!(encode_after(&[], &value), Some(&value.encode()[..]));
		let mut expected = b"map".to_vec();
		expected.extend(value.encode());
		assert_eq!(encode_after(b"map", &value), Some(&expected[..]));
		assert_eq!(encode_after(&[], &()), Some(&[] as &[u8]));
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
