//! Peer (b), the floor: `serde_json::from_str` into a `#[derive(Deserialize)]`
//! struct, every string borrowed from the text where it has no escape, and no
//! validation and no price at all. Nothing that checks a body can be faster
//! than reading it.

use std::borrow::Cow;

use seedance_rules::Endpoint;
use serde::Deserialize;

/// `seedanceapi-v1`.
#[allow(missing_docs)]
#[derive(Debug, Deserialize)]
pub struct V1<'a> {
    #[serde(borrow)]
    pub prompt: Cow<'a, str>,
    #[serde(borrow, default)]
    pub aspect_ratio: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub resolution: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub duration: Option<Cow<'a, str>>,
    #[serde(default)]
    pub generate_audio: Option<bool>,
    #[serde(default)]
    pub fixed_lens: Option<bool>,
    #[serde(borrow, default)]
    pub image_urls: Vec<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub callback_url: Option<Cow<'a, str>>,
}

/// `seedanceapi-v2`.
#[allow(missing_docs)]
#[derive(Debug, Deserialize)]
pub struct V2<'a> {
    #[serde(borrow)]
    pub prompt: Cow<'a, str>,
    #[serde(borrow, default)]
    pub model: Option<Cow<'a, str>>,
    #[serde(default)]
    pub duration: Option<u32>,
    #[serde(borrow, default)]
    pub resolution: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub aspect_ratio: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub images: Vec<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub reference_video_urls: Vec<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub reference_audio_urls: Vec<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub callback_url: Option<Cow<'a, str>>,
    #[serde(default)]
    pub public: Option<bool>,
}

/// `seedance2ai-video`.
#[allow(missing_docs)]
#[derive(Debug, Deserialize)]
pub struct Video<'a> {
    #[serde(borrow, default)]
    pub mode: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub quality_tier: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub channel: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub prompt: Cow<'a, str>,
    #[serde(borrow, default)]
    pub aspect_ratio: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub duration: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub resolution: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub image_url: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub end_image_url: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub media_urls: Vec<Cow<'a, str>>,
    #[serde(default)]
    pub generate_audio: Option<bool>,
    #[serde(default)]
    pub fixed_lens: Option<bool>,
    #[serde(default)]
    pub seed: Option<i64>,
}

/// `seedance2ai-gpt-image-2`.
#[allow(missing_docs)]
#[derive(Debug, Deserialize)]
pub struct GptImage2<'a> {
    #[serde(rename = "type", borrow)]
    pub kind: Cow<'a, str>,
    #[serde(borrow, default)]
    pub channel: Option<Cow<'a, str>>,
    #[serde(borrow)]
    pub prompt: Cow<'a, str>,
    #[serde(borrow)]
    pub resolution: Cow<'a, str>,
    #[serde(rename = "aspectRatio", borrow)]
    pub aspect_ratio: Cow<'a, str>,
    #[serde(rename = "batchCount", default)]
    pub batch_count: Option<u32>,
    #[serde(rename = "imageUrls", borrow, default)]
    pub image_urls: Vec<Cow<'a, str>>,
}

/// `seedance2ai-nano-banana-pro`.
#[allow(missing_docs)]
#[derive(Debug, Deserialize)]
pub struct NanoBananaPro<'a> {
    #[serde(rename = "type", borrow)]
    pub kind: Cow<'a, str>,
    #[serde(borrow)]
    pub prompt: Cow<'a, str>,
    #[serde(borrow, default)]
    pub image_size: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub output_format: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub resolution: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub image_urls: Vec<Cow<'a, str>>,
}

/// `apiinone-videos`.
#[allow(missing_docs)]
#[derive(Debug, Deserialize)]
pub struct Apiinone<'a> {
    #[serde(borrow)]
    pub model: Cow<'a, str>,
    #[serde(borrow)]
    pub prompt: Cow<'a, str>,
    #[serde(borrow, default)]
    pub image: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub aspect_ratio: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub resolution: Option<Cow<'a, str>>,
    #[serde(borrow, default)]
    pub duration: Option<Cow<'a, str>>,
    #[serde(rename = "generateAudio", default)]
    pub generate_audio: Option<bool>,
    #[serde(rename = "fixedLens", default)]
    pub fixed_lens: Option<bool>,
    #[serde(borrow, default)]
    pub callback_url: Option<Cow<'a, str>>,
}

/// A body read by the floor.
#[allow(missing_docs)]
#[derive(Debug)]
pub enum Body<'a> {
    V1(V1<'a>),
    V2(V2<'a>),
    Video(Video<'a>),
    GptImage2(GptImage2<'a>),
    NanoBananaPro(NanoBananaPro<'a>),
    Apiinone(Apiinone<'a>),
}

/// Reads `text` into the endpoint's struct. `Err` for text that is not JSON
/// or not of the struct's shape (the floor tells nothing finer).
pub fn read(endpoint: Endpoint, text: &str) -> serde_json::Result<Body<'_>> {
    Ok(match endpoint {
        Endpoint::SeedanceApiV1 => Body::V1(serde_json::from_str(text)?),
        Endpoint::SeedanceApiV2 => Body::V2(serde_json::from_str(text)?),
        Endpoint::Seedance2aiVideo => Body::Video(serde_json::from_str(text)?),
        Endpoint::Seedance2aiGptImage2 => Body::GptImage2(serde_json::from_str(text)?),
        Endpoint::Seedance2aiNanoBananaPro => Body::NanoBananaPro(serde_json::from_str(text)?),
        Endpoint::ApiinoneVideos => Body::Apiinone(serde_json::from_str(text)?),
        // `Endpoint` is non-exhaustive: an endpoint added later has no floor yet.
        _ => {
            return Err(serde::de::Error::custom(
                "no floor struct for this endpoint",
            ))
        }
    })
}
