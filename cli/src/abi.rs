//! A contract's metadata (what `entry_points!` describes and `build` writes): finding entry points
//! and events, encoding arguments from text to the types it names, and decoding outputs, errors
//! and events back to values.

use crate::error::{io, Failure, Kind, Outcome};
use scale_info::{form::PortableForm, PortableRegistry, Type, TypeDef, TypeDefPrimitive};
use scale_value::{Composite, Primitive, Value, ValueDef};
use serde::Deserialize;
use std::path::Path;

/// The metadata format this tool reads (`wasm_contracts_sdk::metadata::FORMAT`).
pub const FORMAT: u32 = 1;

/// One entry point.
#[derive(Clone, Debug, Deserialize)]
pub struct EntryPoint {
	pub kind: String,
	pub name: String,
	#[serde(default)]
	pub docs: Vec<String>,
	pub message: u32,
	pub output: u32,
	pub error: Option<u32>,
}

/// One event.
#[derive(Clone, Debug, Deserialize)]
pub struct Event {
	pub topic: String,
	#[serde(default)]
	pub docs: Vec<String>,
	pub data: u32,
}

/// A contract's metadata.
#[derive(Clone, Debug, Deserialize)]
pub struct Metadata {
	pub format: u32,
	pub name: String,
	pub version: String,
	pub code_hash: Option<String>,
	pub entry_points: Vec<EntryPoint>,
	pub events: Vec<Event>,
	pub types: PortableRegistry,
}

/// Just the format, to tell an older file from a broken one.
#[derive(Deserialize)]
struct Format {
	format: Option<u32>,
}

impl Metadata {
	/// Reads the metadata at `path`.
	pub fn load(path: &Path) -> Outcome<Self> {
		let text = std::fs::read_to_string(path).map_err(|error| {
			if error.kind() == std::io::ErrorKind::NotFound {
				Failure::new(
					Kind::Metadata,
					format!("{}: no metadata there; `cargo wasm-contracts build` writes it next to the module", path.display()),
				)
			} else {
				io(path)(error)
			}
		})?;
		Self::parse(&text).map_err(|message| Failure::new(Kind::Metadata, format!("{}: {message}", path.display())))
	}

	/// Parses metadata from JSON.
	pub fn parse(text: &str) -> Result<Self, String> {
		let format = serde_json::from_str::<Format>(text).map_err(|error| format!("not contract metadata ({error})"))?;
		match format.format {
			Some(FORMAT) => serde_json::from_str(text).map_err(|error| format!("not contract metadata ({error})")),
			Some(other) => Err(format!("metadata format {other}; this tool reads format {FORMAT}")),
			None => Err(format!(
				"metadata without a format version, from an older SDK; rebuild with `cargo wasm-contracts build` (format {FORMAT})"
			)),
		}
	}

	/// The entry point `name` (the `instantiate`, `migrate` or `call` export when `name` is one of
	/// those), of one of `kinds`.
	pub fn entry_point(&self, name: &str, kinds: &[&str]) -> Outcome<&EntryPoint> {
		self.entry_points.iter().find(|entry| entry.name == name && kinds.contains(&entry.kind.as_str())).ok_or_else(|| {
			let known = self
				.entry_points
				.iter()
				.filter(|entry| kinds.contains(&entry.kind.as_str()))
				.map(|entry| entry.name.as_str())
				.collect::<Vec<_>>();
			Failure::new(
				Kind::UnknownEntryPoint,
				format!(
					"{} has no {} entry point `{name}`; it has: {}",
					self.name,
					kinds.join(" or "),
					if known.is_empty() { "none".to_string() } else { known.join(", ") }
				),
			)
		})
	}

	/// The life-cycle entry point `kind` (`instantiate`, `migrate`), if the contract has one.
	pub fn life_cycle(&self, kind: &str) -> Option<&EntryPoint> {
		self.entry_points.iter().find(|entry| entry.kind == kind)
	}

	/// The event of `topic`, if the metadata describes it.
	pub fn event(&self, topic: &[u8]) -> Option<&Event> {
		self.events.iter().find(|event| event.topic.as_bytes() == topic)
	}

	/// Encodes `args` as type `type_id`: one argument is the value itself; several are the fields
	/// of a tuple or struct, in order; none is the unit type.
	pub fn encode(&self, type_id: u32, args: &[String]) -> Outcome<Vec<u8>> {
		let value = match args {
			[] if self.is_unit(type_id) => return Ok(Vec::new()),
			[] => return Err(Failure::new(Kind::BadArgument, format!("an argument is needed: {}", self.describe(type_id)))),
			[one] => parse_value(one, 1)?,
			many => Value::unnamed_composite(
				many.iter().enumerate().map(|(index, arg)| parse_value(arg, index + 1)).collect::<Outcome<Vec<_>>>()?,
			),
		};
		let mut bytes = Vec::new();
		scale_value::scale::encode_as_type(&value, type_id, &self.types, &mut bytes).map_err(|error| {
			Failure::new(Kind::BadArgument, format!("{}; expected {}", encode_error(&error), self.describe(type_id)))
		})?;
		Ok(bytes)
	}

	/// Decodes `bytes` as type `type_id`, all of them.
	pub fn decode(&self, type_id: u32, bytes: &[u8]) -> Outcome<Value<u32>> {
		let mut input = bytes;
		let value = scale_value::scale::decode_as_type(&mut input, type_id, &self.types).map_err(|error| {
			Failure::new(Kind::Undecodable, format!("0x{} does not decode as {}: {error}", hex::encode(bytes), self.describe(type_id)))
		})?;
		if !input.is_empty() {
			return Err(Failure::new(
				Kind::Undecodable,
				format!("0x{} has {} byte(s) left over after a {}", hex::encode(bytes), input.len(), self.describe(type_id)),
			))
		}
		Ok(value)
	}

	/// The id of the type named `name`: a primitive (`u64`, `bool`, ...) or the last segment of a
	/// type's path (`Counted`), among the types the metadata holds.
	pub fn type_named(&self, name: &str) -> Outcome<u32> {
		self.types
			.types
			.iter()
			.find(|ty| self.type_name(ty.id) == name || ty.ty.path.segments.last().is_some_and(|last| last == name))
			.map(|ty| ty.id)
			.ok_or_else(|| Failure::new(Kind::BadArgument, format!("{} names no type `{name}` in its metadata", self.name)))
	}

	/// Every entry point and event, a few lines each: what `describe` prints.
	pub fn describe_all(&self) -> Vec<String> {
		let mut lines = vec![format!("{} {} (metadata format {})", self.name, self.version, self.format)];
		if let Some(hash) = &self.code_hash {
			lines.push(format!("code hash {hash}"));
		}
		for entry in &self.entry_points {
			let error = entry.error.map(|error| format!(", reverts with {}", self.describe(error))).unwrap_or_default();
			let kind = if entry.kind == entry.name { String::new() } else { format!("{} ", entry.kind) };
			lines.push(format!(
				"{kind}{}: takes {}, returns {}{error}",
				entry.name,
				self.describe(entry.message),
				self.describe(entry.output)
			));
			lines.extend(entry.docs.iter().map(|line| format!("    {line}")));
		}
		for event in &self.events {
			lines.push(format!("event {}: {}", event.topic, self.describe(event.data)));
			lines.extend(event.docs.iter().map(|line| format!("    {line}")));
		}
		lines
	}

	/// The same as JSON, with type descriptions in place of ids.
	pub fn summary(&self) -> serde_json::Value {
		serde_json::json!({
			"name": self.name,
			"version": self.version,
			"format": self.format,
			"code_hash": self.code_hash,
			"entry_points": self.entry_points.iter().map(|entry| serde_json::json!({
				"kind": entry.kind,
				"name": entry.name,
				"docs": entry.docs,
				"message": self.describe(entry.message),
				"output": self.describe(entry.output),
				"error": entry.error.map(|error| self.describe(error)),
			})).collect::<Vec<_>>(),
			"events": self.events.iter().map(|event| serde_json::json!({
				"topic": event.topic,
				"docs": event.docs,
				"data": self.describe(event.data),
			})).collect::<Vec<_>>(),
		})
	}

	fn is_unit(&self, type_id: u32) -> bool {
		match self.types.resolve(type_id).map(|ty| &ty.type_def) {
			Some(TypeDef::Tuple(tuple)) => tuple.fields.is_empty(),
			Some(TypeDef::Composite(composite)) => composite.fields.is_empty(),
			_ => false,
		}
	}

	/// A person's description of type `type_id`: its Rust path and, for structs and enums, its
	/// fields or variants.
	pub fn describe(&self, type_id: u32) -> String {
		let Some(ty) = self.types.resolve(type_id) else { return format!("type #{type_id}") };
		match &ty.type_def {
			TypeDef::Composite(composite) => {
				let fields = composite
					.fields
					.iter()
					.map(|field| match &field.name {
						Some(name) => format!("{name}: {}", self.type_name(field.ty.id)),
						None => self.type_name(field.ty.id),
					})
					.collect::<Vec<_>>()
					.join(", ");
				if composite.fields.first().is_some_and(|field| field.name.is_some()) {
					format!("{} {{ {fields} }}", self.type_name(type_id))
				} else {
					format!("{}({fields})", self.type_name(type_id))
				}
			},
			TypeDef::Variant(variant) => format!(
				"{}, one of {}",
				self.type_name(type_id),
				variant.variants.iter().map(|variant| variant.name.as_str()).collect::<Vec<_>>().join(", ")
			),
			_ => self.type_name(type_id),
		}
	}

	/// The short name of type `type_id`, as Rust would write it.
	pub fn type_name(&self, type_id: u32) -> String {
		let Some(ty) = self.types.resolve(type_id) else { return format!("type #{type_id}") };
		match &ty.type_def {
			TypeDef::Primitive(primitive) => primitive_name(primitive).to_string(),
			TypeDef::Sequence(sequence) => format!("Vec<{}>", self.type_name(sequence.type_param.id)),
			TypeDef::Array(array) => format!("[{}; {}]", self.type_name(array.type_param.id), array.len),
			TypeDef::Tuple(tuple) =>
				format!("({})", tuple.fields.iter().map(|field| self.type_name(field.id)).collect::<Vec<_>>().join(", ")),
			TypeDef::Compact(compact) => format!("Compact<{}>", self.type_name(compact.type_param.id)),
			TypeDef::BitSequence(_) => "BitVec".to_string(),
			TypeDef::Composite(_) | TypeDef::Variant(_) => path_name(ty, |id| self.type_name(id)),
		}
	}
}

/// `Option<u32>` for a type of path `Option` with parameter `u32`.
fn path_name(ty: &Type<PortableForm>, name_of: impl Fn(u32) -> String) -> String {
	let name = ty.path.segments.last().cloned().unwrap_or_else(|| "?".to_string());
	let params = ty.type_params.iter().filter_map(|param| param.ty.map(|ty| name_of(ty.id))).collect::<Vec<_>>();
	if params.is_empty() {
		name
	} else {
		format!("{name}<{}>", params.join(", "))
	}
}

fn primitive_name(primitive: &TypeDefPrimitive) -> &'static str {
	match primitive {
		TypeDefPrimitive::Bool => "bool",
		TypeDefPrimitive::Char => "char",
		TypeDefPrimitive::Str => "String",
		TypeDefPrimitive::U8 => "u8",
		TypeDefPrimitive::U16 => "u16",
		TypeDefPrimitive::U32 => "u32",
		TypeDefPrimitive::U64 => "u64",
		TypeDefPrimitive::U128 => "u128",
		TypeDefPrimitive::U256 => "u256",
		TypeDefPrimitive::I8 => "i8",
		TypeDefPrimitive::I16 => "i16",
		TypeDefPrimitive::I32 => "i32",
		TypeDefPrimitive::I64 => "i64",
		TypeDefPrimitive::I128 => "i128",
		TypeDefPrimitive::I256 => "i256",
	}
}

/// Parses argument number `position` in scale-value's syntax (`{ to: 0x…, amount: 5 }`, `Some(3)`,
/// `(1, true)`), where `0x…` is bytes and an SS58 address is an account.
pub fn parse_value(text: &str, position: usize) -> Outcome<Value<()>> {
	let (parsed, rest) = scale_value::stringify::from_str_custom()
		.add_custom_parser(scale_value::stringify::custom_parsers::parse_hex)
		.add_custom_parser(scale_value::stringify::custom_parsers::parse_ss58)
		.parse(text);
	let value = parsed.map_err(|error| Failure::new(Kind::BadArgument, format!("argument {position} (`{text}`): {error}")))?;
	if !rest.trim().is_empty() {
		return Err(Failure::new(Kind::BadArgument, format!("argument {position} (`{text}`): unexpected `{}` after the value", rest.trim())))
	}
	Ok(value)
}

/// scale-encode's error, with where in the argument it happened.
fn encode_error(error: &scale_value::scale::EncodeError) -> String {
	let path = error.context().path().to_string();
	if path.is_empty() {
		format!("the argument does not fit: {}", error.kind())
	} else {
		format!("argument field `{path}` does not fit: {}", error.kind())
	}
}

/// `value` for a person, close to the syntax arguments are given in: bytes as `0x…`, accounts
/// (32 bytes of a type named `AccountId32` or `Address`) in SS58, a struct of one field as that field, `Option` as its value or
/// `None`, a unit variant as its name, structs as `{ name: value }`, tuples as `(a, b)` and
/// sequences as `[a, b]`.
pub fn to_text(value: &Value<u32>, types: &PortableRegistry) -> String {
	let mut text = String::new();
	write_text(value, types, &mut text);
	text
}

fn write_text(value: &Value<u32>, types: &PortableRegistry, out: &mut String) {
	use std::fmt::Write;
	match &value.value {
		ValueDef::Composite(Composite::Unnamed(values)) if is_bytes(value.context, types) => {
			let _ = write!(out, "0x{}", hex::encode(bytes_of(values).unwrap_or_default()));
		},
		ValueDef::Composite(Composite::Unnamed(values)) if values.len() == 1 && is_newtype(value.context, types) => {
			let account = match &values[0].value {
				ValueDef::Composite(Composite::Unnamed(inner)) if is_account(value.context, types) =>
					bytes_of(inner).and_then(|bytes| <[u8; 32]>::try_from(bytes).ok()),
				_ => None,
			};
			match account {
				Some(bytes) => out.push_str(&subxt::utils::AccountId32(bytes).to_string()),
				None => write_text(&values[0], types, out),
			}
		},
		ValueDef::Variant(variant) if is_option(value.context, types) => match variant.values.values().next() {
			Some(inner) if variant.name == "Some" => write_text(inner, types, out),
			_ => out.push_str("None"),
		},
		ValueDef::Composite(composite) => {
			let sequence = matches!(
				types.resolve(value.context).map(|ty| &ty.type_def),
				Some(TypeDef::Sequence(_) | TypeDef::Array(_))
			);
			write_fields(composite, types, if sequence { ("[", "]") } else { ("(", ")") }, out);
		},
		ValueDef::Variant(variant) => {
			out.push_str(&variant.name);
			if !variant.values.is_empty() {
				if matches!(variant.values, Composite::Named(_)) {
					out.push(' ');
				}
				write_fields(&variant.values, types, ("(", ")"), out);
			}
		},
		ValueDef::BitSequence(bits) => out.extend(bits.iter().map(|bit| if bit { '1' } else { '0' })),
		ValueDef::Primitive(Primitive::String(text)) => {
			let _ = write!(out, "{text:?}");
		},
		ValueDef::Primitive(primitive) => {
			let _ = write!(out, "{primitive}");
		},
	}
}

/// Named fields as `{ name: value, … }`, unnamed ones between `brackets`.
fn write_fields(composite: &Composite<u32>, types: &PortableRegistry, brackets: (&str, &str), out: &mut String) {
	match composite {
		Composite::Named(fields) => {
			out.push_str("{ ");
			for (index, (name, field)) in fields.iter().enumerate() {
				if index > 0 {
					out.push_str(", ");
				}
				out.push_str(name);
				out.push_str(": ");
				write_text(field, types, out);
			}
			out.push_str(if fields.is_empty() { "}" } else { " }" });
		},
		Composite::Unnamed(values) => {
			out.push_str(brackets.0);
			for (index, field) in values.iter().enumerate() {
				if index > 0 {
					out.push_str(", ");
				}
				write_text(field, types, out);
			}
			out.push_str(brackets.1);
		},
	}
}

/// `value` as JSON: structs as objects, tuples and sequences as arrays, byte sequences and arrays
/// as `0x…` strings, enums as `{"Variant": fields}` (a unit variant as its name), and integers
/// beyond 2^53 as decimal strings, so that no JSON reader loses digits.
pub fn to_json(value: &Value<u32>, types: &PortableRegistry) -> serde_json::Value {
	use serde_json::Value as Json;
	match &value.value {
		ValueDef::Composite(Composite::Unnamed(values)) if is_bytes(value.context, types) =>
			Json::String(format!("0x{}", hex::encode(bytes_of(values).unwrap_or_default()))),
		// A struct wrapping bytes (`Address([u8; 32])`) is its bytes.
		ValueDef::Composite(Composite::Unnamed(values))
			if values.len() == 1 && is_newtype(value.context, types) && is_bytes(values[0].context, types) =>
			to_json(&values[0], types),
		// `Option`: `null` or its value.
		ValueDef::Variant(variant) if is_option(value.context, types) => match variant.values.values().next() {
			Some(inner) if variant.name == "Some" => to_json(inner, types),
			_ => Json::Null,
		},
		ValueDef::Composite(composite) => composite_json(composite, types),
		ValueDef::Variant(variant) => match &variant.values {
			Composite::Unnamed(fields) if fields.is_empty() => Json::String(variant.name.clone()),
			fields => {
				let mut object = serde_json::Map::new();
				object.insert(variant.name.clone(), composite_json(fields, types));
				Json::Object(object)
			},
		},
		ValueDef::BitSequence(bits) => Json::String(bits.iter().map(|bit| if bit { '1' } else { '0' }).collect()),
		ValueDef::Primitive(primitive) => match primitive {
			Primitive::Bool(flag) => Json::Bool(*flag),
			Primitive::Char(c) => Json::String(c.to_string()),
			Primitive::String(text) => Json::String(text.clone()),
			Primitive::U128(number) if *number <= (1 << 53) => Json::from(*number as u64),
			Primitive::U128(number) => Json::String(number.to_string()),
			Primitive::I128(number) if number.unsigned_abs() <= (1 << 53) => Json::from(*number as i64),
			Primitive::I128(number) => Json::String(number.to_string()),
			Primitive::U256(bytes) | Primitive::I256(bytes) => Json::String(format!("0x{}", hex::encode(bytes))),
		},
	}
}

fn composite_json(composite: &Composite<u32>, types: &PortableRegistry) -> serde_json::Value {
	match composite {
		Composite::Named(fields) =>
			serde_json::Value::Object(fields.iter().map(|(name, value)| (name.clone(), to_json(value, types))).collect()),
		Composite::Unnamed(values) => serde_json::Value::Array(values.iter().map(|value| to_json(value, types)).collect()),
	}
}

/// Whether type `type_id` is an `Option`.
fn is_option(type_id: u32, types: &PortableRegistry) -> bool {
	types.resolve(type_id).is_some_and(|ty| ty.path.segments.last().is_some_and(|name| name == "Option"))
}

/// Whether type `type_id` is an account: the chain's `AccountId32`, or the SDK's `Address`.
fn is_account(type_id: u32, types: &PortableRegistry) -> bool {
	types.resolve(type_id).is_some_and(|ty| ty.path.segments.last().is_some_and(|name| name == "AccountId32" || name == "Address"))
}

/// Whether type `type_id` is a struct of one unnamed field.
fn is_newtype(type_id: u32, types: &PortableRegistry) -> bool {
	matches!(
		types.resolve(type_id).map(|ty| &ty.type_def),
		Some(TypeDef::Composite(composite)) if composite.fields.len() == 1 && composite.fields[0].name.is_none()
	)
}

/// Whether type `type_id` is a sequence or array of `u8`.
fn is_bytes(type_id: u32, types: &PortableRegistry) -> bool {
	let element = match types.resolve(type_id).map(|ty| &ty.type_def) {
		Some(TypeDef::Sequence(sequence)) => sequence.type_param.id,
		Some(TypeDef::Array(array)) => array.type_param.id,
		_ => return false,
	};
	matches!(types.resolve(element).map(|ty| &ty.type_def), Some(TypeDef::Primitive(TypeDefPrimitive::U8)))
}

/// The bytes of decoded values, if every one is a `u8`-sized number.
pub fn bytes_of<T>(values: &[Value<T>]) -> Option<Vec<u8>> {
	values
		.iter()
		.map(|value| match value.value {
			ValueDef::Primitive(Primitive::U128(byte)) => u8::try_from(byte).ok(),
			_ => None,
		})
		.collect()
}

#[cfg(test)]
mod tests {
	use super::*;
	use scale_info::{MetaType, Registry, TypeInfo};

	#[derive(TypeInfo, codec::Encode)]
	struct Transfer {
		to: [u8; 32],
		amount: u128,
	}

	#[derive(TypeInfo)]
	#[allow(dead_code)]
	enum Mode {
		Off,
		On(u8),
	}

	/// Metadata with the given types registered, their ids in order.
	fn metadata(types: &[MetaType]) -> (Metadata, Vec<u32>) {
		let mut registry = Registry::new();
		let ids = types.iter().map(|ty| registry.register_type(ty).id).collect();
		let metadata = Metadata {
			format: FORMAT,
			name: "test".into(),
			version: "0.1.0".into(),
			code_hash: None,
			entry_points: vec![],
			events: vec![],
			types: registry.into(),
		};
		(metadata, ids)
	}

	#[test]
	fn a_struct_is_encoded_from_its_fields_by_name_or_in_order() {
		let (metadata, ids) = metadata(&[MetaType::new::<Transfer>()]);
		let expected = codec::Encode::encode(&Transfer { to: [7; 32], amount: 1_000 });
		let to = format!("0x{}", "07".repeat(32));
		assert_eq!(metadata.encode(ids[0], &[format!("{{ to: {to}, amount: 1000 }}")]).unwrap(), expected);
		assert_eq!(metadata.encode(ids[0], &[to, "1000".into()]).unwrap(), expected);
	}

	#[test]
	fn a_wrong_argument_names_the_field_and_the_type_expected() {
		let (metadata, ids) = metadata(&[MetaType::new::<Transfer>()]);
		let failure = metadata.encode(ids[0], &[r#"{ to: 0x07, amount: "lots" }"#.into()]).unwrap_err();
		assert_eq!(failure.kind, Kind::BadArgument);
		assert!(failure.message.contains("expected Transfer { to: [u8; 32], amount: u128 }"), "{}", failure.message);
		let failure = metadata.encode(ids[0], &["{ to: ".into()]).unwrap_err();
		assert_eq!(failure.kind, Kind::BadArgument);
		assert!(failure.message.starts_with("argument 1 (`{ to: `)"), "{}", failure.message);
	}

	#[test]
	fn the_unit_message_needs_no_argument_and_others_do() {
		let (metadata, ids) = metadata(&[MetaType::new::<()>(), MetaType::new::<u32>()]);
		assert_eq!(metadata.encode(ids[0], &[]).unwrap(), Vec::<u8>::new());
		let failure = metadata.encode(ids[1], &[]).unwrap_err();
		assert_eq!((failure.kind, failure.message.as_str()), (Kind::BadArgument, "an argument is needed: u32"));
	}

	#[test]
	fn decoding_refuses_bytes_left_over_and_renders_enums_and_bytes_as_json() {
		let (metadata, ids) = metadata(&[MetaType::new::<Mode>(), MetaType::new::<Transfer>(), MetaType::new::<u128>()]);
		assert_eq!(to_json(&metadata.decode(ids[0], &[1, 9]).unwrap(), &metadata.types), serde_json::json!({ "On": [9] }));
		assert_eq!(to_json(&metadata.decode(ids[0], &[0]).unwrap(), &metadata.types), serde_json::json!("Off"));
		assert_eq!(metadata.decode(ids[0], &[0, 0]).unwrap_err().kind, Kind::Undecodable);
		let transfer = codec::Encode::encode(&Transfer { to: [1; 32], amount: u128::MAX });
		assert_eq!(
			to_json(&metadata.decode(ids[1], &transfer).unwrap(), &metadata.types),
			serde_json::json!({ "to": format!("0x{}", "01".repeat(32)), "amount": u128::MAX.to_string() })
		);
		assert_eq!(to_text(&metadata.decode(ids[2], &5u128.to_le_bytes()).unwrap(), &metadata.types), "5");
	}

	#[derive(TypeInfo, codec::Encode)]
	struct Address([u8; 32]);

	#[derive(TypeInfo, codec::Encode)]
	struct Paid {
		by: Address,
		memo: Option<Vec<u8>>,
		refund: Option<u8>,
	}

	#[test]
	fn text_shows_accounts_in_ss58_options_as_their_value_and_unit_variants_by_name() {
		let (metadata, ids) = metadata(&[MetaType::new::<Paid>(), MetaType::new::<Mode>(), MetaType::new::<Vec<Mode>>()]);
		let alice = subxt::utils::AccountId32::from(subxt_signer::sr25519::dev::alice().public_key());
		let paid = codec::Encode::encode(&Paid { by: Address(alice.0), memo: Some(vec![0xab]), refund: None });
		assert_eq!(
			to_text(&metadata.decode(ids[0], &paid).unwrap(), &metadata.types),
			"{ by: 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY, memo: 0xab, refund: None }"
		);
		assert_eq!(to_text(&metadata.decode(ids[1], &[0]).unwrap(), &metadata.types), "Off");
		assert_eq!(to_text(&metadata.decode(ids[2], &[8, 0, 1, 9]).unwrap(), &metadata.types), "[Off, On(9)]");
	}

	#[test]
	fn metadata_of_another_format_is_refused_with_what_to_do() {
		assert!(Metadata::parse(r#"{"entry_points": [], "types": {"types": []}}"#).unwrap_err().contains("rebuild"));
		assert!(Metadata::parse(r#"{"format": 9}"#).unwrap_err().contains("format 9"));
	}
}
