//! JSON of the core's own: a strict lexer for readers of any shape
//! ([`lex`]), an owned tree that keeps numbers as their text and objects in
//! order ([`Json`]), and a writer whose output is serde_json's, byte for byte
//! ([`write`]).

pub(crate) mod lex;
mod tree;
pub(crate) mod write;

pub use self::tree::{Json, Number};
pub(crate) use self::write::{to_text, Writer};

/// Reads text this crate wrote back into a tree (`to_json_value` of the
/// report types). The text is always JSON; `Null` would only hide a bug.
pub(crate) fn reparse(text: &str) -> Json {
    tree::parse(text).unwrap_or(Json::Null)
}

/// Reads a price book's text, with the lexer's error.
pub(crate) fn parse(text: &str) -> Result<Json, lex::SyntaxError> {
    tree::parse(text)
}
