//! seedanceapi.org `POST /v1/generate`: Seedance 1.5 Pro
//! (`docs/sources/002_4c02b8e17acb5dad.txt`, credits also in `000_…`).

use std::borrow::Cow;

use super::seedanceapi::*;
use super::*;
use crate::price::EndpointPrices;
use crate::spec::{ix, EndpointSpec, UrlPolicy};

use Check::*;
use DefaultValue as D;
use Kind::*;

const ID: &str = "seedanceapi-v1";

const ASPECT_RATIOS: &[&str] = &["1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21"];
const RESOLUTIONS: &[&str] = &["480p", "720p"];
const DURATIONS: &[&str] = &["4", "8", "12"];

/// The body parameters, in the document's order.
pub(crate) static FIELDS: [Field; 8] = [
    field("prompt", Str, &INVALID_PROMPT, D::None,
        "Text description of the video to generate (max 2000 characters)",
        Source::doc(V1_DOC, "Text description of the video to generate (max 2000 characters)")),
    field("aspect_ratio", Str, &INVALID_ASPECT_RATIO, D::Str("1:1"),
        "Output aspect ratio",
        Source::doc(V1_DOC, "Output aspect ratio. Supported: 1:1, 16:9, 9:16, 4:3, 3:4, 21:9, 9:21 Defaults to 1:1.")),
    field("resolution", Str, &INVALID_RESOLUTION, D::Str("720p"),
        "Video resolution",
        Source::doc(V1_DOC, "Video resolution: 480p or 720p Defaults to 720p.")),
    field("duration", DurationStr, &INVALID_DURATION, D::Str("8"),
        "Video duration in seconds",
        Source::doc_decision(V1_DOC, "Video duration in seconds: 4, 8, or 12 Defaults to 8.",
            "a JSON number is accepted, sent as the documented string, and warned about")),
    field("generate_audio", Bool, &INVALID_FIELD_TYPE, D::Bool(false),
        "Enable AI audio generation for the video",
        Source::doc(V1_DOC, "Enable AI audio generation for the video Defaults to false.")),
    field("fixed_lens", Bool, &INVALID_FIELD_TYPE, D::Bool(false),
        "Lock the camera lens to reduce motion blur",
        Source::doc(V1_DOC, "Lock the camera lens to reduce motion blur Defaults to false.")),
    field("image_urls", UrlList, &INVALID_IMAGE_URL, D::None,
        "Array of reference image URLs for image-to-video generation (max 1 image)",
        Source::doc_decision(V1_DOC, "Array of reference image URLs for image-to-video generation (max 1 image)",
            EMPTY_LIST_IS_ABSENT)),
    field("callback_url", UrlString, &INVALID_CALLBACK_URL, D::None,
        "Webhook URL for async status notifications",
        Source::doc(V1_DOC, "Webhook URL for async status notifications. Must be publicly accessible (no localhost).")),
];

const PROMPT: usize = ix(&FIELDS, "prompt");
const ASPECT_RATIO: usize = ix(&FIELDS, "aspect_ratio");
const RESOLUTION: usize = ix(&FIELDS, "resolution");
const DURATION: usize = ix(&FIELDS, "duration");
const GENERATE_AUDIO: usize = ix(&FIELDS, "generate_audio");
const IMAGE_URLS: usize = ix(&FIELDS, "image_urls");
const CALLBACK_URL: usize = ix(&FIELDS, "callback_url");

/// One line a rule.
pub(crate) static RULES: [Rule; 9] = [
    // The body's parameters say "optional" of every field but the prompt.
    rule("seedanceapi-v1.prompt.required", PROMPT, &[], Required, &INVALID_PROMPT, "",
        Source::doc(V1_DOC, "Body ParametersJSON\nprompt:string\n")),
    rule("seedanceapi-v1.prompt.empty", PROMPT, &[], NotBlank, &INVALID_PROMPT, "",
        Source::doc_decision(V1_DOC, "INVALID_PROMPTThe prompt is invalid or empty",
            "a prompt of only white space counts as empty")),
    rule("seedanceapi-v1.prompt.length", PROMPT, &[], Chars { min: 1, max: Some(2000) }, &INVALID_PROMPT, "",
        Source::doc_decision(V1_DOC, "(max 2000 characters)",
            "characters are Unicode scalar values, not bytes or UTF-16 units")),
    rule("seedanceapi-v1.aspect_ratio.allowed", ASPECT_RATIO, &[], OneOf(ASPECT_RATIOS), &INVALID_ASPECT_RATIO, "",
        Source::doc(V1_DOC, "Supported: 1:1, 16:9, 9:16, 4:3, 3:4, 21:9, 9:21")),
    rule("seedanceapi-v1.resolution.allowed", RESOLUTION, &[], OneOf(RESOLUTIONS), &INVALID_RESOLUTION, "",
        Source::doc(V1_DOC, "Video resolution: 480p or 720p")),
    rule("seedanceapi-v1.duration.allowed", DURATION, &[], OneOf(DURATIONS), &INVALID_DURATION, "",
        Source::doc(V1_DOC, "Video duration in seconds: 4, 8, or 12")),
    rule("seedanceapi-v1.image_urls.count", IMAGE_URLS, &[], Count { min: 1, max: 1 }, &TOO_MANY_IMAGES, "",
        Source::doc(V1_DOC, "TOO_MANY_IMAGESMaximum 1 image URL allowed in image_urls array")),
    rule("seedanceapi-v1.image_urls.url", IMAGE_URLS, &[], Url(UrlPolicy::Http), &INVALID_IMAGE_URL, "",
        Source::doc_decision(V1_DOC, "Array of reference image URLs",
            url_decision!("an image URL is an absolute http or https URL, as v2 of the same provider says"))),
    rule("seedanceapi-v1.callback_url.url", CALLBACK_URL, &[], Url(UrlPolicy::PublicHttp), &INVALID_CALLBACK_URL, "",
        Source::doc_decision(V1_DOC, "Must be publicly accessible (no localhost).",
            url_decision!("public means no localhost name, no loopback/private/link-local/site-local/unique-local/CGNAT/\
             broadcast/multicast/unspecified/NAT64 local-use IP literal (IPv4 carried in IPv6, \
             mapped, translated, NAT64, 6to4, Teredo or compatible, judged as IPv4), and no user info"))),
];

const fn grid(quote: &'static str) -> Source {
    Source::doc(LLMS, quote)
}

/// The credit grid, exactly as published: not a formula (480p 4 s with audio is
/// 14, not 2 × 8).
pub(crate) static PRICES: EndpointPrices = EndpointPrices {
    usd_per_credit: Some(ratio((1, 100))),
    usd_source: Source::doc(LLMS, "1 USD = 100 credits"),
    markup: Ratio::ONE,
    rows: Cow::Borrowed(&[
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "4"), bool_is(GENERATE_AUDIO, false)], 8, grid("480p without audio: 4s = 8")),
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "8"), bool_is(GENERATE_AUDIO, false)], 14, grid("480p without audio: 4s = 8; 8s = 14")),
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "12"), bool_is(GENERATE_AUDIO, false)], 19, grid("480p without audio: 4s = 8; 8s = 14; 12s = 19 credits")),
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "4"), bool_is(GENERATE_AUDIO, true)], 14, grid("480p with audio: 4s = 14")),
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "8"), bool_is(GENERATE_AUDIO, true)], 28, grid("480p with audio: 4s = 14; 8s = 28")),
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "12"), bool_is(GENERATE_AUDIO, true)], 38, grid("480p with audio: 4s = 14; 8s = 28; 12s = 38 credits")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "4"), bool_is(GENERATE_AUDIO, false)], 14, grid("720p without audio: 4s = 14")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "8"), bool_is(GENERATE_AUDIO, false)], 28, grid("720p without audio: 4s = 14; 8s = 28")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "12"), bool_is(GENERATE_AUDIO, false)], 42, grid("720p without audio: 4s = 14; 8s = 28; 12s = 42 credits")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "4"), bool_is(GENERATE_AUDIO, true)], 28, grid("720p with audio: 4s = 28")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "8"), bool_is(GENERATE_AUDIO, true)], 56, grid("720p with audio: 4s = 28; 8s = 56")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "12"), bool_is(GENERATE_AUDIO, true)], 84, grid("720p with audio: 4s = 28; 8s = 56; 12s = 84 credits")),
    ]),
    note: Source::doc(LLMS, "credits per successful generation"),
};

pub(crate) static SPEC: EndpointSpec = EndpointSpec {
    id: ID,
    provider: "seedanceapi.org",
    route: "POST /v1/generate",
    base_url: "https://seedanceapi.org",
    models: "Seedance 1.5 Pro",
    headers: &[("Authorization", "Bearer YOUR_API_KEY")],
    fields: &FIELDS,
    rules: &RULES,
    codes: &[
        &INVALID_PROMPT, &INVALID_ASPECT_RATIO, &INVALID_RESOLUTION, &INVALID_DURATION,
        &TOO_MANY_IMAGES, &INVALID_API_KEY, &INSUFFICIENT_CREDITS, &TASK_NOT_FOUND,
        &INTERNAL_ERROR, &INVALID_IMAGE_URL, &INVALID_CALLBACK_URL, &INVALID_FIELD_TYPE,
        &INVALID_BODY,
    ],
    body_code: &INVALID_BODY,
    balance_code: &INSUFFICIENT_CREDITS,
    seconds_field: Some(DURATION),
    prices: &PRICES,
    example: r#"{"prompt": "A cinematic shot of mountains at sunrise with flowing clouds", "aspect_ratio": "16:9", "resolution": "720p", "duration": "8"}"#,
    warnings: &[UNKNOWN_FIELD, DUPLICATE_FIELD, COERCED_TYPE],
};
