//! apiin.one `POST /api/v1/videos/generations` with `seedance-1-5-pro`
//! (`docs/sources/004_3cf6b57f59944262.txt`). apiin.one publishes no error
//! codes: every rule id is its own code, with HTTP 400.

use std::borrow::Cow;

use super::apiinone::*;
use super::*;
use crate::price::EndpointPrices;
use crate::spec::{ix, EndpointSpec, UrlPolicy};

use Check::*;
use DefaultValue as D;
use Kind::*;

const ID: &str = "apiinone-videos";

pub(crate) const MODELS: &[&str] = &["seedance-1-5-pro"];
const ASPECT_RATIOS: &[&str] = &["16:9", "9:16", "4:3", "3:4", "1:1"];
const RESOLUTIONS: &[&str] = &["480p", "720p"];
const DURATIONS: &[&str] = &["4", "8", "12"];

const fn doc(quote: &'static str) -> Source {
    Source::doc(AIO_DOC, quote)
}

/// The parameters, in the document's order (`model` first, as the example request).
pub(crate) static FIELDS: [Field; 9] = [
    field("model", Str, &BY_RULE, D::None, "Model ID; this library covers seedance-1-5-pro",
        doc("Use this in the request body model field.")),
    field("prompt", Str, &BY_RULE, D::None, "Text description of the video", doc("Text description of the video")),
    field("image", UrlString, &BY_RULE, D::None, "Reference image URL for image-to-video", doc("Reference image URL for image-to-video")),
    field("aspect_ratio", Str, &BY_RULE, D::Str("16:9"), "Aspect ratio: 16:9, 9:16, 4:3, 3:4, 1:1",
        doc("Aspect ratio: 16:9, 9:16, 4:3, 3:4, 1:1")),
    field("resolution", Str, &BY_RULE, D::Str("720p"), "Output resolution: \"480p\" or \"720p\"",
        doc("Output resolution: \"480p\" or \"720p\"")),
    field("duration", DurationStr, &BY_RULE, D::Str("8"), "Video duration: \"4\", \"8\", or \"12\" seconds",
        Source::doc_decision(AIO_DOC, "Video duration: \"4\", \"8\", or \"12\" seconds",
            "a JSON number is accepted, sent as the documented string, and warned about")),
    field("generateAudio", Bool, &BY_RULE, D::Bool(false), "Enable audio generation (doubles credits)",
        doc("Enable audio generation (doubles credits)")),
    field("fixedLens", Bool, &BY_RULE, D::Bool(false), "Lock camera for stable shot", doc("Lock camera for stable shot")),
    field("callback_url", UrlString, &BY_RULE, D::None, "Webhook URL for async tasks",
        doc("Use callback_url on supported async tasks.")),
];

const MODEL: usize = ix(&FIELDS, "model");
const PROMPT: usize = ix(&FIELDS, "prompt");
const IMAGE: usize = ix(&FIELDS, "image");
const ASPECT_RATIO: usize = ix(&FIELDS, "aspect_ratio");
const RESOLUTION: usize = ix(&FIELDS, "resolution");
const DURATION: usize = ix(&FIELDS, "duration");
const GENERATE_AUDIO: usize = ix(&FIELDS, "generateAudio");
const CALLBACK_URL: usize = ix(&FIELDS, "callback_url");

/// One line a rule; the rule id is the code.
pub(crate) static RULES: [Rule; 9] = [
    rule("apiinone-videos.model.required", MODEL, &[], Required, &BY_RULE, "send \"model\": \"seedance-1-5-pro\"",
        doc("Use this in the request body model field.")),
    rule("apiinone-videos.model.allowed", MODEL, &[], OneOf(MODELS), &BY_RULE,
        "other models of this endpoint are outside this library",
        Source::doc_decision(AIO_DOC, "Model IDseedance-1-5-pro",
            "other models of the same endpoint are out of scope: a clear error")),
    rule("apiinone-videos.prompt.required", PROMPT, &[], Required, &BY_RULE, "", doc("Text description of the video\n\nRequired")),
    rule("apiinone-videos.prompt.empty", PROMPT, &[], NotBlank, &BY_RULE, "",
        Source::decision("an empty prompt or one of only white space is invalid; apiin.one states no length limit")),
    rule("apiinone-videos.image.url", IMAGE, &[], Url(UrlPolicy::Http), &BY_RULE, "",
        Source::doc_decision(AIO_DOC, "Reference image URL for image-to-video", url_decision!("an absolute http or https URL"))),
    rule("apiinone-videos.aspect_ratio.allowed", ASPECT_RATIO, &[], OneOf(ASPECT_RATIOS), &BY_RULE, "",
        doc("Aspect ratio: 16:9, 9:16, 4:3, 3:4, 1:1")),
    rule("apiinone-videos.resolution.allowed", RESOLUTION, &[], OneOf(RESOLUTIONS), &BY_RULE, "",
        doc("Output resolution: \"480p\" or \"720p\"")),
    rule("apiinone-videos.duration.allowed", DURATION, &[], OneOf(DURATIONS), &BY_RULE, "",
        doc("Video duration: \"4\", \"8\", or \"12\" seconds")),
    rule("apiinone-videos.callback_url.url", CALLBACK_URL, &[], Url(UrlPolicy::PublicHttp), &BY_RULE, "",
        Source::doc_decision(AIO_DOC, "Use callback_url on supported async tasks.",
            url_decision!("a webhook must be a public http(s) URL, as seedanceapi.org says of the same field"))),
];

/// The v1 grid: apiin.one's three stated points agree with it, so it is the table.
const fn grid(quote: &'static str) -> Source {
    Source::doc_decision(LLMS, quote,
        "apiin.one states only 8, 28 and 84 and a range of 8–84; they agree with seedanceapi.org's \
         Seedance 1.5 Pro grid at every stated point, so the grid is the table")
}

const fn stated(quote: &'static str) -> Source {
    Source::doc(AIO_DOC, quote)
}

pub(crate) static PRICES: EndpointPrices = EndpointPrices {
    usd_per_credit: Some(ratio((1, 100))),
    usd_source: Source::doc_decision(AIO_DOC, "8–84 credits per video (~$0.08–$0.84)", "one credit is one US cent"),
    markup: Ratio::ONE,
    rows: Cow::Borrowed(&[
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "4"), bool_is(GENERATE_AUDIO, false)], 8, stated("480p 4s no-audio costs 8 credits")),
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "8"), bool_is(GENERATE_AUDIO, false)], 14, grid("480p without audio: 4s = 8; 8s = 14")),
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "12"), bool_is(GENERATE_AUDIO, false)], 19, grid("480p without audio: 4s = 8; 8s = 14; 12s = 19 credits")),
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "4"), bool_is(GENERATE_AUDIO, true)], 14, Source::doc_decision(LLMS, "480p with audio: 4s = 14",
            "apiin.one says generateAudio \"doubles credits\", which would make this 16 (2 × 8); \
             the grid says 14, which is quoted")),
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "8"), bool_is(GENERATE_AUDIO, true)], 28, grid("480p with audio: 4s = 14; 8s = 28")),
        credits(when![is(RESOLUTION, "480p"), is(DURATION, "12"), bool_is(GENERATE_AUDIO, true)], 38, grid("480p with audio: 4s = 14; 8s = 28; 12s = 38 credits")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "4"), bool_is(GENERATE_AUDIO, false)], 14, grid("720p without audio: 4s = 14")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "8"), bool_is(GENERATE_AUDIO, false)], 28, stated("default 720p 8s no-audio costs 28 credits")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "12"), bool_is(GENERATE_AUDIO, false)], 42, grid("720p without audio: 4s = 14; 8s = 28; 12s = 42 credits")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "4"), bool_is(GENERATE_AUDIO, true)], 28, grid("720p with audio: 4s = 28")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "8"), bool_is(GENERATE_AUDIO, true)], 56, grid("720p with audio: 4s = 28; 8s = 56")),
        credits(when![is(RESOLUTION, "720p"), is(DURATION, "12"), bool_is(GENERATE_AUDIO, true)], 84, stated("720p 12s with-audio costs 84 credits")),
    ]),
    note: Source::doc(AIO_DOC, "BillingSuccessful requests"),
};

pub(crate) static SPEC: EndpointSpec = EndpointSpec {
    id: ID,
    provider: "apiin.one",
    route: "POST /api/v1/videos/generations",
    base_url: "https://apiin.one",
    models: "seedance-1-5-pro",
    headers: &[("Authorization", "Bearer aio_your_api_key")],
    fields: &FIELDS,
    rules: &RULES,
    codes: &[&BY_RULE, &BALANCE],
    body_code: &BY_RULE,
    balance_code: &BALANCE,
    seconds_field: Some(DURATION),
    prices: &PRICES,
    example: r#"{"model": "seedance-1-5-pro", "prompt": "A dancer performing contemporary ballet in a spotlight, slow motion", "resolution": "720p", "duration": "8", "generateAudio": false}"#,
    warnings: &[UNKNOWN_FIELD, DUPLICATE_FIELD, COERCED_TYPE],
};
