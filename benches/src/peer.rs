//! Peer (a): what a user would write instead of the library.
//!
//! The body is parsed into a `serde_json::Value` and validated against a
//! hand-written JSON Schema of the endpoint (compiled once with the
//! `jsonschema` crate): enums, ranges, lengths, required fields, URL patterns,
//! and the cross-field rules (v2's per-model durations and aspect ratios,
//! seedance2ai.io's required-for-mode, gpt-image-2's `auto`/`1:1` limits) as
//! `if`/`then`/`else`. A valid body is then priced by a `HashMap` keyed on the
//! price-relevant fields, with defaults filled in by hand, and for Mini the
//! per-second formula in integer arithmetic.
//!
//! The schemas are as faithful as JSON Schema allows. What they cannot say
//! (checked by the `peer_rejects_invalid_cases` test): a URL host written as
//! a bare or hexadecimal or octal number (`http://2130706433/`,
//! `http://0x7f.1/`), which a WHATWG parser reads as `127.0.0.1`; regular
//! expressions see only the text.

use std::collections::HashMap;

use jsonschema::Validator;
use seedance_rules::Endpoint;
use serde_json::{json, Value as Json};

/// What the peer answers: the validation errors (every one, with its
/// instance path and message, like the library's violations) and the credits.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PeerReport {
    /// `(instance path, message)` of every error; empty when valid.
    pub errors: Vec<(String, String)>,
    /// The credits, when the body is valid and a price is published.
    pub credits: Option<u64>,
}

impl PeerReport {
    /// No error.
    pub fn is_ok(&self) -> bool {
        self.errors.is_empty()
    }
}

/// [`Peer::quick`]'s answer for a body that is not JSON or not valid.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Invalid;

/// The compiled schemas and the price table, built once.
pub struct Peer {
    validators: Vec<(Endpoint, Validator)>,
    /// `(endpoint, model, resolution, seconds, audio)` to credits.
    prices: HashMap<PriceKey<'static>, u64>,
}

type PriceKey<'a> = (Endpoint, &'a str, &'a str, i64, bool);

/// Seedance 2 Mini's upstream rates in credits a second, as `(numerator,
/// denominator)`, by billed resolution and whether reference videos are sent;
/// the published rate is this times 3/2, rounded up once at the end.
const MINI_UPSTREAM: [(&str, bool, u64, u64); 4] = [
    ("480p", false, 19, 2),
    ("480p", true, 6, 1),
    ("720p", false, 41, 2),
    ("720p", true, 25, 2),
];

impl Default for Peer {
    fn default() -> Self {
        Peer::new()
    }
}

impl Peer {
    /// Compiles the six schemas and fills the price table.
    pub fn new() -> Peer {
        let validators = Endpoint::ALL
            .iter()
            .map(|&e| {
                let v = jsonschema::validator_for(&schema(e))
                    .unwrap_or_else(|err| panic!("schema of {e} compiles: {err}"));
                (e, v)
            })
            .collect();
        Peer {
            validators,
            prices: price_table(),
        }
    }

    fn validator(&self, endpoint: Endpoint) -> &Validator {
        &self
            .validators
            .iter()
            .find(|(e, _)| *e == endpoint)
            .expect("every endpoint has a schema")
            .1
    }

    /// Parses `text`, validates it collecting every error, and prices it.
    pub fn check(&self, endpoint: Endpoint, text: &str) -> serde_json::Result<PeerReport> {
        let body: Json = serde_json::from_str(text)?;
        Ok(self.check_value(endpoint, &body))
    }

    /// Validates an already parsed body, collecting every error, and prices it.
    pub fn check_value(&self, endpoint: Endpoint, body: &Json) -> PeerReport {
        let errors: Vec<(String, String)> = self
            .validator(endpoint)
            .iter_errors(body)
            .map(|e| (e.instance_path().to_string(), e.to_string()))
            .collect();
        let credits = if errors.is_empty() {
            self.price(endpoint, body)
        } else {
            None
        };
        PeerReport { errors, credits }
    }

    /// The most generous variant: parse, `is_valid` (no error is built), and
    /// price. An invalid body is [`Invalid`], which says nothing of why.
    pub fn quick(&self, endpoint: Endpoint, text: &str) -> Result<Option<u64>, Invalid> {
        let body: Json = serde_json::from_str(text).map_err(|_| Invalid)?;
        if self.validator(endpoint).is_valid(&body) {
            Ok(self.price(endpoint, &body))
        } else {
            Err(Invalid)
        }
    }

    /// The credits of a valid body, with the provider's defaults filled in.
    pub fn price(&self, endpoint: Endpoint, body: &Json) -> Option<u64> {
        let s = |k: &str, default: &'static str| -> &str {
            body.get(k).and_then(Json::as_str).unwrap_or(default)
        };
        let b = |k: &str, default: bool| body.get(k).and_then(Json::as_bool).unwrap_or(default);
        let secs = |default: i64| body.get("duration").map_or(Some(default), seconds);
        let key: PriceKey<'_> = match endpoint {
            Endpoint::SeedanceApiV1 => (
                endpoint,
                "",
                s("resolution", "720p"),
                secs(8)?,
                b("generate_audio", false),
            ),
            Endpoint::ApiinoneVideos => (
                endpoint,
                "",
                s("resolution", "720p"),
                secs(8)?,
                b("generateAudio", false),
            ),
            Endpoint::SeedanceApiV2 => {
                let model = s("model", "seedance-2.0");
                if model == "seedance-2-mini" {
                    return mini(body, secs(5)?);
                }
                (endpoint, model, "", secs(5)?, false)
            }
            // seedance2ai.io publishes no price.
            _ => return None,
        };
        self.prices.get(&key).copied()
    }
}

/// Mini: ceil(upstream rate × 3/2 × seconds), 1080p billed as 720p.
fn mini(body: &Json, secs: i64) -> Option<u64> {
    let res = match body.get("resolution").and_then(Json::as_str) {
        None | Some("1080p") => "720p",
        Some(r) => r,
    };
    let video = body
        .get("reference_video_urls")
        .and_then(Json::as_array)
        .is_some_and(|a| !a.is_empty());
    let (_, _, num, den) = MINI_UPSTREAM
        .iter()
        .find(|(r, v, _, _)| *r == res && *v == video)?;
    let secs = u64::try_from(secs).ok()?;
    Some((num * 3 * secs).div_ceil(den * 2))
}

/// A duration given as an integer, an integral number or a string of digits.
fn seconds(v: &Json) -> Option<i64> {
    match v {
        Json::String(s) => s.parse().ok(),
        Json::Number(n) => n
            .as_i64()
            .or_else(|| n.as_f64().filter(|f| f.fract() == 0.0).map(|f| f as i64)),
        _ => None,
    }
}

fn price_table() -> HashMap<PriceKey<'static>, u64> {
    let mut t = HashMap::new();
    // Seedance 1.5 Pro: seedanceapi.org's grid, which apiin.one's prices follow.
    let grid = [
        ("480p", 4, false, 8),
        ("480p", 8, false, 14),
        ("480p", 12, false, 19),
        ("480p", 4, true, 14),
        ("480p", 8, true, 28),
        ("480p", 12, true, 38),
        ("720p", 4, false, 14),
        ("720p", 8, false, 28),
        ("720p", 12, false, 42),
        ("720p", 4, true, 28),
        ("720p", 8, true, 56),
        ("720p", 12, true, 84),
    ];
    for e in [Endpoint::SeedanceApiV1, Endpoint::ApiinoneVideos] {
        for (res, secs, audio, credits) in grid {
            t.insert((e, "", res, secs, audio), credits);
        }
    }
    for (model, per_5s) in [("seedance-2.0", 240), ("seedance-2.0-fast", 160)] {
        for k in 1..=3 {
            t.insert(
                (Endpoint::SeedanceApiV2, model, "", 5 * k, false),
                per_5s * k as u64,
            );
        }
    }
    t
}

// ---- the schemas -------------------------------------------------------------

/// An absolute http(s) URL, as far as a pattern can tell, whose
/// host is printable ASCII (the library refuses a host name not in
/// Punycode); user info, up to the last `@`, may hold any character.
const HTTP_URL: &str = r#"^[Hh][Tt][Tt][Pp][Ss]?://([^\s/?#\\]*@)?[!-"$-.0->@-~]+([/?#]\S*)?$"#;
const HTTPS_URL: &str = r#"^[Hh][Tt][Tt][Pp][Ss]://([^\s/?#\\]*@)?[!-"$-.0->@-~]+([/?#]\S*)?$"#;

/// A URL that carries user info or whose host is not public: `localhost`,
/// a `*.localhost` name, or a dotted-decimal or bracketed IPv6 literal in a
/// loopback, private, link-local, unspecified, CGNAT, multicast or broadcast
/// range (IPv4-mapped IPv6 included).
const NOT_PUBLIC: &str = concat!(
    r"^[A-Za-z][A-Za-z0-9+.\-]*://(",
    r"[^/?#]*@",
    r"|(([Ll][Oo][Cc][Aa][Ll][Hh][Oo][Ss][Tt])|[^/?#:]*\.[Ll][Oo][Cc][Aa][Ll][Hh][Oo][Ss][Tt])\.?(:[0-9]*)?([/?#]|$)",
    r"|(",
    r"(127|10|0)(\.[0-9]{1,3}){3}",
    r"|192\.168(\.[0-9]{1,3}){2}",
    r"|172\.(1[6-9]|2[0-9]|3[01])(\.[0-9]{1,3}){2}",
    r"|169\.254(\.[0-9]{1,3}){2}",
    r"|100\.(6[4-9]|[7-9][0-9]|1[01][0-9]|12[0-7])(\.[0-9]{1,3}){2}",
    r"|(22[4-9]|23[0-9])(\.[0-9]{1,3}){3}",
    r"|255\.255\.255\.255",
    r")\.?(:[0-9]*)?([/?#]|$)",
    r"|\[(::1?",
    r"|[Ff][CcDd][0-9A-Fa-f]{0,2}:[0-9A-Fa-f:]*",
    r"|[Ff][Ee][89AaBb][0-9A-Fa-f]:[0-9A-Fa-f:]*",
    r"|[Ff][Ff][0-9A-Fa-f]{0,2}:[0-9A-Fa-f:]*",
    r"|::[Ff][Ff][Ff][Ff]:((127|10|0)(\.[0-9]{1,3}){3}|192\.168(\.[0-9]{1,3}){2}",
    r"|172\.(1[6-9]|2[0-9]|3[01])(\.[0-9]{1,3}){2}|169\.254(\.[0-9]{1,3}){2})",
    r")\]",
    r")"
);

fn http_url() -> Json {
    json!({ "type": "string", "pattern": HTTP_URL })
}

fn public_http_url() -> Json {
    json!({ "type": "string", "pattern": HTTP_URL, "not": { "pattern": NOT_PUBLIC } })
}

fn public_https_url() -> Json {
    json!({ "type": "string", "pattern": HTTPS_URL, "not": { "pattern": NOT_PUBLIC } })
}

/// A prompt: a string of `min..=max` characters (JSON Schema counts code
/// points, as the library does), not only white space.
fn prompt(min: u64, max: Option<u64>) -> Json {
    let mut p = json!({ "type": "string", "minLength": min, "pattern": r"\S" });
    if let Some(max) = max {
        p["maxLength"] = json!(max);
    }
    p
}

/// A duration the documents show as a string, also accepted as an integer.
fn duration_str(allowed: impl IntoIterator<Item = i64>) -> Json {
    let allowed: Vec<i64> = allowed.into_iter().collect();
    let mut e: Vec<Json> = allowed.iter().map(|n| json!(n.to_string())).collect();
    e.extend(allowed.iter().map(|n| json!(n)));
    json!({ "enum": e })
}

/// The same, for a duration the documents show as an integer (v2), where
/// a string is read as an integer is (`"08"` and `"+8"` are 8).
fn duration_int(allowed: impl IntoIterator<Item = i64>) -> Json {
    let allowed: Vec<i64> = allowed.into_iter().collect();
    let digits: Vec<String> = allowed.iter().map(i64::to_string).collect();
    json!({
        "anyOf": [
            { "enum": allowed },
            { "type": "string", "pattern": format!(r"^\+?0*({})$", digits.join("|")) }
        ]
    })
}

fn url_list(max: u64, item: Json) -> Json {
    json!({ "type": "array", "maxItems": max, "items": item })
}

fn bool_() -> Json {
    json!({ "type": "boolean" })
}

/// `if <field> is <value> then <then>`.
fn when(field: &str, value: &str, then: Json) -> Json {
    json!({
        "if": { "required": [field], "properties": { field: { "const": value } } },
        "then": then,
    })
}

/// `then`: a non-empty array of at most `max` public https URLs is required.
fn needs_urls(field: &str, max: u64) -> Json {
    json!({
        "required": [field],
        "properties": { field: { "minItems": 1, "maxItems": max, "items": public_https_url() } }
    })
}

/// An input checked only where it is used (see [`needs_urls`]): its type here.
fn string_list() -> Json {
    json!({ "type": "array", "items": { "type": "string" } })
}

/// The hand-written JSON Schema of an endpoint.
pub fn schema(endpoint: Endpoint) -> Json {
    match endpoint {
        Endpoint::SeedanceApiV1 => json!({
            "type": "object",
            "required": ["prompt"],
            "properties": {
                "prompt": prompt(1, Some(2000)),
                "aspect_ratio": { "enum": ["1:1", "16:9", "9:16", "4:3", "3:4", "21:9", "9:21"] },
                "resolution": { "enum": ["480p", "720p"] },
                "duration": duration_str([4, 8, 12]),
                "generate_audio": bool_(),
                "fixed_lens": bool_(),
                "image_urls": url_list(1, http_url()),
                "callback_url": public_http_url(),
            }
        }),
        Endpoint::SeedanceApiV2 => json!({
            "type": "object",
            "required": ["prompt"],
            "properties": {
                "prompt": prompt(1, Some(2000)),
                "model": { "enum": ["seedance-2.0", "seedance-2.0-fast", "seedance-2-mini"] },
                "duration": {
                    "anyOf": [
                        { "type": "integer" },
                        { "type": "string", "pattern": "^[+-]?[0-9]+$" }
                    ]
                },
                "resolution": { "enum": ["480p", "720p", "1080p"] },
                "aspect_ratio": { "type": "string" },
                "images": url_list(4, http_url()),
                "reference_video_urls": { "type": "array", "items": http_url() },
                "reference_audio_urls": { "type": "array", "items": http_url() },
                "callback_url": public_http_url(),
                "public": bool_(),
            },
            "if": {
                "required": ["model"],
                "properties": { "model": { "const": "seedance-2-mini" } }
            },
            "then": {
                "properties": {
                    "duration": duration_int(4..=15),
                    "aspect_ratio": {
                        "enum": ["16:9", "9:16", "4:3", "3:4", "1:1", "21:9", "adaptive"]
                    }
                }
            },
            "else": {
                "properties": {
                    "duration": duration_int([5, 10, 15]),
                    "aspect_ratio": { "enum": ["16:9", "9:16", "4:3", "3:4"] },
                    "reference_video_urls": { "maxItems": 0 },
                    "reference_audio_urls": { "maxItems": 0 }
                }
            }
        }),
        Endpoint::Seedance2aiVideo => json!({
            "type": "object",
            "required": ["prompt"],
            "properties": {
                "mode": { "enum": ["text-to-video", "image-to-video", "media-to-video"] },
                "quality_tier": { "enum": ["standard", "pro"] },
                "channel": { "enum": ["standard", "real", "wild"] },
                "prompt": prompt(3, Some(10000)),
                "aspect_ratio": { "enum": ["1:1", "21:9", "4:3", "3:4", "16:9", "9:16"] },
                "duration": duration_str(4..=15),
                "resolution": { "enum": ["720p", "1080p"] },
                // Inputs are checked only in the mode that uses them.
                "image_url": { "type": "string" },
                "end_image_url": { "type": "string" },
                "media_urls": string_list(),
                "generate_audio": bool_(),
                "fixed_lens": bool_(),
                "seed": { "type": "integer", "minimum": -1, "maximum": 4_294_967_295_u64 },
            },
            "allOf": [
                when("mode", "image-to-video", json!({
                    "required": ["image_url"],
                    "properties": { "image_url": public_https_url(), "end_image_url": public_https_url() }
                })),
                when("mode", "media-to-video", needs_urls("media_urls", 12)),
                when("channel", "real", json!({ "not": { "required": ["seed"] } })),
            ]
        }),
        Endpoint::Seedance2aiGptImage2 => json!({
            "type": "object",
            "required": ["type", "prompt", "resolution", "aspectRatio"],
            "properties": {
                "type": { "enum": ["text-to-image", "image-to-image"] },
                "channel": { "enum": ["standard", "economy"] },
                "prompt": prompt(3, Some(20000)),
                "resolution": { "enum": ["1K", "2K", "4K"] },
                "aspectRatio": {
                    "enum": ["auto", "1:1", "5:4", "9:16", "21:9", "16:9", "4:3", "3:2", "4:5",
                             "3:4", "2:3", "2:1", "1:2", "3:1", "1:3", "9:21"]
                },
                "batchCount": { "type": "integer", "minimum": 1, "maximum": 4 },
                "imageUrls": string_list(),
            },
            "allOf": [
                when("type", "image-to-image", needs_urls("imageUrls", 10)),
                when("aspectRatio", "auto", json!({ "properties": { "resolution": { "const": "1K" } } })),
                {
                    // `1:1` at 4K only on the economy channel (standard is the default).
                    "if": {
                        "required": ["aspectRatio"],
                        "properties": {
                            "aspectRatio": { "const": "1:1" },
                            "channel": { "const": "standard" }
                        }
                    },
                    "then": { "properties": { "resolution": { "enum": ["1K", "2K"] } } }
                }
            ]
        }),
        Endpoint::Seedance2aiNanoBananaPro => json!({
            "type": "object",
            "required": ["type", "prompt"],
            "properties": {
                "type": { "enum": ["text-to-image", "image-to-image"] },
                "prompt": prompt(3, Some(10000)),
                "image_size": {
                    "enum": ["1:1", "9:16", "16:9", "3:4", "4:3", "3:2", "2:3", "5:4", "4:5",
                             "21:9", "auto"]
                },
                "output_format": { "enum": ["png", "jpeg"] },
                "resolution": { "enum": ["1K", "2K", "4K"] },
                "image_urls": string_list(),
            },
            "allOf": [when("type", "image-to-image", needs_urls("image_urls", 8))]
        }),
        Endpoint::ApiinoneVideos => json!({
            "type": "object",
            "required": ["model", "prompt"],
            "properties": {
                "model": { "const": "seedance-1-5-pro" },
                "prompt": { "type": "string", "pattern": r"\S" },
                "image": http_url(),
                "aspect_ratio": { "enum": ["16:9", "9:16", "4:3", "3:4", "1:1"] },
                "resolution": { "enum": ["480p", "720p"] },
                "duration": duration_str([4, 8, 12]),
                "generateAudio": bool_(),
                "fixedLens": bool_(),
                "callback_url": public_http_url(),
            }
        }),
        other => panic!("no schema for {other}"),
    }
}
