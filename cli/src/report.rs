//! What a command prints when it succeeds.

/// A result: lines for a person, JSON for a script (`--output-json`).
pub struct Report {
	pub text: Vec<String>,
	pub json: serde_json::Value,
}
