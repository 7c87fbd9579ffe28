//! What a contract's entry points take and return and what events it emits, for clients: the
//! contract's name and version, each entry point's kind, name, docs and the ids of its message,
//! output and error types, each event's topic and the id of its data type, all in one scale-info
//! registry, which polkadot.js reads as a `PortableRegistry`.
//!
//! The build tool adds the blake2-256 hash of the built module (`code_hash`), which is what the
//! chain reports for the uploaded code, so a client can tell whether metadata describes the code
//! it talks to.

use alloc::{string::String, vec::Vec};
use scale_info::{MetaType, PortableRegistry, Registry, TypeInfo};

/// The version of this format; a client refuses a format it does not know.
pub const FORMAT: u32 = 1;

/// One entry point.
#[derive(Clone, Debug, serde::Serialize)]
pub struct EntryPoint {
	/// `instantiate`, `migrate`, `call`, `execute` or `query`.
	pub kind: &'static str,
	/// The export's name.
	pub name: &'static str,
	/// Its doc comment, a line each.
	pub docs: Vec<&'static str>,
	/// The type id of its message.
	pub message: u32,
	/// The type id of what it returns.
	pub output: u32,
	/// The type id of the error it reverts with, if it returns a `Result`.
	pub error: Option<u32>,
}

/// One event the contract emits (`env::emit(topic, data)`).
#[derive(Clone, Debug, serde::Serialize)]
pub struct Event {
	/// The topic, as the bytes of this string.
	pub topic: &'static str,
	/// Its doc comment, a line each.
	pub docs: Vec<&'static str>,
	/// The type id of its data.
	pub data: u32,
}

/// A contract's entry points, events and the registry of their types.
#[derive(Clone, Debug, serde::Serialize)]
pub struct ContractMetadata {
	/// [`FORMAT`].
	pub format: u32,
	/// The contract crate's name.
	pub name: &'static str,
	/// The contract crate's version.
	pub version: &'static str,
	/// The blake2-256 hash of the built module, `0x`-prefixed hex; set by the build tool.
	pub code_hash: Option<String>,
	/// The entry points, in declaration order.
	pub entry_points: Vec<EntryPoint>,
	/// The events, in declaration order.
	pub events: Vec<Event>,
	/// The types the entry points and events name, by id.
	pub types: PortableRegistry,
}

/// Collects entry points and events; `entry_points!` drives it.
pub struct Builder {
	name: &'static str,
	version: &'static str,
	registry: Registry,
	entry_points: Vec<EntryPoint>,
	events: Vec<Event>,
}

impl Builder {
	/// The metadata of version `version` of contract `name`.
	pub fn new(name: &'static str, version: &'static str) -> Self {
		Self { name, version, registry: Registry::new(), entry_points: Vec::new(), events: Vec::new() }
	}

	fn id<T: TypeInfo + 'static>(&mut self) -> u32 {
		self.registry.register_type(&MetaType::new::<T>()).id
	}

	/// An entry point that takes `M` and returns `O`.
	pub fn entry<M: TypeInfo + 'static, O: TypeInfo + 'static>(
		mut self,
		kind: &'static str,
		name: &'static str,
		docs: &[&'static str],
	) -> Self {
		let (message, output) = (self.id::<M>(), self.id::<O>());
		self.entry_points.push(EntryPoint { kind, name, docs: trimmed(docs), message, output, error: None });
		self
	}

	/// An entry point that takes `M` and returns `T`, or reverts with `E`.
	pub fn fallible<M: TypeInfo + 'static, T: TypeInfo + 'static, E: TypeInfo + 'static>(
		mut self,
		kind: &'static str,
		name: &'static str,
		docs: &[&'static str],
	) -> Self {
		let (message, output, error) = (self.id::<M>(), self.id::<T>(), self.id::<E>());
		self.entry_points.push(EntryPoint { kind, name, docs: trimmed(docs), message, output, error: Some(error) });
		self
	}

	/// An event of `topic` whose data is a `D`.
	pub fn event<D: TypeInfo + 'static>(mut self, topic: &'static str, docs: &[&'static str]) -> Self {
		let data = self.id::<D>();
		self.events.push(Event { topic, docs: trimmed(docs), data });
		self
	}

	/// The metadata, without a code hash.
	pub fn build(self) -> ContractMetadata {
		ContractMetadata {
			format: FORMAT,
			name: self.name,
			version: self.version,
			code_hash: None,
			entry_points: self.entry_points,
			events: self.events,
			types: self.registry.into(),
		}
	}
}

/// Doc lines without the space `///` leaves before the text.
fn trimmed(docs: &[&'static str]) -> Vec<&'static str> {
	docs.iter().map(|line| line.strip_prefix(' ').unwrap_or(line)).collect()
}

#[cfg(test)]
mod tests {
	use crate::{entry_points, Address};
	use codec::{Decode, Encode};
	use scale_info::{form::PortableForm, Type, TypeDef, TypeInfo};

	/// A message that is also an event's data.
	#[derive(Encode, Decode, TypeInfo)]
	pub struct Moved {
		pub to: Address,
		pub amount: u128,
	}

	#[derive(Encode, Decode, TypeInfo)]
	pub enum Refused {
		Empty,
	}

	// Entry points are exported on wasm32 only; natively nothing calls them.
	#[allow(dead_code)]
	pub fn send(_: Moved) -> Result<u32, Refused> {
		Ok(1)
	}

	#[allow(dead_code)]
	pub fn total(_: ()) -> u128 {
		0
	}

	entry_points! {
		/// Sends an amount.
		/// Second line.
		execute send(Moved) -> Result<u32, Refused>;
		query total(()) -> u128;
		/// Something moved.
		event moved(Moved);
	}

	fn type_of(metadata: &super::ContractMetadata, id: u32) -> &Type<PortableForm> {
		metadata.types.resolve(id).expect("the id is in the registry")
	}

	#[test]
	fn entry_points_describe_the_crate_its_entry_points_with_docs_and_its_events() {
		let metadata = metadata();
		assert_eq!((metadata.format, metadata.name, metadata.version), (super::FORMAT, "wasm-contracts-sdk", env!("CARGO_PKG_VERSION")));
		assert_eq!(metadata.code_hash, None, "the build tool sets it");
		let [send, total] = &metadata.entry_points[..] else { panic!("two entry points") };
		assert_eq!((send.kind, send.name, send.docs.as_slice()), ("execute", "send", &["Sends an amount.", "Second line."][..]));
		assert_eq!((total.kind, total.name, total.docs.len(), total.error), ("query", "total", 0, None));
		assert_eq!(type_of(&metadata, send.message).path.segments.last().map(alloc::string::String::as_str), Some("Moved"));
		assert!(matches!(type_of(&metadata, send.error.expect("send is fallible")).type_def, TypeDef::Variant(_)));
		let [moved] = &metadata.events[..] else { panic!("one event") };
		assert_eq!((moved.topic, moved.docs.as_slice()), ("moved", &["Something moved."][..]));
		assert_eq!(moved.data, send.message, "one registry: the event's data and the message are one type");
	}
}
