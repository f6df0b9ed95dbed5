//! One integration test binary, a module per area.

/// `$f::<R>($args)`, `R` the typed request of endpoint `$endpoint`: `None`
/// for an endpoint with none.
#[cfg(feature = "serde")]
macro_rules! on_typed_request {
    ($endpoint:expr, $f:ident($($arg:expr),* $(,)?)) => {
        match $endpoint {
            seedance_rules::Endpoint::SeedanceApiV1 => $f::<seedance_rules::SeedanceApiV1Request>($($arg),*),
            seedance_rules::Endpoint::SeedanceApiV2 => $f::<seedance_rules::SeedanceApiV2Request>($($arg),*),
            seedance_rules::Endpoint::Seedance2aiVideo => $f::<seedance_rules::Seedance2aiVideoRequest>($($arg),*),
            seedance_rules::Endpoint::Seedance2aiGptImage2 => $f::<seedance_rules::Seedance2aiGptImage2Request>($($arg),*),
            seedance_rules::Endpoint::Seedance2aiNanoBananaPro => $f::<seedance_rules::Seedance2aiNanoBananaProRequest>($($arg),*),
            seedance_rules::Endpoint::ApiinoneVideos => $f::<seedance_rules::ApiinoneVideosRequest>($($arg),*),
            _ => None,
        }
    };
}

mod conformance;
mod json;
mod misuse;
#[cfg(feature = "serde")]
mod normalized;
mod prices;
#[cfg(feature = "schema")]
mod schema;
mod sources;
mod typed;
mod urls;
