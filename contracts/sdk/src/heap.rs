//! The contract's heap: a bump allocator over the linear memory past the module's data and
//! stack, and the `allocate` export through which the host places variable-length data (input,
//! storage values, return data) in it, so that those never take fresh pages of their own.
//!
//! Nothing is freed: a call is short, and its memory goes with it.

use alloc::alloc::{GlobalAlloc, Layout};
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

/// `len` bytes that stay valid for the rest of the call; `None` when memory runs out.
pub(crate) fn take(len: usize) -> Option<&'static mut [u8]> {
	if len == 0 {
		return Some(&mut [])
	}
	let layout = Layout::from_size_align(len, 1).ok()?;
	// SAFETY: the layout's size is not zero.
	let start = unsafe { alloc::alloc::alloc(layout) };
	if start.is_null() {
		return None
	}
	// SAFETY: `start` is a fresh allocation of `len` bytes that is never freed (the bump
	// allocator frees nothing; off-chain, where the host functions panic, it is leaked).
	Some(unsafe { core::slice::from_raw_parts_mut(start, len) })
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
	match take(len as usize) {
		Some(bytes) => bytes.as_mut_ptr() as usize as u32,
		// Out of memory: a null pointer would let the host write over the module's own data.
		None => core::arch::wasm32::unreachable(),
	}
}
