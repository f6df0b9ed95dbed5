//! The rule tables, one file per endpoint, and the error codes of each
//! provider. Each table reads side by side with the provider's parameter table
//! in `docs/sources/`; every entry names its source.

use std::borrow::Cow;

use crate::price::{Amount, Match, MatchValue, PriceRow};
use crate::ratio::Ratio;
use crate::report::warning::{
    COERCED_TYPE, DUPLICATE_FIELD, NORMALIZED_VALUE, UNKNOWN_FIELD, UNUSED_FIELD,
};
use crate::spec::{Check, Code, Cond, DefaultValue, Field, Kind, Rule, Source};

#[rustfmt::skip]
pub(crate) mod apiinone_videos;
#[rustfmt::skip]
pub(crate) mod seedance2ai_gpt_image_2;
#[rustfmt::skip]
pub(crate) mod seedance2ai_nano_banana_pro;
#[rustfmt::skip]
pub(crate) mod seedance2ai_video;
#[rustfmt::skip]
pub(crate) mod seedanceapi_v1;
#[rustfmt::skip]
pub(crate) mod seedanceapi_v2;

/// seedanceapi.org `llms.txt`: overview, both credit tables, 1 USD = 100 credits.
pub(crate) const LLMS: &str = "000_17a1c9a4f2357337.txt";
/// seedanceapi.org API v2 documentation.
pub(crate) const V2_DOC: &str = "001_7afcf58364257041.txt";
/// seedanceapi.org API v1 documentation.
pub(crate) const V1_DOC: &str = "002_4c02b8e17acb5dad.txt";
/// seedance2ai.io public API documentation.
pub(crate) const S2AI_DOC: &str = "003_8aaaa4f40c740086.txt";
/// apiin.one model page for `seedance-1-5-pro`.
pub(crate) const AIO_DOC: &str = "004_3cf6b57f59944262.txt";

/// The decision on every list field (the contract states it for
/// `seedanceapi-v2`; the engine reads every endpoint's lists alike).
pub(crate) const EMPTY_LIST_IS_ABSENT: &str = "an empty array counts as absent";

/// A URL rule's decision, and the one every URL rule shares: the WHATWG
/// parser maps a Unicode host name to Punycode with the UTS 46 tables,
/// which would triple the WebAssembly package and are where look-alikes
/// hide (full-width `ｌｏｃａｌｈｏｓｔ` is `localhost`), so a host must be
/// ASCII (`crate::url_rules` says more).
macro_rules! url_decision {
    ($decision:literal) => {
        concat!(
            $decision,
            "; the host written in ASCII (a Unicode name in Punycode, `xn--…`)"
        )
    };
}
pub(crate) use url_decision;

/// The conditions of a price row, as a constant (so that the static tables
/// can hold them).
macro_rules! when {
    ($($m:expr),* $(,)?) => {{
        const W: &[Match] = &[$($m),*];
        W
    }};
}
pub(crate) use when;

// ---- building blocks, so that each table line stays one line ---------------

pub(crate) const fn field(
    name: &'static str,
    kind: Kind,
    type_code: &'static Code,
    default: DefaultValue,
    doc: &'static str,
    source: Source,
) -> Field {
    Field {
        name,
        kind,
        type_code,
        default,
        default_when: &[],
        doc,
        source,
    }
}

/// A field whose default applies only when `when` holds.
pub(crate) const fn default_when(when: &'static [Cond], mut f: Field) -> Field {
    f.default_when = when;
    f
}

pub(crate) const fn rule(
    id: &'static str,
    field: usize,
    when: &'static [Cond],
    check: Check,
    code: &'static Code,
    hint: &'static str,
    source: Source,
) -> Rule {
    Rule {
        id,
        field,
        when,
        check,
        code,
        hint,
        source,
    }
}

pub(crate) const fn code(
    id: &'static str,
    status: u16,
    meaning: &'static str,
    source: Source,
) -> Code {
    Code {
        id,
        status,
        documented: true,
        meaning,
        source,
    }
}

pub(crate) const fn own_code(id: &'static str, status: u16, meaning: &'static str) -> Code {
    Code {
        id,
        status,
        documented: false,
        meaning,
        source: Source::decision(
            "the provider documents no code for this; the library names one in the provider's style",
        ),
    }
}

/// A condition value for price rows.
pub(crate) const fn is(field: usize, value: &'static str) -> Match {
    Match {
        field,
        value: MatchValue::Str(Cow::Borrowed(value)),
    }
}

pub(crate) const fn int_is(field: usize, value: i64) -> Match {
    Match {
        field,
        value: MatchValue::Int(value),
    }
}

pub(crate) const fn bool_is(field: usize, value: bool) -> Match {
    Match {
        field,
        value: MatchValue::Bool(value),
    }
}

pub(crate) const fn present(field: usize, value: bool) -> Match {
    Match {
        field,
        value: MatchValue::Present(value),
    }
}

/// A row of fixed credits a task.
pub(crate) const fn credits(when: &'static [Match], credits: u64, source: Source) -> PriceRow {
    PriceRow {
        when: Cow::Borrowed(when),
        amount: Amount::Credits(credits),
        markup: Ratio::ONE,
        per: None,
        source,
    }
}

/// A row of `num/den` credits a second times `markup`.
pub(crate) const fn per_second(
    when: &'static [Match],
    rate: (u128, u128),
    markup: (u128, u128),
    source: Source,
) -> PriceRow {
    PriceRow {
        when: Cow::Borrowed(when),
        amount: Amount::PerSecond(ratio(rate)),
        markup: ratio(markup),
        per: None,
        source,
    }
}

/// A rational known at compile time; a zero denominator is a build error.
pub(crate) const fn ratio((num, den): (u128, u128)) -> Ratio {
    match Ratio::new(num, den) {
        Some(r) => r,
        None => panic!("a table has a zero denominator"),
    }
}

// ---- seedanceapi.org (v1 and v2 share one provider's codes) ----------------

pub(crate) mod seedanceapi {
    use super::*;

    pub(crate) static INVALID_PROMPT: Code = code(
        "INVALID_PROMPT",
        400,
        "The prompt is invalid or empty",
        Source::doc(V1_DOC, "INVALID_PROMPTThe prompt is invalid or empty"),
    );
    pub(crate) static INVALID_ASPECT_RATIO: Code = code(
        "INVALID_ASPECT_RATIO",
        400,
        "Unsupported aspect ratio value",
        Source::doc(V1_DOC, "INVALID_ASPECT_RATIOUnsupported aspect ratio value"),
    );
    pub(crate) static INVALID_RESOLUTION: Code = code(
        "INVALID_RESOLUTION",
        400,
        "Resolution must be 480p or 720p",
        Source::doc(V1_DOC, "INVALID_RESOLUTIONResolution must be 480p or 720p"),
    );
    pub(crate) static INVALID_DURATION: Code = code(
        "INVALID_DURATION",
        400,
        "Duration must be 4, 8, or 12 seconds",
        Source::doc(
            V1_DOC,
            "INVALID_DURATIONDuration must be 4, 8, or 12 seconds",
        ),
    );
    pub(crate) static TOO_MANY_IMAGES: Code = code(
        "TOO_MANY_IMAGES",
        400,
        "Maximum 1 image URL allowed in image_urls array",
        Source::doc(
            V1_DOC,
            "TOO_MANY_IMAGESMaximum 1 image URL allowed in image_urls array",
        ),
    );
    pub(crate) static INVALID_API_KEY: Code = code(
        "INVALID_API_KEY",
        401,
        "API key is missing or invalid",
        Source::doc(V1_DOC, "INVALID_API_KEYAPI key is missing or invalid"),
    );
    pub(crate) static INSUFFICIENT_CREDITS: Code = code(
        "INSUFFICIENT_CREDITS",
        402,
        "Not enough credits for this operation",
        Source::doc(
            V1_DOC,
            "402 INSUFFICIENT_CREDITSNot enough credits for this operation",
        ),
    );
    pub(crate) static TASK_NOT_FOUND: Code = code(
        "TASK_NOT_FOUND",
        404,
        "Task ID not found or does not belong to your account",
        Source::doc(
            V1_DOC,
            "TASK_NOT_FOUNDTask ID not found or does not belong to your account",
        ),
    );
    pub(crate) static INTERNAL_ERROR: Code = code(
        "INTERNAL_ERROR",
        500,
        "Server error, please try again later",
        Source::doc(V1_DOC, "INTERNAL_ERRORServer error, please try again later"),
    );

    // v2 documents the same codes with words of its own.
    pub(crate) static V2_INVALID_PROMPT: Code = code(
        "INVALID_PROMPT",
        400,
        "Prompt missing or invalid",
        Source::doc(V2_DOC, "| INVALID_PROMPT | Prompt missing or invalid |"),
    );
    pub(crate) static V2_INVALID_ASPECT_RATIO: Code = code(
        "INVALID_ASPECT_RATIO",
        400,
        "Unsupported aspect_ratio for the selected model",
        Source::doc(
            V2_DOC,
            "| INVALID_ASPECT_RATIO | Unsupported aspect_ratio for the selected model |",
        ),
    );
    pub(crate) static V2_INVALID_DURATION: Code = code(
        "INVALID_DURATION",
        400,
        "duration must be 5, 10, or 15 for 2.0 / Fast, or 4–15 for Mini",
        Source::doc(
            V2_DOC,
            "| INVALID_DURATION | duration must be 5, 10, or 15 for 2.0 / Fast, or 4–15 for Mini |",
        ),
    );
    pub(crate) static V2_TOO_MANY_IMAGES: Code = code(
        "TOO_MANY_IMAGES",
        400,
        "Too many images (max 4)",
        Source::doc(V2_DOC, "| TOO_MANY_IMAGES | Too many images (max 4) |"),
    );
    pub(crate) static V2_INVALID_API_KEY: Code = code(
        "INVALID_API_KEY",
        401,
        "API key missing or invalid",
        Source::doc(V2_DOC, "| INVALID_API_KEY | API key missing or invalid |"),
    );
    pub(crate) static V2_INSUFFICIENT_CREDITS: Code = code(
        "INSUFFICIENT_CREDITS",
        402,
        "Not enough credits",
        Source::doc(
            V2_DOC,
            "| 402 | INSUFFICIENT_CREDITS | Not enough credits |",
        ),
    );
    pub(crate) static V2_TASK_NOT_FOUND: Code = code(
        "TASK_NOT_FOUND",
        404,
        "Task not found",
        Source::doc(V2_DOC, "| TASK_NOT_FOUND | Task not found |"),
    );
    pub(crate) static V2_INTERNAL_ERROR: Code = code(
        "INTERNAL_ERROR",
        500,
        "Server error",
        Source::doc(V2_DOC, "| INTERNAL_ERROR | Server error |"),
    );
    pub(crate) static V2_INVALID_RESOLUTION: Code = Code {
        id: "INVALID_RESOLUTION",
        status: 400,
        documented: false,
        meaning: "resolution must be 480p, 720p or 1080p",
        source: Source::doc_decision(
            V1_DOC,
            "INVALID_RESOLUTIONResolution must be 480p or 720p",
            "v2 documents no code for a bad resolution; the same provider's v1 code is used",
        ),
    };

    pub(crate) static INVALID_MODEL: Code = own_code(
        "INVALID_MODEL",
        400,
        "model must be seedance-2.0, seedance-2.0-fast or seedance-2-mini",
    );
    pub(crate) static INVALID_IMAGE_URL: Code = own_code(
        "INVALID_IMAGE_URL",
        400,
        "an image URL is not an http(s) URL",
    );
    pub(crate) static INVALID_CALLBACK_URL: Code = own_code(
        "INVALID_CALLBACK_URL",
        400,
        "callback_url must be a public http(s) URL (no localhost)",
    );
    pub(crate) static INVALID_REFERENCE: Code = own_code(
        "INVALID_REFERENCE",
        400,
        "reference URLs are for seedance-2-mini only, and must be http(s) URLs",
    );
    pub(crate) static INVALID_FIELD_TYPE: Code =
        own_code("INVALID_FIELD_TYPE", 400, "a field has the wrong JSON type");
    pub(crate) static INVALID_BODY: Code =
        own_code("INVALID_BODY", 400, "the body is not a JSON object");
}

// ---- seedance2ai.io (one set of lower-case codes for all three endpoints) ---

pub(crate) mod seedance2ai {
    use super::*;

    pub(crate) static INVALID_REQUEST: Code = code(
        "invalid_request",
        400,
        "Bad input or unsupported field.",
        Source::doc(
            S2AI_DOC,
            "invalid_request400Bad input or unsupported field.",
        ),
    );
    pub(crate) static UNAUTHORIZED: Code = code(
        "unauthorized",
        401,
        "Missing, invalid, or revoked API key.",
        Source::doc(
            S2AI_DOC,
            "unauthorized401Missing, invalid, or revoked API key.",
        ),
    );
    pub(crate) static INSUFFICIENT_CREDITS: Code = code(
        "insufficient_credits",
        402,
        "Not enough credits on the balance.",
        Source::doc(
            S2AI_DOC,
            "insufficient_credits402Not enough credits on the balance.",
        ),
    );
    pub(crate) static NOT_FOUND: Code = code(
        "not_found",
        404,
        "Task does not exist or does not belong to this key owner.",
        Source::doc(
            S2AI_DOC,
            "not_found404Task does not exist or does not belong to this key owner.",
        ),
    );
    pub(crate) static IDEMPOTENCY_CONFLICT: Code = code(
        "idempotency_conflict",
        409,
        "Same Idempotency-Key reused with a different body, or still running.",
        Source::doc(
            S2AI_DOC,
            "idempotency_conflict409Same Idempotency-Key reused with a different body, or still running.",
        ),
    );
    pub(crate) static RATE_LIMITED: Code = code(
        "rate_limited",
        429,
        "Too many requests for this account.",
        Source::doc(
            S2AI_DOC,
            "rate_limited429Too many requests for this account.",
        ),
    );
    pub(crate) static INTERNAL_ERROR: Code = code(
        "internal_error",
        500,
        "Unexpected server-side failure.",
        Source::doc(S2AI_DOC, "internal_error500Unexpected server-side failure."),
    );
    pub(crate) static SERVICE_BUSY: Code = code(
        "service_busy",
        503,
        "Temporary upstream or credit-concurrency issue. Retry.",
        Source::doc(
            S2AI_DOC,
            "service_busy503Temporary upstream or credit-concurrency issue. Retry.",
        ),
    );

    /// Every code of the provider, for each of its endpoints' tables.
    pub(crate) static ALL: [&Code; 8] = [
        &INVALID_REQUEST,
        &UNAUTHORIZED,
        &INSUFFICIENT_CREDITS,
        &NOT_FOUND,
        &IDEMPOTENCY_CONFLICT,
        &RATE_LIMITED,
        &INTERNAL_ERROR,
        &SERVICE_BUSY,
    ];

    /// The parameter tables' flattened row that makes `type` required
    /// (GPT Image 2's and Nano Banana Pro's).
    pub(crate) const TYPE_REQUIRED: &str =
        "Generation type.\n\nstringRequired\ntext-to-imageimage-to-image";
    /// The row that makes a prompt of 3–10000 characters required (the
    /// video's and Nano Banana Pro's; GPT Image 2 takes 3–20000).
    pub(crate) const PROMPT_REQUIRED: &str = "Text prompt.\n\nstringRequired\n3–10000 chars";

    /// The headers every seedance2ai.io request carries.
    pub(crate) const HEADERS: &[(&str, &str)] = &[
        ("Authorization", "Bearer sk_live_your_api_key"),
        ("Idempotency-Key", "a-unique-id-per-request"),
    ];

    /// The price table of every seedance2ai.io endpoint: none is published.
    pub(crate) static PRICES: crate::price::EndpointPrices = crate::price::EndpointPrices {
        usd_per_credit: None,
        usd_source: Source::decision("seedance2ai.io publishes no rate of credits to US dollars"),
        markup: Ratio::ONE,
        rows: Cow::Borrowed(&[]),
        note: UNPUBLISHED,
    };

    /// No price is published for any seedance2ai.io endpoint.
    pub(crate) const UNPUBLISHED: Source = Source::doc_decision(
        S2AI_DOC,
        "\"credits_used\": 30",
        "seedance2ai.io publishes no prices; its only figure is an example status response \
         for no stated request. Load a price book to quote this endpoint",
    );
}

// ---- apiin.one (no published codes: the rule id is the code) ---------------

pub(crate) mod apiinone {
    use super::*;

    pub(crate) static BY_RULE: Code = Code {
        id: "",
        status: 400,
        documented: false,
        meaning: "apiin.one publishes no error codes; the rule id is the code",
        source: Source::decision(
            "apiin.one publishes no error codes: the library's rule ids, with HTTP 400",
        ),
    };
    pub(crate) static BALANCE: Code = Code {
        id: "",
        status: 400,
        documented: false,
        meaning: "the quote is above the balance; apiin.one publishes no code for it",
        source: Source::decision(
            "apiin.one publishes no error codes: the library's rule id, with HTTP 400 as for every rule",
        ),
    };
}
