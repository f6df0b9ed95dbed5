//! The same clip priced on every video endpoint and model that can make it.
//!
//! Each endpoint has one line in [`WRITERS`]: which model field and values it
//! has, and the names of its duration, resolution, audio and input fields.
//! The clip is written as a body with those names, and the body is checked
//! like any other, so the rules and prices come from the tables alone.

use crate::endpoint::Endpoint;
use crate::json::key;
use crate::json::{self, to_text, Json, Writer as JsonWriter};
use crate::report::{write_violations, write_warnings, Violation, Warning};
use crate::spec::Kind;
use crate::{Checker, Usd};

/// What a clip needs, whatever the endpoint. Its frame is each endpoint's
/// default (1:1 on v1, 16:9 elsewhere), on which no price depends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Clip<'a> {
    /// Seconds.
    pub duration: u32,
    /// `480p`, `720p` or `1080p`.
    pub resolution: &'a str,
    /// What the clip starts from.
    pub input: Input,
    /// Whether the clip must have generated audio.
    pub audio: bool,
    /// The prompt; a neutral one when `None`.
    pub prompt: Option<&'a str>,
}

/// What a clip is made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Input {
    /// A prompt alone.
    Text,
    /// A prompt and a reference image.
    Image,
    /// A prompt and a reference video.
    Video,
}

impl Input {
    /// `text`, `image` or `video`: the input of that [`name`](Input::name).
    pub fn from_name(s: &str) -> Option<Input> {
        [Input::Text, Input::Image, Input::Video]
            .into_iter()
            .find(|input| input.name() == s)
    }

    /// `text`, `image` or `video`.
    pub fn name(self) -> &'static str {
        match self {
            Input::Text => "text",
            Input::Image => "image",
            Input::Video => "video",
        }
    }
}

/// As [`Input::name`].
impl std::fmt::Display for Input {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// [`Input::from_name`]; `Err` names the three inputs.
impl std::str::FromStr for Input {
    type Err = UnknownInput;

    fn from_str(s: &str) -> Result<Input, UnknownInput> {
        Input::from_name(s).ok_or(UnknownInput)
    }
}

/// A clip's input that is not `text`, `image` or `video`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownInput;

impl std::fmt::Display for UnknownInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a clip's input is `text`, `image` or `video`")
    }
}

impl std::error::Error for UnknownInput {}

/// One endpoint and model's answer for a clip.
///
/// As JSON ([`Comparison::to_json`]) the members are named and ordered as
/// the fields here.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct Comparison {
    /// The endpoint id.
    pub endpoint: &'static str,
    /// The model (or quality tier) the body selects, if the endpoint has a choice.
    pub model: Option<&'static str>,
    /// The body written for the clip, or `null` when the endpoint cannot express it.
    pub body: Json,
    /// Whether the provider would accept the body.
    pub ok: bool,
    /// The credits, when valid and priced.
    pub credits: Option<u64>,
    /// The US dollars, when the price table states a rate: exact, and
    /// ordered by value (compare these, not their text: `"10.00" < "9.00"`).
    pub usd: Option<Usd>,
    /// The violations that say why the clip cannot be made here.
    pub violations: Vec<Violation>,
    /// The warnings (Mini's 1080p is billed as 720p, ...).
    pub warnings: Vec<Warning>,
    /// Why the endpoint cannot take the clip at all, or what to know.
    pub note: Option<&'static str>,
}

/// How a clip is written for one endpoint.
struct Writer {
    endpoint: Endpoint,
    /// The field that selects the model and the values to try, or none.
    model: Option<(&'static str, &'static [&'static str])>,
    /// The audio switch, if the endpoint has one.
    audio: Option<&'static str>,
    /// How an image input is given: field, and whether it is an array.
    image: Option<(&'static str, bool)>,
    /// How a video input is given.
    video: Option<(&'static str, bool)>,
    /// Fields that must be set for the input kind (seedance2ai's `mode`).
    mode: Option<(&'static str, [&'static str; 3])>,
}

const IMAGE_URL: &str = "https://example.com/reference.jpg";
const VIDEO_URL: &str = "https://example.com/reference.mp4";

/// One line an endpoint. Image endpoints are not listed: they make no clips.
static WRITERS: [Writer; 4] = [
    Writer {
        endpoint: Endpoint::SeedanceApiV1,
        model: None,
        audio: Some("generate_audio"),
        image: Some(("image_urls", true)),
        video: None,
        mode: None,
    },
    Writer {
        endpoint: Endpoint::SeedanceApiV2,
        model: Some((
            "model",
            &["seedance-2.0", "seedance-2.0-fast", "seedance-2-mini"],
        )),
        audio: None,
        image: Some(("images", true)),
        video: Some(("reference_video_urls", true)),
        mode: None,
    },
    Writer {
        endpoint: Endpoint::Seedance2aiVideo,
        model: Some(("quality_tier", &["standard", "pro"])),
        audio: Some("generate_audio"),
        image: Some(("image_url", false)),
        video: Some(("media_urls", true)),
        mode: Some((
            "mode",
            ["text-to-video", "image-to-video", "media-to-video"],
        )),
    },
    Writer {
        endpoint: Endpoint::ApiinoneVideos,
        model: Some(("model", &["seedance-1-5-pro"])),
        audio: Some("generateAudio"),
        image: Some(("image", false)),
        video: None,
        mode: None,
    },
];

/// Prices `clip` on every video endpoint and model: valid and priced entries
/// first, cheapest first; then those the provider would make otherwise than
/// asked (a value it sends and bills as another, such as Mini's `1080p` as
/// `720p`: a `NORMALIZED_VALUE` warning), cheapest first; then valid entries
/// with no published price; then those refused only for the balance
/// ([`Checker::balance`]), which keep their credits, cheapest first; then
/// those that cannot make the clip, with the reason. "Cheapest" is by
/// credits (a price book may give endpoints other dollar rates; compare
/// `usd` for dollars).
///
/// ```
/// use seedance_rules::{compare, Checker, Clip, Input};
/// let clip = Clip { duration: 8, resolution: "720p", input: Input::Text, audio: false, prompt: None };
/// let rows = compare(&clip, &Checker::new());
/// assert_eq!(rows[0].credits, Some(28)); // Seedance 1.5 Pro, 720p 8 s
/// ```
pub fn compare(clip: &Clip<'_>, checker: &Checker<'_>) -> Vec<Comparison> {
    let mut out = Vec::new();
    for w in &WRITERS {
        let models: &[&'static str] = match w.model {
            Some((_, values)) => values,
            None => &[""],
        };
        for &model in models {
            out.push(one(w, (!model.is_empty()).then_some(model), clip, checker));
        }
    }
    // A clip with a warning comes after those made as asked: the bodies are
    // written with known fields in their documented types, so a warning is a
    // value the provider sends as another (`1080p` billed as `720p`). Of
    // the refused, those refused only for the balance (they keep their
    // credits) come first, cheapest first: the ones a larger balance buys.
    let rank = |c: &Comparison| match (c.ok, c.credits) {
        (true, Some(n)) => (u8::from(!c.warnings.is_empty()), n),
        (true, None) => (2, 0),
        (false, Some(n)) => (3, n),
        (false, None) => (4, 0),
    };
    json::sort_stable(out, &|a, b| rank(a).cmp(&rank(b)))
}

fn one(
    w: &Writer,
    model: Option<&'static str>,
    clip: &Clip<'_>,
    checker: &Checker<'_>,
) -> Comparison {
    let spec = w.endpoint.spec();
    let cannot = |note: &'static str| Comparison {
        endpoint: spec.id,
        model,
        body: Json::Null,
        ok: false,
        credits: None,
        usd: None,
        violations: Vec::new(),
        warnings: Vec::new(),
        note: Some(note),
    };
    let mut body: Vec<(String, Json)> = Vec::new();
    let mut insert = |field: &str, value: Json| body.push((field.to_owned(), value));
    insert(
        "prompt",
        clip.prompt
            .unwrap_or("A slow cinematic shot of waves at sunset")
            .into(),
    );
    if let (Some((field, _)), Some(m)) = (w.model, model) {
        insert(field, m.into());
    }
    // The duration in the field's documented JSON type.
    let duration_kind = spec.field_index("duration").map(|i| spec.fields[i].kind);
    insert(
        "duration",
        match duration_kind {
            Some(Kind::DurationInt) => clip.duration.into(),
            _ => crate::message::int_text(clip.duration.into()).into(),
        },
    );
    insert("resolution", clip.resolution.into());
    match (w.audio, clip.audio) {
        (Some(field), audio) => insert(field, audio.into()),
        (None, true) => return cannot("this endpoint documents no audio option"),
        (None, false) => {}
    }
    let input = match clip.input {
        Input::Text => None,
        Input::Image => Some(
            w.image
                .map(|f| (f, IMAGE_URL))
                .ok_or("this endpoint takes no image input"),
        ),
        Input::Video => Some(
            w.video
                .map(|f| (f, VIDEO_URL))
                .ok_or("this endpoint takes no reference video"),
        ),
    };
    match input {
        None => {}
        Some(Err(note)) => return cannot(note),
        Some(Ok(((field, array), url))) => {
            insert(
                field,
                if array {
                    Json::array([url])
                } else {
                    url.into()
                },
            );
        }
    }
    if let Some((field, modes)) = w.mode {
        let i = match clip.input {
            Input::Text => 0,
            Input::Image => 1,
            Input::Video => 2,
        };
        insert(field, modes[i].into());
    }
    // Keys in alphabetical order, as the bodies have always been written.
    let body = Json::Object(json::sort_stable(body, &|a, b| a.0.cmp(&b.0)));
    let text = to_text(false, |w| w.value(&body));
    let Ok(report) = checker.check_endpoint(w.endpoint, &text) else {
        return cannot("the body is not JSON");
    };
    let (ok, credits) = (report.is_ok(), report.credits());
    Comparison {
        endpoint: spec.id,
        model,
        ok,
        credits,
        usd: report.usd(),
        violations: report.violations().to_vec(),
        warnings: report.warnings().to_vec(),
        note: (ok && credits.is_none()).then_some(match report.quote() {
            Some(q) if q.no_row_matches() => "no row of the price book matches this clip",
            _ => "no published price: load a price book to quote this endpoint",
        }),
        body,
    }
}

impl Comparison {
    /// The comparison as JSON text on one line: `{"endpoint", "model",
    /// "body", "ok", "credits", "usd", "violations", "warnings", "note"}`.
    pub fn to_json(&self) -> String {
        to_text(false, |w| self.write_json(w))
    }

    /// The comparison as a JSON tree, keys in the order of [`Comparison::to_json`].
    pub fn to_json_value(&self) -> Json {
        crate::json::reparse(&self.to_json())
    }

    fn write_json(&self, w: &mut JsonWriter<'_>) {
        w.begin_object();
        w.member(key!("endpoint"));
        w.str(self.endpoint);
        w.member(key!("model"));
        w.opt_str(self.model);
        w.member(key!("body"));
        w.value(&self.body);
        w.member(key!("ok"));
        w.bool(self.ok);
        w.member(key!("credits"));
        w.opt_u64(self.credits);
        w.member(key!("usd"));
        match self.usd {
            Some(usd) => usd.write_json(w),
            None => w.null(),
        }
        w.member(key!("violations"));
        write_violations(w, &self.violations);
        w.member(key!("warnings"));
        write_warnings(w, &self.warnings);
        w.member(key!("note"));
        w.opt_str(self.note);
        w.end_object();
    }
}
