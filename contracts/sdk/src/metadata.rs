//! What a contract's entry points take and return, for typed clients: each entry point's kind,
//! name and the ids of its message, output and error types in a scale-info registry, which
//! polkadot.js reads as a `PortableRegistry`.

use alloc::vec::Vec;
use scale_info::{MetaType, PortableRegistry, Registry, TypeInfo};

/// One entry point.
#[derive(Clone, Debug, serde::Serialize)]
pub struct EntryPoint {
	/// `instantiate`, `migrate`, `call`, `execute` or `query`.
	pub kind: &'static str,
	/// The export's name.
	pub name: &'static str,
	/// The type id of its message.
	pub message: u32,
	/// The type id of what it returns.
	pub output: u32,
	/// The type id of the error it reverts with, if it returns a `Result`.
	pub error: Option<u32>,
}

/// A contract's entry points and the registry of their types.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ContractMetadata {
	/// The entry points, in declaration order.
	pub entry_points: Vec<EntryPoint>,
	/// The types the entry points name, by id.
	pub types: PortableRegistry,
}

/// Collects entry points; `entry_points!` drives it.
#[derive(Default)]
pub struct Builder {
	registry: Registry,
	entry_points: Vec<EntryPoint>,
}

impl Builder {
	fn id<T: TypeInfo + 'static>(&mut self) -> u32 {
		self.registry.register_type(&MetaType::new::<T>()).id
	}

	/// An entry point that takes `M` and returns `O`.
	pub fn entry<M: TypeInfo + 'static, O: TypeInfo + 'static>(mut self, kind: &'static str, name: &'static str) -> Self {
		let (message, output) = (self.id::<M>(), self.id::<O>());
		self.entry_points.push(EntryPoint { kind, name, message, output, error: None });
		self
	}

	/// An entry point that takes `M` and returns `T`, or reverts with `E`.
	pub fn fallible<M: TypeInfo + 'static, T: TypeInfo + 'static, E: TypeInfo + 'static>(
		mut self,
		kind: &'static str,
		name: &'static str,
	) -> Self {
		let (message, output, error) = (self.id::<M>(), self.id::<T>(), self.id::<E>());
		self.entry_points.push(EntryPoint { kind, name, message, output, error: Some(error) });
		self
	}

	/// The metadata.
	pub fn build(self) -> ContractMetadata {
		ContractMetadata { entry_points: self.entry_points, types: self.registry.into() }
	}
}
