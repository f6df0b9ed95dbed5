//! The six endpoints.

use std::fmt;

use crate::spec::EndpointSpec;
use crate::tables;

/// An endpoint the library knows the rules and prices of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum Endpoint {
    /// seedanceapi.org `POST /v1/generate`: Seedance 1.5 Pro.
    SeedanceApiV1,
    /// seedanceapi.org `POST /v2/generate`: Seedance 2.0, 2.0 Fast and 2 Mini.
    SeedanceApiV2,
    /// seedance2ai.io `POST /api/v1/video/seedance`.
    Seedance2aiVideo,
    /// seedance2ai.io `POST /api/v1/image/gpt-image-2`.
    Seedance2aiGptImage2,
    /// seedance2ai.io `POST /api/v1/image/nano-banana-pro`.
    Seedance2aiNanoBananaPro,
    /// apiin.one `POST /api/v1/videos/generations` with `seedance-1-5-pro`.
    ApiinoneVideos,
}

impl Endpoint {
    /// Every endpoint, in a stable order.
    pub const ALL: [Endpoint; 6] = [
        Endpoint::SeedanceApiV1,
        Endpoint::SeedanceApiV2,
        Endpoint::Seedance2aiVideo,
        Endpoint::Seedance2aiGptImage2,
        Endpoint::Seedance2aiNanoBananaPro,
        Endpoint::ApiinoneVideos,
    ];

    /// The endpoint id (`seedanceapi-v2`).
    pub fn id(self) -> &'static str {
        self.spec().id
    }

    /// The endpoint with this id.
    pub fn from_id(id: &str) -> Option<Endpoint> {
        Endpoint::ALL.into_iter().find(|e| e.spec().id == id)
    }

    /// Every id, comma separated, for messages.
    pub fn ids() -> String {
        let mut out = String::new();
        for (i, e) in Endpoint::ALL.iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(e.id());
        }
        out
    }

    /// The endpoint's place in [`Endpoint::ALL`].
    #[cfg(not(target_family = "wasm"))]
    pub(crate) const fn index(self) -> usize {
        const {
            let mut i = 0;
            while i < Endpoint::ALL.len() {
                assert!(
                    Endpoint::ALL[i] as usize == i,
                    "ALL lists the endpoints in order"
                );
                i += 1;
            }
        };
        self as usize
    }

    /// The endpoint's tables: fields, rules, codes and built-in prices.
    pub const fn spec(self) -> &'static EndpointSpec {
        match self {
            Endpoint::SeedanceApiV1 => &tables::seedanceapi_v1::SPEC,
            Endpoint::SeedanceApiV2 => &tables::seedanceapi_v2::SPEC,
            Endpoint::Seedance2aiVideo => &tables::seedance2ai_video::SPEC,
            Endpoint::Seedance2aiGptImage2 => &tables::seedance2ai_gpt_image_2::SPEC,
            Endpoint::Seedance2aiNanoBananaPro => &tables::seedance2ai_nano_banana_pro::SPEC,
            Endpoint::ApiinoneVideos => &tables::apiinone_videos::SPEC,
        }
    }
}

impl fmt::Display for Endpoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

impl std::str::FromStr for Endpoint {
    type Err = crate::Error;

    fn from_str(s: &str) -> Result<Endpoint, crate::Error> {
        Endpoint::from_id(s).ok_or_else(|| crate::Error::unknown_endpoint(s))
    }
}

/// As its id (`"seedanceapi-v2"`), the way every JSON shape names it.
#[cfg(feature = "serde")]
impl serde::Serialize for Endpoint {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}

/// From its id (`"seedanceapi-v2"`); another string is an error that lists the ids.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Endpoint {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Endpoint, D::Error> {
        struct Id;
        impl serde::de::Visitor<'_> for Id {
            type Value = Endpoint;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("an endpoint id")
            }
            fn visit_str<E: serde::de::Error>(self, id: &str) -> Result<Endpoint, E> {
                id.parse().map_err(E::custom)
            }
        }
        d.deserialize_str(Id)
    }
}
