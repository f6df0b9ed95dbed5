//! One integration test binary, a module per area.

mod conformance;
mod json;
mod misuse;
mod prices;
mod sources;
mod typed;
mod urls;
