//! seedance2ai.io `POST /api/v1/image/nano-banana-pro`
//! (`docs/sources/003_8aaaa4f40c740086.txt`, "Nano Banana Pro").

use super::seedance2ai::*;
use super::*;
use crate::spec::{ix, EndpointSpec, UrlPolicy};

use Check::*;
use Cond::*;
use DefaultValue as D;
use Kind::*;

const ID: &str = "seedance2ai-nano-banana-pro";

pub(crate) const TYPES: &[&str] = &["text-to-image", "image-to-image"];
const IMAGE_SIZES: &[&str] = &["1:1", "9:16", "16:9", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5", "21:9", "auto"];
const OUTPUT_FORMATS: &[&str] = &["png", "jpeg"];
const RESOLUTIONS: &[&str] = &["1K", "2K", "4K"];

const fn doc(quote: &'static str) -> Source {
    Source::doc(S2AI_DOC, quote)
}

/// The parameters, in the document's order.
pub(crate) static FIELDS: [Field; 6] = [
    field("type", Str, &INVALID_REQUEST, D::None, "Generation type.", doc("Generation type.")),
    field("prompt", Str, &INVALID_REQUEST, D::None, "Text prompt.", doc("3–10000 chars")),
    field("image_size", Str, &INVALID_REQUEST, D::Str("auto"), "Aspect ratio.", doc("1:19:1616:93:44:33:22:35:44:521:9auto")),
    field("output_format", Str, &INVALID_REQUEST, D::Str("png"), "Image format.", doc("Image format.")),
    field("resolution", Str, &INVALID_REQUEST, D::Str("1K"), "Output resolution.", doc("Output resolution.")),
    field("image_urls", UrlList, &INVALID_REQUEST, D::None, "Required for image-to-image.", Source::doc_decision(S2AI_DOC, "1–8 public https URLs", EMPTY_LIST_IS_ABSENT)),
];

const TYPE: usize = ix(&FIELDS, "type");
const PROMPT: usize = ix(&FIELDS, "prompt");
const IMAGE_SIZE: usize = ix(&FIELDS, "image_size");
const OUTPUT_FORMAT: usize = ix(&FIELDS, "output_format");
const RESOLUTION: usize = ix(&FIELDS, "resolution");
const IMAGE_URLS: usize = ix(&FIELDS, "image_urls");

/// One line a rule. Every violation is `invalid_request`; the rule id says which.
pub(crate) static RULES: [Rule; 12] = [
    rule("seedance2ai-nano-banana-pro.type.required", TYPE, &[], Required, &INVALID_REQUEST, "", doc(TYPE_REQUIRED)),
    rule("seedance2ai-nano-banana-pro.type.allowed", TYPE, &[], OneOf(TYPES), &INVALID_REQUEST, "", doc("text-to-imageimage-to-image")),
    rule("seedance2ai-nano-banana-pro.prompt.required", PROMPT, &[], Required, &INVALID_REQUEST, "", doc(PROMPT_REQUIRED)),
    rule("seedance2ai-nano-banana-pro.prompt.empty", PROMPT, &[], NotBlank, &INVALID_REQUEST, "",
        Source::doc_decision(S2AI_DOC, "3–10000 chars", "a prompt of only white space is invalid")),
    rule("seedance2ai-nano-banana-pro.prompt.length", PROMPT, &[], Chars { min: 3, max: Some(10000) }, &INVALID_REQUEST, "",
        Source::doc_decision(S2AI_DOC, "3–10000 chars", "characters are Unicode scalar values")),
    rule("seedance2ai-nano-banana-pro.image_size.allowed", IMAGE_SIZE, &[], OneOf(IMAGE_SIZES), &INVALID_REQUEST, "",
        doc("1:19:1616:93:44:33:22:35:44:521:9auto")),
    rule("seedance2ai-nano-banana-pro.output_format.allowed", OUTPUT_FORMAT, &[], OneOf(OUTPUT_FORMATS), &INVALID_REQUEST, "", doc("pngjpeg")),
    rule("seedance2ai-nano-banana-pro.resolution.allowed", RESOLUTION, &[], OneOf(RESOLUTIONS), &INVALID_REQUEST, "", doc("1K2K4K")),
    // Across fields. The images are checked only for the type that uses
    // them: for text-to-image they are a warning (`unused`, below), whatever
    // they hold.
    rule("seedance2ai-nano-banana-pro.image_urls.count", IMAGE_URLS, &[Is(TYPE, "image-to-image")], Count { min: 1, max: 8 }, &INVALID_REQUEST, "", doc("1–8 public https URLs")),
    rule("seedance2ai-nano-banana-pro.image_urls.url", IMAGE_URLS, &[Is(TYPE, "image-to-image")], Url(UrlPolicy::PublicHttps), &INVALID_REQUEST, "",
        Source::doc_decision(S2AI_DOC, "1–8 public https URLs",
            url_decision!("public means no localhost name, no non-public IP literal, and no user info"))),
    rule("seedance2ai-nano-banana-pro.image_urls.required-for-type", IMAGE_URLS, &[Is(TYPE, "image-to-image")], Required, &INVALID_REQUEST,
        "image-to-image needs 1 to 8 `image_urls`", doc("Required for image-to-image.")),
    rule("seedance2ai-nano-banana-pro.image_urls.unused", IMAGE_URLS, &[Is(TYPE, "text-to-image")], Unused, &INVALID_REQUEST, "",
        Source::decision("an input the selected type does not use is a warning, not an error")),
];

pub(crate) static SPEC: EndpointSpec = EndpointSpec {
    id: ID,
    provider: "seedance2ai.io",
    route: "POST /api/v1/image/nano-banana-pro",
    base_url: "https://seedance2ai.io",
    models: "Nano Banana Pro",
    headers: HEADERS,
    fields: &FIELDS,
    rules: &RULES,
    codes: &ALL,
    body_code: &INVALID_REQUEST,
    balance_code: &INSUFFICIENT_CREDITS,
    seconds_field: None,
    prices: &PRICES,
    example: r#"{"type": "text-to-image", "prompt": "A premium packaging mockup for an AI video studio", "image_size": "1:1", "resolution": "1K", "output_format": "png"}"#,
    warnings: &[UNKNOWN_FIELD, DUPLICATE_FIELD, UNUSED_FIELD],
};
