//! seedance2ai.io `POST /api/v1/image/gpt-image-2`
//! (`docs/sources/003_8aaaa4f40c740086.txt`, "GPT Image 2").

use super::seedance2ai::*;
use super::*;
use crate::spec::{ix, EndpointSpec, UrlPolicy};

use Check::*;
use Cond::*;
use DefaultValue as D;
use Kind::*;

const ID: &str = "seedance2ai-gpt-image-2";

pub(crate) const TYPES: &[&str] = &["text-to-image", "image-to-image"];
const CHANNELS: &[&str] = &["standard", "economy"];
const RESOLUTIONS: &[&str] = &["1K", "2K", "4K"];
const ASPECT_RATIOS: &[&str] = &[
    "auto", "1:1", "5:4", "9:16", "21:9", "16:9", "4:3", "3:2", "4:5", "3:4", "2:3", "2:1", "1:2", "3:1", "1:3", "9:21",
];

const fn doc(quote: &'static str) -> Source {
    Source::doc(S2AI_DOC, quote)
}

/// The parameters, in the document's order.
pub(crate) static FIELDS: [Field; 7] = [
    field("type", Str, &INVALID_REQUEST, D::None, "Generation type.", doc("Generation type.")),
    field("channel", Str, &INVALID_REQUEST, D::Str("standard"),
        "Generation channel. economy is lower-cost with polling-based delivery.",
        doc("Generation channel. economy is lower-cost with polling-based delivery.")),
    field("prompt", Str, &INVALID_REQUEST, D::None, "Text prompt.", doc("3–20000 chars")),
    field("resolution", Str, &INVALID_REQUEST, D::None,
        "Output resolution. auto only supports 1K; 1:1 cannot use 4K on the standard channel.",
        doc("Output resolution. auto only supports 1K; 1:1 cannot use 4K on the standard channel.")),
    field("aspectRatio", Str, &INVALID_REQUEST, D::None, "Aspect ratio.", doc("auto1:15:49:1621:916:94:33:24:53:42:32:11:23:11:39:21")),
    field("batchCount", Int, &INVALID_REQUEST, D::Int(1), "Number of images.", doc("Number of images.")),
    field("imageUrls", UrlList, &INVALID_REQUEST, D::None, "Required for image-to-image.", Source::doc_decision(S2AI_DOC, "1–10 public https URLs", EMPTY_LIST_IS_ABSENT)),
];

const TYPE: usize = ix(&FIELDS, "type");
const CHANNEL: usize = ix(&FIELDS, "channel");
const PROMPT: usize = ix(&FIELDS, "prompt");
const RESOLUTION: usize = ix(&FIELDS, "resolution");
const ASPECT_RATIO: usize = ix(&FIELDS, "aspectRatio");
const BATCH_COUNT: usize = ix(&FIELDS, "batchCount");
const IMAGE_URLS: usize = ix(&FIELDS, "imageUrls");

/// One line a rule. Every violation is `invalid_request`; the rule id says which.
pub(crate) static RULES: [Rule; 17] = [
    rule("seedance2ai-gpt-image-2.type.required", TYPE, &[], Required, &INVALID_REQUEST, "", doc(TYPE_REQUIRED)),
    rule("seedance2ai-gpt-image-2.type.allowed", TYPE, &[], OneOf(TYPES), &INVALID_REQUEST, "", doc("text-to-imageimage-to-image")),
    rule("seedance2ai-gpt-image-2.channel.allowed", CHANNEL, &[], OneOf(CHANNELS), &INVALID_REQUEST, "", doc("standardeconomy")),
    rule("seedance2ai-gpt-image-2.prompt.required", PROMPT, &[], Required, &INVALID_REQUEST, "", doc("Text prompt.\n\nstringRequired\n3–20000 chars")),
    rule("seedance2ai-gpt-image-2.prompt.empty", PROMPT, &[], NotBlank, &INVALID_REQUEST, "",
        Source::doc_decision(S2AI_DOC, "3–20000 chars", "a prompt of only white space is invalid")),
    rule("seedance2ai-gpt-image-2.prompt.length", PROMPT, &[], Chars { min: 3, max: Some(20000) }, &INVALID_REQUEST, "",
        Source::doc_decision(S2AI_DOC, "3–20000 chars", "characters are Unicode scalar values")),
    rule("seedance2ai-gpt-image-2.resolution.required", RESOLUTION, &[], Required, &INVALID_REQUEST, "", doc("stringRequired\n1K2K4K")),
    rule("seedance2ai-gpt-image-2.resolution.allowed", RESOLUTION, &[], OneOf(RESOLUTIONS), &INVALID_REQUEST, "", doc("1K2K4K")),
    rule("seedance2ai-gpt-image-2.aspectRatio.required", ASPECT_RATIO, &[], Required, &INVALID_REQUEST, "", doc("Aspect ratio.\n\nstringRequired")),
    rule("seedance2ai-gpt-image-2.aspectRatio.allowed", ASPECT_RATIO, &[], OneOf(ASPECT_RATIOS), &INVALID_REQUEST, "",
        doc("auto1:15:49:1621:916:94:33:24:53:42:32:11:23:11:39:21")),
    rule("seedance2ai-gpt-image-2.batchCount.allowed", BATCH_COUNT, &[], IntRange(1, 4), &INVALID_REQUEST, "", doc("1–4")),
    // Across fields. The images are checked only for the type that uses
    // them: for text-to-image they are a warning (`unused`, below), whatever
    // they hold.
    rule("seedance2ai-gpt-image-2.imageUrls.count", IMAGE_URLS, &[Is(TYPE, "image-to-image")], Count { min: 1, max: 10 }, &INVALID_REQUEST, "", doc("1–10 public https URLs")),
    rule("seedance2ai-gpt-image-2.imageUrls.url", IMAGE_URLS, &[Is(TYPE, "image-to-image")], Url(UrlPolicy::PublicHttps), &INVALID_REQUEST, "",
        Source::doc_decision(S2AI_DOC, "1–10 public https URLs",
            url_decision!("public means no localhost name, no non-public IP literal, and no user info"))),
    rule("seedance2ai-gpt-image-2.imageUrls.required-for-type", IMAGE_URLS, &[Is(TYPE, "image-to-image")], Required, &INVALID_REQUEST,
        "image-to-image needs 1 to 10 `imageUrls`", doc("Required for image-to-image.")),
    rule("seedance2ai-gpt-image-2.imageUrls.unused", IMAGE_URLS, &[Is(TYPE, "text-to-image")], Unused, &INVALID_REQUEST, "",
        Source::decision("an input the selected type does not use is a warning, not an error")),
    rule("seedance2ai-gpt-image-2.resolution.auto-only-1K", RESOLUTION, &[Is(ASPECT_RATIO, "auto")], OneOf(&["1K"]), &INVALID_REQUEST,
        "`aspectRatio` auto only supports 1K", doc("auto only supports 1K")),
    rule("seedance2ai-gpt-image-2.resolution.square-4K-not-on-standard", RESOLUTION, &[Is(ASPECT_RATIO, "1:1"), Is(CHANNEL, "standard")],
        OneOf(&["1K", "2K"]), &INVALID_REQUEST, "1:1 at 4K needs the economy channel",
        doc("1:1 cannot use 4K on the standard channel.")),
];

pub(crate) static SPEC: EndpointSpec = EndpointSpec {
    id: ID,
    provider: "seedance2ai.io",
    route: "POST /api/v1/image/gpt-image-2",
    base_url: "https://seedance2ai.io",
    models: "GPT Image 2",
    headers: HEADERS,
    fields: &FIELDS,
    rules: &RULES,
    codes: &ALL,
    body_code: &INVALID_REQUEST,
    balance_code: &INSUFFICIENT_CREDITS,
    seconds_field: None,
    prices: &PRICES,
    example: r#"{"type": "text-to-image", "prompt": "Editorial product photo of a transparent running shoe on chrome", "resolution": "1K", "aspectRatio": "1:1"}"#,
    warnings: &[UNKNOWN_FIELD, DUPLICATE_FIELD, UNUSED_FIELD],
};
