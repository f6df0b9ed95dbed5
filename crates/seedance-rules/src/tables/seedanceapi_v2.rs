//! seedanceapi.org `POST /v2/generate`: Seedance 2.0, 2.0 Fast and 2 Mini
//! (`docs/sources/001_7afcf58364257041.txt`, credits also in `000_…`).

use std::borrow::Cow;

use super::seedanceapi::*;
use super::*;
use crate::price::EndpointPrices;
use crate::spec::{ix, EndpointSpec, UrlPolicy};

use Check::*;
use Cond::*;
use DefaultValue as D;
use Kind::*;

const ID: &str = "seedanceapi-v2";

pub(crate) const STANDARD: &str = "seedance-2.0";
pub(crate) const FAST: &str = "seedance-2.0-fast";
pub(crate) const MINI: &str = "seedance-2-mini";

const MODELS: &[&str] = &[STANDARD, FAST, MINI];
const RESOLUTIONS: &[&str] = &["480p", "720p", "1080p"];
const ASPECT_RATIOS: &[&str] = &["16:9", "9:16", "4:3", "3:4"];
const MINI_ASPECT_RATIOS: &[&str] = &["16:9", "9:16", "4:3", "3:4", "1:1", "21:9", "adaptive"];
const DURATIONS: &[i64] = &[5, 10, 15];

/// The request body, in the order of the rules contract (model second).
pub(crate) static FIELDS: [Field; 10] = [
    field("prompt", Str, &V2_INVALID_PROMPT, D::None,
        "Text prompt (required, max 2000 characters)",
        Source::doc(V2_DOC, "Text prompt (required, max 2000 characters)")),
    field("model", Str, &INVALID_MODEL, D::Str(STANDARD),
        "seedance-2.0 (default), seedance-2.0-fast, or seedance-2-mini",
        Source::doc(V2_DOC, "Optional: seedance-2.0 (default), seedance-2.0-fast, or seedance-2-mini Defaults to seedance-2.0.")),
    field("duration", DurationInt, &V2_INVALID_DURATION, D::Int(5),
        "Seconds: 5, 10, or 15 for 2.0 / Fast; any integer from 4 to 15 for Mini",
        Source::doc_decision(V2_DOC, "Seconds: 5, 10, or 15 for 2.0 / Fast; any integer from 4 to 15 for Mini. Defaults to 5.",
            "a numeric string is accepted, sent as the documented integer, and warned about")),
    field("resolution", Str, &V2_INVALID_RESOLUTION, D::Str("720p"),
        "Output resolution: 480p, 720p, or 1080p",
        Source::doc(V2_DOC, "Output resolution: 480p, 720p, or 1080p. Mini supports 480p and 720p; 1080p is billed and sent upstream as 720p for Mini. Defaults to 720p.")),
    default_when(&[Absent(IMAGES)], field("aspect_ratio", Str, &V2_INVALID_ASPECT_RATIO, D::Str("16:9"),
        "For text-to-video: 16:9, 9:16, 4:3, or 3:4; Mini also 1:1, 21:9, adaptive",
        Source::doc_decision(V2_DOC, "Defaults to 16:9 (text-to-video only).",
            "with `images` and no `aspect_ratio`, none is filled in"))),
    field("images", UrlList, &INVALID_IMAGE_URL, D::None,
        "For image-to-video: 1–4 image URLs (http/https)",
        Source::doc_decision(V2_DOC, "For image-to-video: 1–4 image URLs (http/https)",
            EMPTY_LIST_IS_ABSENT)),
    field("reference_video_urls", UrlList, &INVALID_REFERENCE, D::None,
        "Optional Mini-compatible reference video URLs",
        Source::doc_decision(V2_DOC, "Optional Mini-compatible reference video URLs. When provided, Mini uses the video-input pricing rate.",
            EMPTY_LIST_IS_ABSENT)),
    field("reference_audio_urls", UrlList, &INVALID_REFERENCE, D::None,
        "Optional reference audio URLs for Mini-compatible generation",
        Source::doc_decision(V2_DOC, "Optional reference audio URLs for Mini-compatible generation.",
            EMPTY_LIST_IS_ABSENT)),
    field("callback_url", UrlString, &INVALID_CALLBACK_URL, D::None,
        "Optional webhook for async notifications (public URL; no localhost)",
        Source::doc(V2_DOC, "Optional webhook for async notifications (public URL; no localhost)")),
    field("public", Bool, &INVALID_FIELD_TYPE, D::None,
        "Optional: mark task visibility for gallery features when supported",
        Source::doc_decision(V2_DOC, "Optional: mark task visibility for gallery features when supported",
            "a boolean: the documents give the field no type")),
];

const PROMPT: usize = ix(&FIELDS, "prompt");
const MODEL: usize = ix(&FIELDS, "model");
const DURATION: usize = ix(&FIELDS, "duration");
const RESOLUTION: usize = ix(&FIELDS, "resolution");
const ASPECT_RATIO: usize = ix(&FIELDS, "aspect_ratio");
const IMAGES: usize = 5;
const REFERENCE_VIDEO_URLS: usize = ix(&FIELDS, "reference_video_urls");
const REFERENCE_AUDIO_URLS: usize = ix(&FIELDS, "reference_audio_urls");
const CALLBACK_URL: usize = ix(&FIELDS, "callback_url");
const _: () = assert!(IMAGES == ix(&FIELDS, "images"));

const MINI_ONLY: &str = "reference URLs with seedance-2.0 or seedance-2.0-fast are an error, not silently dropped";

/// One line a rule.
pub(crate) static RULES: [Rule; 19] = [
    rule("seedanceapi-v2.prompt.required", PROMPT, &[], Required, &V2_INVALID_PROMPT, "",
        Source::doc(V2_DOC, "Text prompt (required, max 2000 characters)")),
    rule("seedanceapi-v2.prompt.empty", PROMPT, &[], NotBlank, &V2_INVALID_PROMPT, "",
        Source::doc_decision(V2_DOC, "| INVALID_PROMPT | Prompt missing or invalid |",
            "an empty prompt or one of only white space is invalid")),
    rule("seedanceapi-v2.prompt.length", PROMPT, &[], Chars { min: 1, max: Some(2000) }, &V2_INVALID_PROMPT, "",
        Source::doc_decision(V2_DOC, "Text prompt (required, max 2000 characters)",
            "characters are Unicode scalar values, not bytes or UTF-16 units")),
    rule("seedanceapi-v2.model.allowed", MODEL, &[], OneOf(MODELS), &INVALID_MODEL, "",
        Source::doc_decision(V2_DOC, "Optional: seedance-2.0 (default), seedance-2.0-fast, or seedance-2-mini",
            "v2 documents no code for a bad model: INVALID_MODEL is the library's own")),
    rule("seedanceapi-v2.resolution.allowed", RESOLUTION, &[], OneOf(RESOLUTIONS), &V2_INVALID_RESOLUTION, "",
        Source::doc(V2_DOC, "Output resolution: 480p, 720p, or 1080p.")),
    rule("seedanceapi-v2.images.count", IMAGES, &[], Count { min: 1, max: 4 }, &V2_TOO_MANY_IMAGES, "",
        Source::doc(V2_DOC, "| TOO_MANY_IMAGES | Too many images (max 4) |")),
    rule("seedanceapi-v2.images.url", IMAGES, &[], Url(UrlPolicy::Http), &INVALID_IMAGE_URL, "",
        Source::doc_decision(V2_DOC, "1–4 image URLs (http/https)", url_decision!("an absolute URL"))),
    rule("seedanceapi-v2.reference_video_urls.url", REFERENCE_VIDEO_URLS, &[], Url(UrlPolicy::Http), &INVALID_REFERENCE, "",
        Source::doc_decision(V2_DOC, "Optional Mini-compatible reference video URLs.",
            url_decision!("reference URLs are absolute http or https URLs, like `images`"))),
    rule("seedanceapi-v2.reference_audio_urls.url", REFERENCE_AUDIO_URLS, &[], Url(UrlPolicy::Http), &INVALID_REFERENCE, "",
        Source::doc_decision(V2_DOC, "Optional reference audio URLs for Mini-compatible generation.",
            url_decision!("reference URLs are absolute http or https URLs, like `images`"))),
    rule("seedanceapi-v2.callback_url.url", CALLBACK_URL, &[], Url(UrlPolicy::PublicHttp), &INVALID_CALLBACK_URL, "",
        Source::doc_decision(V2_DOC, "(public URL; no localhost)",
            url_decision!("public means no localhost name, no loopback/private/link-local/site-local/unique-local/CGNAT/\
             broadcast/multicast/unspecified/NAT64 local-use IP literal (IPv4 carried in IPv6, \
             mapped, translated, NAT64, 6to4, Teredo or compatible, judged as IPv4), and no user info"))),
    // Per model.
    rule("seedanceapi-v2.duration.allowed", DURATION, &[Is(MODEL, STANDARD)], IntOneOf(DURATIONS), &V2_INVALID_DURATION,
        "seedance-2-mini accepts any integer from 4 to 15",
        Source::doc(V2_DOC, "Seconds: 5, 10, or 15 for 2.0 / Fast")),
    rule("seedanceapi-v2.duration.allowed", DURATION, &[Is(MODEL, FAST)], IntOneOf(DURATIONS), &V2_INVALID_DURATION,
        "seedance-2-mini accepts any integer from 4 to 15",
        Source::doc(V2_DOC, "Seconds: 5, 10, or 15 for 2.0 / Fast")),
    rule("seedanceapi-v2.duration.allowed", DURATION, &[Is(MODEL, MINI)], IntRange(4, 15), &V2_INVALID_DURATION, "",
        Source::doc(V2_DOC, "any integer from 4 to 15 for Mini")),
    rule("seedanceapi-v2.aspect_ratio.allowed", ASPECT_RATIO, &[Is(MODEL, STANDARD)], OneOf(ASPECT_RATIOS), &V2_INVALID_ASPECT_RATIO,
        "seedance-2-mini also accepts 1:1, 21:9 and adaptive",
        Source::doc(V2_DOC, "For text-to-video: 16:9, 9:16, 4:3, or 3:4.")),
    rule("seedanceapi-v2.aspect_ratio.allowed", ASPECT_RATIO, &[Is(MODEL, FAST)], OneOf(ASPECT_RATIOS), &V2_INVALID_ASPECT_RATIO,
        "seedance-2-mini also accepts 1:1, 21:9 and adaptive",
        Source::doc(V2_DOC, "For text-to-video: 16:9, 9:16, 4:3, or 3:4.")),
    rule("seedanceapi-v2.aspect_ratio.allowed", ASPECT_RATIO, &[Is(MODEL, MINI)], OneOf(MINI_ASPECT_RATIOS), &V2_INVALID_ASPECT_RATIO, "",
        Source::doc(V2_DOC, "Mini also supports 1:1, 21:9, and adaptive.")),
    rule("seedanceapi-v2.resolution.mini-720p", RESOLUTION, &[Is(MODEL, MINI)], Rewrite { from: "1080p", to: "720p" }, &V2_INVALID_RESOLUTION, "",
        Source::doc_decision(V2_DOC, "1080p is billed and sent upstream as 720p for Mini.",
            "the request stays valid; the normalized request and the price carry 720p, with a warning")),
    rule("seedanceapi-v2.reference_video_urls.mini-only", REFERENCE_VIDEO_URLS, &[IsNot(MODEL, MINI)], Forbidden, &INVALID_REFERENCE,
        "only seedance-2-mini takes reference videos",
        Source::doc_decision(V2_DOC, "Optional Mini-compatible reference video URLs.", MINI_ONLY)),
    rule("seedanceapi-v2.reference_audio_urls.mini-only", REFERENCE_AUDIO_URLS, &[IsNot(MODEL, MINI)], Forbidden, &INVALID_REFERENCE,
        "only seedance-2-mini takes reference audio",
        Source::doc_decision(V2_DOC, "Optional reference audio URLs for Mini-compatible generation.", MINI_ONLY)),
];

const fn llms(quote: &'static str) -> Source {
    Source::doc(LLMS, quote)
}

/// Mini's published per-second rates are the upstream KIE rates plus 50%:
/// the table holds the upstream rates with a 3/2 markup, rounded up once
/// ("Mini billing is calculated as upstream KIE credits per second plus
/// 50%, rounded up when the final amount is fractional"). The rows say so
/// in their decision; the table's note, which every quote shows, is the
/// provider's word that only a successful generation is charged.
const fn mini(quote: &'static str, upstream: &'static str) -> Source {
    Source::doc_decision(V2_DOC, quote, upstream)
}

const HALF_MORE: (u128, u128) = (3, 2);

pub(crate) static PRICES: EndpointPrices = EndpointPrices {
    usd_per_credit: Some(ratio((1, 100))),
    usd_source: Source::doc(V2_DOC, "1 USD = 100 credits."),
    markup: Ratio::ONE,
    rows: Cow::Borrowed(&[
        credits(when![is(MODEL, STANDARD), int_is(DURATION, 5)], 240, llms("Seedance 2.0 (standard): 5s = 240 credits")),
        credits(when![is(MODEL, STANDARD), int_is(DURATION, 10)], 480, llms("Seedance 2.0 (standard): 5s = 240 credits; 10s = 480 credits")),
        credits(when![is(MODEL, STANDARD), int_is(DURATION, 15)], 720, llms("Seedance 2.0 (standard): 5s = 240 credits; 10s = 480 credits; 15s = 720 credits")),
        credits(when![is(MODEL, FAST), int_is(DURATION, 5)], 160, llms("Seedance 2.0 Fast: 5s = 160 credits")),
        credits(when![is(MODEL, FAST), int_is(DURATION, 10)], 320, llms("Seedance 2.0 Fast: 5s = 160 credits; 10s = 320 credits")),
        credits(when![is(MODEL, FAST), int_is(DURATION, 15)], 480, llms("Seedance 2.0 Fast: 5s = 160 credits; 10s = 320 credits; 15s = 480 credits")),
        per_second(when![is(MODEL, MINI), is(RESOLUTION, "480p"), present(REFERENCE_VIDEO_URLS, true)], (6, 1), HALF_MORE,
            mini("| 480p | with reference_video_urls | 9 × seconds |", "upstream 6 credits a second plus 50% = 9, rounded up once")),
        per_second(when![is(MODEL, MINI), is(RESOLUTION, "480p"), present(REFERENCE_VIDEO_URLS, false)], (19, 2), HALF_MORE,
            mini("| 480p | text / image | ceil(14.25 × seconds) |", "upstream 9.5 credits a second plus 50% = 14.25, rounded up once")),
        per_second(when![is(MODEL, MINI), is(RESOLUTION, "720p"), present(REFERENCE_VIDEO_URLS, true)], (25, 2), HALF_MORE,
            mini("| 720p | with reference_video_urls | ceil(18.75 × seconds) |", "upstream 12.5 credits a second plus 50% = 18.75, rounded up once")),
        per_second(when![is(MODEL, MINI), is(RESOLUTION, "720p"), present(REFERENCE_VIDEO_URLS, false)], (41, 2), HALF_MORE,
            mini("| 720p | text / image | ceil(30.75 × seconds) |", "upstream 20.5 credits a second plus 50% = 30.75, rounded up once")),
    ]),
    note: llms("credits per successful generation"),
};

pub(crate) static SPEC: EndpointSpec = EndpointSpec {
    id: ID,
    provider: "seedanceapi.org",
    route: "POST /v2/generate",
    base_url: "https://seedanceapi.org",
    models: "seedance-2.0, seedance-2.0-fast, seedance-2-mini",
    headers: &[("Authorization", "Bearer YOUR_API_KEY")],
    fields: &FIELDS,
    rules: &RULES,
    codes: &[
        &V2_INVALID_PROMPT, &V2_INVALID_ASPECT_RATIO, &V2_INVALID_DURATION, &V2_TOO_MANY_IMAGES,
        &V2_INVALID_API_KEY, &V2_INSUFFICIENT_CREDITS, &V2_TASK_NOT_FOUND, &V2_INTERNAL_ERROR,
        &V2_INVALID_RESOLUTION, &INVALID_MODEL, &INVALID_IMAGE_URL, &INVALID_REFERENCE,
        &INVALID_CALLBACK_URL, &INVALID_FIELD_TYPE, &INVALID_BODY,
    ],
    body_code: &INVALID_BODY,
    balance_code: &V2_INSUFFICIENT_CREDITS,
    seconds_field: Some(DURATION),
    prices: &PRICES,
    example: r#"{"prompt": "A cinematic aerial shot over coastline at golden hour", "aspect_ratio": "16:9", "duration": 10, "model": "seedance-2.0"}"#,
    warnings: &[UNKNOWN_FIELD, DUPLICATE_FIELD, COERCED_TYPE, NORMALIZED_VALUE],
};
