//! The one error type: misuse of the library, never an invalid request (that
//! is a [`Report`](crate::Report)).

use std::fmt;

use crate::message::message;

/// Why a check or a price book could not be read at all.
///
/// An invalid request is not an error: it is a [`Report`](crate::Report) with
/// violations. This is for what the library cannot read: an unknown endpoint
/// id, text that is not JSON, a price book that does not fit its schema.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    UnknownEndpoint(String),
    /// `SyntaxError::describe`'s text.
    Json(String),
    PriceBook {
        path: String,
        message: String,
    },
}

impl Error {
    pub(crate) fn unknown_endpoint(id: &str) -> Error {
        Error {
            kind: ErrorKind::UnknownEndpoint(crate::body::clip(id).into_owned()),
        }
    }

    /// `text`, which the core's own lexer could not read: serde_json's words
    /// (its message, line and column), then what they leave unsaid (an
    /// empty text, a byte order mark, the nesting limit).
    pub(crate) fn syntax(text: &str, e: crate::json::lex::SyntaxError) -> Error {
        Error {
            kind: ErrorKind::Json(e.describe(text)),
        }
    }

    pub(crate) fn price_book(path: &str, message: impl Into<String>) -> Error {
        Error {
            kind: ErrorKind::PriceBook {
                path: path.to_owned(),
                message: message.into(),
            },
        }
    }

    /// The endpoint id is not one of [`Endpoint::ALL`](crate::Endpoint::ALL).
    pub fn is_unknown_endpoint(&self) -> bool {
        matches!(self.kind, ErrorKind::UnknownEndpoint(_))
    }

    /// The body is not JSON text.
    pub fn is_json(&self) -> bool {
        matches!(self.kind, ErrorKind::Json(_))
    }

    /// The price book does not fit the `seedance-rules/price-book/v1` schema.
    pub fn is_price_book(&self) -> bool {
        matches!(self.kind, ErrorKind::PriceBook { .. })
    }

    /// For a price book that does not fit its schema: where in the book (a
    /// path such as `endpoints.seedanceapi-v2.rows[0].credits`, empty for
    /// the book as a whole) and what is wrong there. A caller that names the
    /// book itself (the CLI names its file) words the two as it needs.
    pub fn price_book_place(&self) -> Option<(&str, &str)> {
        match &self.kind {
            ErrorKind::PriceBook { path, message } => Some((path, message)),
            _ => None,
        }
    }

    /// A stable code: `UNKNOWN_ENDPOINT`, `INVALID_JSON` or `INVALID_PRICE_BOOK`.
    pub fn code(&self) -> &'static str {
        match self.kind {
            ErrorKind::UnknownEndpoint(_) => "UNKNOWN_ENDPOINT",
            ErrorKind::Json(_) => "INVALID_JSON",
            ErrorKind::PriceBook { .. } => "INVALID_PRICE_BOOK",
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ErrorKind::UnknownEndpoint(id) => {
                let meant = closest_endpoint(id)
                    .map(|meant| message!("did you mean `{}`? ", meant))
                    .unwrap_or_default();
                f.write_str(&message!(
                    "unknown endpoint `{}`; {}known endpoints: {}",
                    id,
                    meant,
                    crate::Endpoint::ids()
                ))
            }
            ErrorKind::Json(described) => {
                f.write_str(&message!("the body is not JSON: {}", described))
            }
            ErrorKind::PriceBook { path, message } if path.is_empty() => {
                f.write_str(&message!("price book: {}", message))
            }
            ErrorKind::PriceBook { path, message } => {
                f.write_str(&message!("price book `{}`: {}", path, message))
            }
        }
    }
}

impl std::error::Error for Error {}

/// The id an unknown endpoint id most likely meant. Not in the WebAssembly
/// module, where it would cost about 750 bytes of the package's gzip size
/// (its message lists the six ids all the same).
#[cfg(not(target_family = "wasm"))]
fn closest_endpoint(id: &str) -> Option<&'static str> {
    crate::suggest::closest_endpoint(id)
}

#[cfg(target_family = "wasm")]
fn closest_endpoint(_: &str) -> Option<&'static str> {
    None
}
