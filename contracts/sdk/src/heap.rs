//! The contract's heap: a bump allocator over the linear memory past the module's data and
//! stack, and the `allocate` export through which the host places variable-length data (input,
//! storage values, return data) in it, so that those never take fresh pages of their own.
//!
//! Nothing is freed: a call is short, and its memory goes with it.
//!
//! The SDK encodes into buffers of exactly the encoded size and decodes from the bytes the host
//! placed, so no `Vec` ever grows: growth and its failure paths would link in `core::fmt`, which
//! is most of a small contract's size otherwise.

use alloc::alloc::{GlobalAlloc, Layout};
use codec::{Decode, Encode};
use core::cell::Cell;

const PAGE: usize = 64 * 1024;

/// Bump allocator: `next` is the first free byte, `end` the end of memory.
pub struct BumpAllocator {
	next: Cell<usize>,
	end: Cell<usize>,
}

// A contract runs on one thread.
unsafe impl Sync for BumpAllocator {}

impl BumpAllocator {
	/// An allocator that starts at the heap base on first use.
	pub const fn new() -> Self {
		Self { next: Cell::new(0), end: Cell::new(0) }
	}

	fn bump(&self, layout: Layout) -> Option<usize> {
		if self.end.get() == 0 {
			self.next.set(heap_base());
			self.end.set(memory_pages().checked_mul(PAGE)?);
		}
		let start = self.next.get().checked_add(layout.align() - 1)? & !(layout.align() - 1);
		let next = start.checked_add(layout.size())?;
		if next > self.end.get() {
			let pages = (next - self.end.get()).div_ceil(PAGE);
			grow_memory(pages)?;
			self.end.set(self.end.get().checked_add(pages.checked_mul(PAGE)?)?);
		}
		self.next.set(next);
		Some(start)
	}
}

impl Default for BumpAllocator {
	fn default() -> Self {
		Self::new()
	}
}

unsafe impl GlobalAlloc for BumpAllocator {
	unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
		self.bump(layout).map_or(core::ptr::null_mut(), |start| start as *mut u8)
	}

	unsafe fn dealloc(&self, _ptr: *mut u8, _layout: Layout) {}
}

/// `len` bytes that stay valid for the rest of the call; reverts when memory runs out.
fn take(len: usize) -> &'static mut [u8] {
	if len == 0 {
		return &mut []
	}
	let start = Layout::from_size_align(len, 1).ok().map_or(core::ptr::null_mut(), |layout| {
		// SAFETY: the layout's size is not zero.
		unsafe { alloc::alloc::alloc(layout) }
	});
	if start.is_null() {
		crate::env::revert("out of memory")
	}
	// SAFETY: `start` is a fresh allocation of `len` bytes that is never freed (the bump
	// allocator frees nothing; off-chain, where the host functions panic, it is leaked).
	unsafe { core::slice::from_raw_parts_mut(start, len) }
}

/// Writes an encoding into a buffer of its exact size.
struct Filler {
	buffer: &'static mut [u8],
	filled: usize,
}

impl codec::Output for Filler {
	fn write(&mut self, bytes: &[u8]) {
		let end = self.filled.checked_add(bytes.len()).filter(|end| *end <= self.buffer.len());
		let Some(end) = end else { crate::env::revert("encoding longer than its encoded size") };
		// SAFETY: `filled..end` lies within the buffer, which `bytes` (borrowed) cannot overlap.
		unsafe { core::ptr::copy_nonoverlapping(bytes.as_ptr(), self.buffer.as_mut_ptr().add(self.filled), bytes.len()) };
		self.filled = end;
	}
}

/// `prefix` followed by the SCALE encoding of `value`, in a buffer of exactly that length.
pub(crate) fn encode_after<T: Encode + ?Sized>(prefix: &[u8], value: &T) -> &'static [u8] {
	let len = prefix.len().checked_add(value.encoded_size()).unwrap_or_else(|| crate::env::revert("out of memory"));
	let mut filler = Filler { buffer: take(len), filled: 0 };
	codec::Output::write(&mut filler, prefix);
	value.encode_to(&mut filler);
	filler.buffer
}

/// The SCALE encoding of `value`, in a buffer of exactly its length.
pub(crate) fn encode<T: Encode + ?Sized>(value: &T) -> &'static [u8] {
	encode_after(&[], value)
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

#[cfg(target_arch = "wasm32")]
fn heap_base() -> usize {
	extern "C" {
		static __heap_base: u8;
	}
	// The linker places data and the stack below `__heap_base`.
	core::ptr::addr_of!(__heap_base) as usize
}

#[cfg(target_arch = "wasm32")]
fn memory_pages() -> usize {
	core::arch::wasm32::memory_size(0)
}

#[cfg(target_arch = "wasm32")]
fn grow_memory(pages: usize) -> Option<()> {
	// `memory.grow` gives -1 past the chain's `max_memory_pages`.
	(core::arch::wasm32::memory_grow(0, pages) != usize::MAX).then_some(())
}

#[cfg(not(target_arch = "wasm32"))]
fn heap_base() -> usize {
	0
}

#[cfg(not(target_arch = "wasm32"))]
fn memory_pages() -> usize {
	0
}

#[cfg(not(target_arch = "wasm32"))]
fn grow_memory(_pages: usize) -> Option<()> {
	None
}

#[cfg(target_arch = "wasm32")]
#[global_allocator]
static HEAP: BumpAllocator = BumpAllocator::new();

/// Where the host writes `len` bytes it hands the contract.
#[cfg(target_arch = "wasm32")]
#[no_mangle]
extern "C" fn allocate(len: u32) -> u32 {
	let start = Layout::from_size_align(len as usize, 1).ok().and_then(|layout| HEAP.bump(layout));
	match start {
		Some(start) => start as u32,
		// Out of memory: a null pointer would let the host write over the module's own data.
		None => core::arch::wasm32::unreachable(),
	}
}

#[cfg(test)]
mod tests {
	use super::*;
	use alloc::vec;

	#[test]
	fn encodes_exactly_what_scale_encodes_after_the_prefix() {
		let value = (7u32, Some(vec![1u8, 2, 3]), u128::MAX);
		assert_eq!(encode(&value), &value.encode()[..]);
		let mut expected = b"map".to_vec();
		expected.extend(value.encode());
		assert_eq!(encode_after(b"map", &value), &expected[..]);
		assert_eq!(encode(&()), &[] as &[u8]);
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
