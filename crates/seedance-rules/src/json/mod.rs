//! JSON of the core's own: a strict lexer for readers of any shape.

// The readers built on the lexer come with the tree and the writer.
#[allow(dead_code)]
pub(crate) mod lex;
