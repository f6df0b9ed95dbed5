//! seedance2ai.io `POST /api/v1/video/seedance`
//! (`docs/sources/003_8aaaa4f40c740086.txt`, "Seedance Video").

use super::seedance2ai::*;
use super::*;
use crate::spec::{ix, EndpointSpec, UrlPolicy};

use Check::*;
use Cond::*;
use DefaultValue as D;
use Kind::*;

const ID: &str = "seedance2ai-video";

const MODES: &[&str] = &["text-to-video", "image-to-video", "media-to-video"];
const QUALITY_TIERS: &[&str] = &["standard", "pro"];
const CHANNELS: &[&str] = &["standard", "real", "wild"];
const ASPECT_RATIOS: &[&str] = &["1:1", "21:9", "4:3", "3:4", "16:9", "9:16"];
const RESOLUTIONS: &[&str] = &["720p", "1080p"];

const fn doc(quote: &'static str) -> Source {
    Source::doc(S2AI_DOC, quote)
}

/// The parameters, in the document's order.
pub(crate) static FIELDS: [Field; 13] = [
    field("mode", Str, &INVALID_REQUEST, D::Str("text-to-video"), "Generation mode.", doc("Generation mode.")),
    field("quality_tier", Str, &INVALID_REQUEST, D::Str("standard"), "Quality tier.", doc("Quality tier.")),
    field("channel", Str, &INVALID_REQUEST, D::Str("standard"), "Rendering channel.", doc("Rendering channel.")),
    field("prompt", Str, &INVALID_REQUEST, D::None, "Text prompt.", doc("3–10000 chars")),
    field("aspect_ratio", Str, &INVALID_REQUEST, D::Str("16:9"), "Aspect ratio.", doc("1:121:94:33:416:99:16")),
    field("duration", DurationStr, &INVALID_REQUEST, D::Str("5"), "Clip duration.",
        Source::doc_decision(S2AI_DOC, "4–15 (seconds)",
            "a JSON number is accepted, sent as the documented string, and warned about")),
    field("resolution", Str, &INVALID_REQUEST, D::Str("720p"), "Output resolution.", doc("720p1080p")),
    field("image_url", UrlString, &INVALID_REQUEST, D::None, "Start frame — required for image-to-video.",
        doc("Start frame — required for image-to-video.")),
    field("end_image_url", UrlString, &INVALID_REQUEST, D::None, "Optional end frame.", doc("Optional end frame.")),
    field("media_urls", UrlList, &INVALID_REQUEST, D::None, "Required for media-to-video.",
        Source::doc_decision(S2AI_DOC, "Required for media-to-video.", EMPTY_LIST_IS_ABSENT)),
    field("generate_audio", Bool, &INVALID_REQUEST, D::Bool(true), "Generate an audio track.", doc("Generate an audio track.")),
    field("fixed_lens", Bool, &INVALID_REQUEST, D::Bool(false), "Lock the camera lens.", doc("Lock the camera lens.")),
    field("seed", Int, &INVALID_REQUEST, D::None, "Not supported on the real channel.",
        doc("Not supported on the real channel.")),
];

const MODE: usize = ix(&FIELDS, "mode");
const QUALITY_TIER: usize = ix(&FIELDS, "quality_tier");
const CHANNEL: usize = ix(&FIELDS, "channel");
const PROMPT: usize = ix(&FIELDS, "prompt");
const ASPECT_RATIO: usize = ix(&FIELDS, "aspect_ratio");
const DURATION: usize = ix(&FIELDS, "duration");
const RESOLUTION: usize = ix(&FIELDS, "resolution");
const IMAGE_URL: usize = ix(&FIELDS, "image_url");
const END_IMAGE_URL: usize = ix(&FIELDS, "end_image_url");
const MEDIA_URLS: usize = ix(&FIELDS, "media_urls");
const SEED: usize = ix(&FIELDS, "seed");

const PUBLIC_HTTPS: Source = Source::doc_decision(S2AI_DOC, "public https URL",
    url_decision!("public means no localhost name, no loopback/private/link-local/site-local/unique-local/CGNAT/\
     broadcast/multicast/unspecified/NAT64 local-use IP literal (IPv4 carried in IPv6, \
     mapped, translated, NAT64, 6to4, Teredo or compatible, judged as IPv4), and no user info"));
const UNUSED: Source = Source::decision(
    "an input the selected mode does not use is a warning, not an error");

/// One line a rule. Every violation is `invalid_request`; the rule id says which.
pub(crate) static RULES: [Rule; 20] = [
    rule("seedance2ai-video.mode.allowed", MODE, &[], OneOf(MODES), &INVALID_REQUEST, "", doc("text-to-videoimage-to-videomedia-to-video")),
    rule("seedance2ai-video.quality_tier.allowed", QUALITY_TIER, &[], OneOf(QUALITY_TIERS), &INVALID_REQUEST, "", doc("standardpro")),
    rule("seedance2ai-video.channel.allowed", CHANNEL, &[], OneOf(CHANNELS), &INVALID_REQUEST, "", doc("standardrealwild")),
    rule("seedance2ai-video.prompt.required", PROMPT, &[], Required, &INVALID_REQUEST, "", doc(PROMPT_REQUIRED)),
    rule("seedance2ai-video.prompt.empty", PROMPT, &[], NotBlank, &INVALID_REQUEST, "",
        Source::doc_decision(S2AI_DOC, "3–10000 chars", "a prompt of only white space is invalid")),
    rule("seedance2ai-video.prompt.length", PROMPT, &[], Chars { min: 3, max: Some(10000) }, &INVALID_REQUEST, "",
        Source::doc_decision(S2AI_DOC, "3–10000 chars", "characters are Unicode scalar values")),
    rule("seedance2ai-video.aspect_ratio.allowed", ASPECT_RATIO, &[], OneOf(ASPECT_RATIOS), &INVALID_REQUEST, "", doc("1:121:94:33:416:99:16")),
    rule("seedance2ai-video.duration.allowed", DURATION, &[], IntRange(4, 15), &INVALID_REQUEST, "", doc("4–15 (seconds)")),
    rule("seedance2ai-video.resolution.allowed", RESOLUTION, &[], OneOf(RESOLUTIONS), &INVALID_REQUEST, "", doc("720p1080p")),
    rule("seedance2ai-video.seed.allowed", SEED, &[], IntRange(-1, 4_294_967_295), &INVALID_REQUEST, "", doc("-1 – 4294967295")),
    // Across fields. An input is checked only in the mode that uses it: in
    // another it is a warning (the `unused` rules below), whatever it holds.
    rule("seedance2ai-video.image_url.url", IMAGE_URL, &[Is(MODE, "image-to-video")], Url(UrlPolicy::PublicHttps), &INVALID_REQUEST, "", PUBLIC_HTTPS),
    rule("seedance2ai-video.end_image_url.url", END_IMAGE_URL, &[Is(MODE, "image-to-video")], Url(UrlPolicy::PublicHttps), &INVALID_REQUEST, "", PUBLIC_HTTPS),
    rule("seedance2ai-video.media_urls.count", MEDIA_URLS, &[Is(MODE, "media-to-video")], Count { min: 1, max: 12 }, &INVALID_REQUEST, "", doc("≤ 12 public https URLs")),
    rule("seedance2ai-video.media_urls.url", MEDIA_URLS, &[Is(MODE, "media-to-video")], Url(UrlPolicy::PublicHttps), &INVALID_REQUEST, "", PUBLIC_HTTPS),
    rule("seedance2ai-video.image_url.required-for-mode", IMAGE_URL, &[Is(MODE, "image-to-video")], Required, &INVALID_REQUEST,
        "image-to-video starts from `image_url`", doc("Start frame — required for image-to-video.")),
    rule("seedance2ai-video.media_urls.required-for-mode", MEDIA_URLS, &[Is(MODE, "media-to-video")], Required, &INVALID_REQUEST,
        "media-to-video needs 1 to 12 `media_urls`", doc("Required for media-to-video.")),
    rule("seedance2ai-video.seed.not-on-real-channel", SEED, &[Is(CHANNEL, "real")], Forbidden, &INVALID_REQUEST,
        "leave `seed` out, or use the standard or wild channel", doc("Not supported on the real channel.")),
    rule("seedance2ai-video.image_url.unused", IMAGE_URL, &[IsNot(MODE, "image-to-video")], Unused, &INVALID_REQUEST, "", UNUSED),
    rule("seedance2ai-video.end_image_url.unused", END_IMAGE_URL, &[IsNot(MODE, "image-to-video")], Unused, &INVALID_REQUEST, "",
        Source::doc_decision(S2AI_DOC, "Optional end frame.",
            "an end frame belongs to image-to-video, whose start frame is `image_url`")),
    rule("seedance2ai-video.media_urls.unused", MEDIA_URLS, &[IsNot(MODE, "media-to-video")], Unused, &INVALID_REQUEST, "", UNUSED),
];

pub(crate) static SPEC: EndpointSpec = EndpointSpec {
    id: ID,
    provider: "seedance2ai.io",
    route: "POST /api/v1/video/seedance",
    base_url: "https://seedance2ai.io",
    models: "Seedance video (quality tiers standard and pro)",
    headers: HEADERS,
    fields: &FIELDS,
    rules: &RULES,
    codes: &ALL,
    body_code: &INVALID_REQUEST,
    balance_code: &INSUFFICIENT_CREDITS,
    seconds_field: Some(DURATION),
    prices: &PRICES,
    example: r#"{"mode": "text-to-video", "quality_tier": "standard", "prompt": "A cinematic shot of a glass train crossing a snowy mountain bridge", "aspect_ratio": "16:9", "duration": "5", "resolution": "720p"}"#,
    warnings: &[UNKNOWN_FIELD, DUPLICATE_FIELD, COERCED_TYPE, UNUSED_FIELD],
};
