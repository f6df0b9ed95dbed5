//! One integration test binary, a module per area.

mod conformance;
mod json;
mod misuse;
#[cfg(feature = "serde")]
mod normalized;
mod prices;
mod sources;
mod typed;
mod urls;
