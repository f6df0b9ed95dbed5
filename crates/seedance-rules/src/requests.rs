//! Typed request bodies, one per endpoint (see [`Request`]).

use std::borrow::Cow;

use crate::endpoint::Endpoint;
use crate::spec::{ix, str_eq};
use crate::tables;
use crate::value::{List, Slots, Value};

/// A typed request body of one endpoint. There is one per endpoint
/// ([`SeedanceApiV2Request`](crate::SeedanceApiV2Request) and the others),
/// serde-compatible with the wire JSON exactly as documented (field names,
/// JSON types, camelCase where the provider uses it). Checking one of these
/// is the allocation-free hot path: every value is borrowed, nothing is
/// parsed.
///
/// Values with a closed set of allowed strings stay strings here, so that the
/// rule tables remain the one place that lists them; a value outside the set
/// is reported like any other violation.
///
/// ```
/// use seedance_rules::{check_request, SeedanceApiV2Request};
/// let req = SeedanceApiV2Request {
///     model: Some("seedance-2-mini".into()),
///     duration: Some(8),
///     resolution: Some("480p".into()),
///     ..SeedanceApiV2Request::new("A compact product demo with smooth camera motion")
/// };
/// let report = check_request(&req);
/// assert_eq!(report.credits(), Some(114)); // ceil(9.5 × 3/2 × 8)
/// ```
///
/// With the `serde` feature each reads and writes the wire JSON. Read with
/// `serde_json::from_str`, it borrows its strings from the text, so it is
/// not `DeserializeOwned` (axum's `Json<T>`, `serde_json::from_reader`):
/// there, read an [`OwnedRequest`], which copies its strings, or keep the
/// body's text and check it with [`check`](crate::check). The text is
/// the way to see a misspelt field: serde drops unknown keys
/// without a word, where `check` warns about each, with a "did you mean";
/// and a `null`: serde reads it as an absent optional field (the default
/// then applies), where `check` calls it a value of the wrong JSON type, as
/// the contract does. A duration of the other JSON type (v1's `8` for
/// `"8"`, v2's `"10"` for `10`), which `check` accepts with a
/// `COERCED_TYPE` warning, serde reads as the documented type, without the
/// warning; what `check` refuses there (`"8.0"`, `" 8"`, `8.5`), serde refuses.
/// A whole number written with a fraction or an exponent (`10.0`, `1e1`),
/// which serde_json hands over as a float, reads as the integer, as `check`
/// reads it; but serde_json rounds a number to a float first, so text with
/// more digits than a float keeps (`10.0000000000000001`) reads as 10, and
/// one too small for a float (`1e-400`) as 0, where `check`, reading the
/// digits, refuses both. A body serde cannot read into the struct at all (a
/// missing `prompt`, a value of another JSON type: `"images": "https://…"`,
/// a body that is not an object) is serde's error, not a report: axum's
/// `Json<OwnedRequest<…>>` answers it with its own 422, where `check` on the
/// text gives the provider's code (`INVALID_PROMPT`, `INVALID_IMAGE_URL`,
/// 400). A service that answers its clients with the provider's codes reads
/// the body as text and checks that; the typed request is for requests
/// built in code, from values the service owns, which have none of these
/// concerns.
pub trait Request: private::Sealed {
    /// The endpoint the body is for.
    const ENDPOINT: Endpoint;
}

/// A typed request that owns its strings: `DeserializeOwned`, for the
/// readers that need it (axum's `Json<T>`, `serde_json::from_reader` or
/// `from_value`, a queue's consumer). With the `serde` feature,
/// `OwnedRequest<SeedanceApiV2Request<'static>>` (and the same for each
/// endpoint) reads the wire JSON as the request itself does, then copies
/// the strings it borrowed ([`into_owned`](SeedanceApiV2Request::into_owned)).
///
/// It derefs to the request, and is a [`Request`] itself: check it as it
/// stands. What serde leaves out holds here too (see [`Request`]): an
/// unknown key is dropped without a warning and a `null` reads as absent,
/// where [`check`](crate::check) on the text warns and refuses.
///
/// ```
/// # #[cfg(feature = "serde")]
/// # fn main() -> Result<(), serde_json::Error> {
/// use seedance_rules::{check_request, OwnedRequest, SeedanceApiV2Request};
///
/// let body = br#"{"prompt": "A compact product demo", "model": "seedance-2-mini", "duration": 8}"#;
/// let request: OwnedRequest<SeedanceApiV2Request<'static>> = serde_json::from_reader(&body[..])?;
/// assert_eq!(request.duration, Some(8));
/// assert_eq!(check_request(&request).credits(), Some(246)); // ceil(20.5 × 3/2 × 8)
/// # Ok(())
/// # }
/// # #[cfg(not(feature = "serde"))]
/// # fn main() {}
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OwnedRequest<R>(pub R);

impl<R> std::ops::Deref for OwnedRequest<R> {
    type Target = R;
    fn deref(&self) -> &R {
        &self.0
    }
}

impl<R> std::ops::DerefMut for OwnedRequest<R> {
    fn deref_mut(&mut self) -> &mut R {
        &mut self.0
    }
}

impl<R: Request> Request for OwnedRequest<R> {
    const ENDPOINT: Endpoint = R::ENDPOINT;
}

impl<R: Request> private::Sealed for OwnedRequest<R> {
    #[inline(always)]
    fn fill<'s>(&'s self, slots: &mut Slots<'s>) {
        self.0.fill(slots)
    }

    #[inline(always)]
    fn field(&self, i: usize) -> Option<Value<'_>> {
        self.0.field(i)
    }

    #[inline(always)]
    fn given(&self) -> u32 {
        self.0.given()
    }

    #[cfg(not(target_family = "wasm"))]
    #[inline(always)]
    fn quick_quote<'b>(
        &self,
        book: &'b str,
        prices: &'b crate::price::EndpointPrices,
        balance: Option<u64>,
    ) -> Option<crate::price::Quote<'b>> {
        self.0.quick_quote(book, prices, balance)
    }
}

/// Written as the request it holds.
#[cfg(feature = "serde")]
impl<R: serde::Serialize> serde::Serialize for OwnedRequest<R> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

pub(crate) mod private {
    #[cfg(not(target_family = "wasm"))]
    use crate::price::{EndpointPrices, Quote};
    use crate::value::{Slots, Value};

    pub trait Sealed {
        /// Writes the request's fields into empty slots.
        fn fill<'s>(&'s self, slots: &mut Slots<'s>);

        /// Field `i`'s value, as the slots would hold it.
        fn field(&self, i: usize) -> Option<Value<'_>>;

        /// A bit per field the request gives.
        fn given(&self) -> u32;

        /// The quote of the request when it is valid, draws no warning and
        /// is within `balance`, read where it stands; `None` when it is not,
        /// or when only the report can say (`engine::quote_typed`).
        #[cfg(not(target_family = "wasm"))]
        fn quick_quote<'b>(
            &self,
            book: &'b str,
            prices: &'b EndpointPrices,
            balance: Option<u64>,
        ) -> Option<Quote<'b>>;
    }
}

/// A typed request read where it stands, as the engine reads slots: the
/// hot path of `quote_request`, which needs no slots (and no report) when
/// the request is clean. The defaults the engine gives are kept as bits
/// (each is the table's); a rule's rewrite is only noted, and leaves the
/// answer to the report.
#[cfg(not(target_family = "wasm"))]
pub(crate) struct Typed<'r, R> {
    request: &'r R,
    present: u32,
    defaulted: u32,
    rewritten: bool,
}

#[cfg(not(target_family = "wasm"))]
impl<'r, R: Request> Typed<'r, R> {
    #[inline(always)]
    pub(crate) fn new(request: &'r R) -> Typed<'r, R> {
        Typed {
            request,
            present: private::Sealed::given(request),
            defaulted: 0,
            rewritten: false,
        }
    }

    /// Whether a rule rewrote a value, which these fields do not keep.
    #[inline(always)]
    pub(crate) fn rewritten(&self) -> bool {
        self.rewritten
    }
}

#[cfg(not(target_family = "wasm"))]
impl<R: Request> crate::value::Fields for Typed<'_, R> {
    #[inline(always)]
    fn view(&self, i: usize) -> Option<Value<'_>> {
        let bit = 1u32.checked_shl(i as u32).unwrap_or(0);
        if self.defaulted & bit != 0 {
            let field = R::ENDPOINT.spec().fields.get(i)?;
            return crate::engine::default_value(field.default);
        }
        private::Sealed::field(self.request, i)
    }

    #[inline(always)]
    fn present(&self) -> u32 {
        self.present
    }

    #[inline(always)]
    fn fill_default(&mut self, i: usize, value: Value<'static>) {
        debug_assert!(
            R::ENDPOINT
                .spec()
                .fields
                .get(i)
                .map(|f| crate::engine::default_value(f.default))
                == Some(Some(value)),
            "the engine gives the table's default"
        );
        let bit = 1u32.checked_shl(i as u32).unwrap_or(0);
        self.defaulted |= bit;
        self.present |= bit;
    }

    #[inline(always)]
    fn rewrite(&mut self, _: usize, _: &'static str) {
        self.rewritten = true;
    }

    #[inline(always)]
    fn leave_out(&mut self, _: usize) {
        self.rewritten = true;
    }
}

fn text(v: &str) -> Option<Value<'_>> {
    Some(Value::Str(Cow::Borrowed(v)))
}
fn opt_text<'a>(v: &'a Option<Cow<'_, str>>) -> Option<Value<'a>> {
    v.as_deref().map(|s| Value::Str(Cow::Borrowed(s)))
}
fn opt_bool(v: &Option<bool>) -> Option<Value<'static>> {
    v.map(Value::Bool)
}
fn opt_u32(v: &Option<u32>) -> Option<Value<'static>> {
    v.map(|n| Value::Int(i64::from(n)))
}
fn opt_i64(v: &Option<i64>) -> Option<Value<'static>> {
    v.map(Value::Int)
}
fn list<'a>(v: &'a [Cow<'a, str>]) -> Option<Value<'a>> {
    (!v.is_empty()).then_some(Value::List(List::Borrowed(v)))
}

/// A field's value with every string it borrows copied: what
/// `into_owned` does to each field.
trait IntoStatic {
    type Static;
    fn into_static(self) -> Self::Static;
}

impl IntoStatic for Cow<'_, str> {
    type Static = Cow<'static, str>;
    fn into_static(self) -> Cow<'static, str> {
        Cow::Owned(self.into_owned())
    }
}

impl<T: IntoStatic> IntoStatic for Option<T> {
    type Static = Option<T::Static>;
    fn into_static(self) -> Self::Static {
        self.map(T::into_static)
    }
}

impl<T: IntoStatic> IntoStatic for Vec<T> {
    type Static = Vec<T::Static>;
    fn into_static(self) -> Self::Static {
        self.into_iter().map(T::into_static).collect()
    }
}

macro_rules! static_as_is {
    ($($t:ty),*) => {$(
        impl IntoStatic for $t {
            type Static = $t;
            fn into_static(self) -> $t {
                self
            }
        }
    )*};
}
static_as_is!(bool, u32, i64);

// Every value of a typed request is borrowed: `Slots::put` holds it. The
// list of fields is the struct's whole list (`into_owned` builds the struct
// from it, so the compiler holds it to that).
macro_rules! typed_request {
    ($ty:ident, $endpoint:expr, $table:ident, { $($field:ident => $name:literal : $conv:ident),* $(,)? }) => {
        impl Request for $ty<'_> {
            const ENDPOINT: Endpoint = $endpoint;
        }

        impl $ty<'_> {
            /// The same request with every string it borrows copied, so that
            /// it outlives the text it was read from (see
            /// [`OwnedRequest`], which deserializes into this).
            pub fn into_owned(self) -> $ty<'static> {
                $ty { $($field: IntoStatic::into_static(self.$field)),* }
            }
        }

        /// Reads the request as it borrows, then copies what it borrowed.
        #[cfg(feature = "serde")]
        impl<'de> serde::Deserialize<'de> for OwnedRequest<$ty<'static>> {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                <$ty<'de> as serde::Deserialize<'de>>::deserialize(d)
                    .map(|r| OwnedRequest(r.into_owned()))
            }
        }
        impl private::Sealed for $ty<'_> {
            #[inline(always)]
            fn fill<'s>(&'s self, s: &mut Slots<'s>) {
                // The slots are empty: only the fields given are written.
                $(
                    if let Some(v) = $conv(&self.$field) {
                        s.put(const { ix(&tables::$table::FIELDS, $name) }, Some(v));
                    }
                )*
            }

            #[inline(always)]
            fn field(&self, i: usize) -> Option<Value<'_>> {
                $(
                    if i == const { ix(&tables::$table::FIELDS, $name) } {
                        return $conv(&self.$field);
                    }
                )*
                None
            }

            #[inline(always)]
            fn given(&self) -> u32 {
                let mut given = 0;
                $(
                    if $conv(&self.$field).is_some() {
                        given |= 1 << const { ix(&tables::$table::FIELDS, $name) };
                    }
                )*
                given
            }

            #[cfg(not(target_family = "wasm"))]
            #[inline(always)]
            fn quick_quote<'b>(
                &self,
                book: &'b str,
                prices: &'b crate::price::EndpointPrices,
                balance: Option<u64>,
            ) -> Option<crate::price::Quote<'b>> {
                crate::engine::quote_typed::<{ $endpoint.index() }, Self>(self, book, prices, balance)
            }
        }
    };
}

/// A body for `seedanceapi-v1` (`POST /v1/generate`, Seedance 1.5 Pro).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SeedanceApiV1Request<'a> {
    /// Text description of the video (1-2000 characters).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub prompt: Cow<'a, str>,
    /// `1:1 16:9 9:16 4:3 3:4 21:9 9:21`; default `1:1`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub aspect_ratio: Option<Cow<'a, str>>,
    /// `480p` or `720p`; default `720p`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub resolution: Option<Cow<'a, str>>,
    /// `"4"`, `"8"` or `"12"` (a string on the wire); default `"8"`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt_digits"
        )
    )]
    pub duration: Option<Cow<'a, str>>,
    /// Audio generation; default false.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub generate_audio: Option<bool>,
    /// Lock the camera lens; default false.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub fixed_lens: Option<bool>,
    /// At most one reference image URL (image-to-video).
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "borrowed::list"
        )
    )]
    pub image_urls: Vec<Cow<'a, str>>,
    /// Public webhook URL.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub callback_url: Option<Cow<'a, str>>,
}

typed_request!(SeedanceApiV1Request, Endpoint::SeedanceApiV1, seedanceapi_v1, {
    prompt => "prompt": text, aspect_ratio => "aspect_ratio": opt_text,
    resolution => "resolution": opt_text, duration => "duration": opt_text,
    generate_audio => "generate_audio": opt_bool, fixed_lens => "fixed_lens": opt_bool,
    image_urls => "image_urls": list, callback_url => "callback_url": opt_text,
});

/// A body for `seedanceapi-v2` (`POST /v2/generate`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SeedanceApiV2Request<'a> {
    /// Text prompt (1-2000 characters).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub prompt: Cow<'a, str>,
    /// `seedance-2.0` (default), `seedance-2.0-fast` or `seedance-2-mini`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub model: Option<Cow<'a, str>>,
    /// Seconds: 5, 10 or 15 for 2.0 and Fast; 4-15 for Mini. Default 5.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt_seconds"
        )
    )]
    pub duration: Option<u32>,
    /// `480p`, `720p` or `1080p` (Mini: 1080p is billed and sent as 720p); default `720p`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub resolution: Option<Cow<'a, str>>,
    /// `16:9 9:16 4:3 3:4`, Mini also `1:1 21:9 adaptive`; default `16:9` for text-to-video.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub aspect_ratio: Option<Cow<'a, str>>,
    /// 1-4 http(s) image URLs (image-to-video).
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "borrowed::list"
        )
    )]
    pub images: Vec<Cow<'a, str>>,
    /// Mini only: reference video URLs (priced at the video-input rate).
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "borrowed::list"
        )
    )]
    pub reference_video_urls: Vec<Cow<'a, str>>,
    /// Mini only: reference audio URLs.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "borrowed::list"
        )
    )]
    pub reference_audio_urls: Vec<Cow<'a, str>>,
    /// Public webhook URL.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub callback_url: Option<Cow<'a, str>>,
    /// Gallery visibility.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub public: Option<bool>,
}

typed_request!(SeedanceApiV2Request, Endpoint::SeedanceApiV2, seedanceapi_v2, {
    prompt => "prompt": text, model => "model": opt_text, duration => "duration": opt_u32,
    resolution => "resolution": opt_text, aspect_ratio => "aspect_ratio": opt_text,
    images => "images": list, reference_video_urls => "reference_video_urls": list,
    reference_audio_urls => "reference_audio_urls": list, callback_url => "callback_url": opt_text,
    public => "public": opt_bool,
});

/// A body for `seedance2ai-video` (`POST /api/v1/video/seedance`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Seedance2aiVideoRequest<'a> {
    /// `text-to-video` (default), `image-to-video` or `media-to-video`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub mode: Option<Cow<'a, str>>,
    /// `standard` (default) or `pro`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub quality_tier: Option<Cow<'a, str>>,
    /// `standard` (default), `real` or `wild`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub channel: Option<Cow<'a, str>>,
    /// Text prompt (3-10000 characters).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub prompt: Cow<'a, str>,
    /// `1:1 21:9 4:3 3:4 16:9 9:16`; default `16:9`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub aspect_ratio: Option<Cow<'a, str>>,
    /// `"4"` to `"15"` (a string on the wire); default `"5"`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt_digits"
        )
    )]
    pub duration: Option<Cow<'a, str>>,
    /// `720p` (default) or `1080p`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub resolution: Option<Cow<'a, str>>,
    /// Start frame, a public https URL; required for image-to-video.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub image_url: Option<Cow<'a, str>>,
    /// End frame, a public https URL.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub end_image_url: Option<Cow<'a, str>>,
    /// 1-12 public https URLs; required for media-to-video.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "borrowed::list"
        )
    )]
    pub media_urls: Vec<Cow<'a, str>>,
    /// Audio track; default true.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub generate_audio: Option<bool>,
    /// Lock the camera lens; default false.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub fixed_lens: Option<bool>,
    /// -1 to 4294967295; not on the `real` channel.
    #[cfg_attr(
        feature = "serde",
        serde(
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt_int"
        )
    )]
    pub seed: Option<i64>,
}

typed_request!(Seedance2aiVideoRequest, Endpoint::Seedance2aiVideo, seedance2ai_video, {
    mode => "mode": opt_text, quality_tier => "quality_tier": opt_text, channel => "channel": opt_text,
    prompt => "prompt": text, aspect_ratio => "aspect_ratio": opt_text, duration => "duration": opt_text,
    resolution => "resolution": opt_text, image_url => "image_url": opt_text,
    end_image_url => "end_image_url": opt_text, media_urls => "media_urls": list,
    generate_audio => "generate_audio": opt_bool, fixed_lens => "fixed_lens": opt_bool, seed => "seed": opt_i64,
});

/// A body for `seedance2ai-gpt-image-2` (`POST /api/v1/image/gpt-image-2`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Seedance2aiGptImage2Request<'a> {
    /// `text-to-image` or `image-to-image` (required).
    #[cfg_attr(feature = "serde", serde(rename = "type", borrow))]
    pub kind: Cow<'a, str>,
    /// `standard` (default) or `economy`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub channel: Option<Cow<'a, str>>,
    /// Text prompt (3-20000 characters).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub prompt: Cow<'a, str>,
    /// `1K`, `2K` or `4K` (required).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub resolution: Cow<'a, str>,
    /// `auto` (1K only) or one of fifteen ratios (required).
    #[cfg_attr(feature = "serde", serde(rename = "aspectRatio", borrow))]
    pub aspect_ratio: Cow<'a, str>,
    /// Number of images, 1-4; default 1.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "batchCount",
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt_int"
        )
    )]
    pub batch_count: Option<u32>,
    /// 1-10 public https URLs; required for image-to-image.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            rename = "imageUrls",
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "borrowed::list"
        )
    )]
    pub image_urls: Vec<Cow<'a, str>>,
}

typed_request!(Seedance2aiGptImage2Request, Endpoint::Seedance2aiGptImage2, seedance2ai_gpt_image_2, {
    kind => "type": text, channel => "channel": opt_text, prompt => "prompt": text,
    resolution => "resolution": text, aspect_ratio => "aspectRatio": text,
    batch_count => "batchCount": opt_u32, image_urls => "imageUrls": list,
});

/// A body for `seedance2ai-nano-banana-pro` (`POST /api/v1/image/nano-banana-pro`).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Seedance2aiNanoBananaProRequest<'a> {
    /// `text-to-image` or `image-to-image` (required).
    #[cfg_attr(feature = "serde", serde(rename = "type", borrow))]
    pub kind: Cow<'a, str>,
    /// Text prompt (3-10000 characters).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub prompt: Cow<'a, str>,
    /// Aspect ratio, `auto` (default) or one of ten.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub image_size: Option<Cow<'a, str>>,
    /// `png` (default) or `jpeg`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub output_format: Option<Cow<'a, str>>,
    /// `1K` (default), `2K` or `4K`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub resolution: Option<Cow<'a, str>>,
    /// 1-8 public https URLs; required for image-to-image.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Vec::is_empty",
            deserialize_with = "borrowed::list"
        )
    )]
    pub image_urls: Vec<Cow<'a, str>>,
}

typed_request!(Seedance2aiNanoBananaProRequest, Endpoint::Seedance2aiNanoBananaPro, seedance2ai_nano_banana_pro, {
    kind => "type": text, prompt => "prompt": text, image_size => "image_size": opt_text,
    output_format => "output_format": opt_text, resolution => "resolution": opt_text,
    image_urls => "image_urls": list,
});

/// A body for `apiinone-videos` (`POST /api/v1/videos/generations`) with `seedance-1-5-pro`.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct ApiinoneVideosRequest<'a> {
    /// `seedance-1-5-pro` (required).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub model: Cow<'a, str>,
    /// Text description of the video (required).
    #[cfg_attr(feature = "serde", serde(borrow))]
    pub prompt: Cow<'a, str>,
    /// Reference image URL (image-to-video).
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub image: Option<Cow<'a, str>>,
    /// `16:9` (default), `9:16`, `4:3`, `3:4` or `1:1`.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub aspect_ratio: Option<Cow<'a, str>>,
    /// `480p` or `720p` (default).
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub resolution: Option<Cow<'a, str>>,
    /// `"4"`, `"8"` (default) or `"12"` (a string on the wire).
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt_digits"
        )
    )]
    pub duration: Option<Cow<'a, str>>,
    /// Audio generation; default false.
    #[cfg_attr(
        feature = "serde",
        serde(
            rename = "generateAudio",
            default,
            skip_serializing_if = "Option::is_none"
        )
    )]
    pub generate_audio: Option<bool>,
    /// Lock the camera; default false.
    #[cfg_attr(
        feature = "serde",
        serde(rename = "fixedLens", default, skip_serializing_if = "Option::is_none")
    )]
    pub fixed_lens: Option<bool>,
    /// Webhook URL.
    #[cfg_attr(
        feature = "serde",
        serde(
            borrow,
            default,
            skip_serializing_if = "Option::is_none",
            deserialize_with = "borrowed::opt"
        )
    )]
    pub callback_url: Option<Cow<'a, str>>,
}

typed_request!(ApiinoneVideosRequest, Endpoint::ApiinoneVideos, apiinone_videos, {
    model => "model": text, prompt => "prompt": text, image => "image": opt_text,
    aspect_ratio => "aspect_ratio": opt_text, resolution => "resolution": opt_text,
    duration => "duration": opt_text, generate_audio => "generateAudio": opt_bool,
    fixed_lens => "fixedLens": opt_bool, callback_url => "callback_url": opt_text,
});

/// Deserializers that borrow strings from the input where they can (a JSON
/// string without escapes), for the optional and list fields: serde borrows
/// a bare `Cow<str>` field marked `borrow` by itself, but not one inside an
/// `Option` or a `Vec`.
#[cfg(feature = "serde")]
mod borrowed {
    use std::borrow::Cow;
    use std::fmt;

    use serde::de::{self, Deserialize, Deserializer, Visitor};

    /// A string, borrowed where the input allows; with `digits`, a JSON
    /// integer too, read as its digits.
    struct Text {
        digits: bool,
    }

    impl<'de> Visitor<'de> for Text {
        type Value = Cow<'de, str>;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str(match self.digits {
                true => "a duration: a string of digits, or an integer",
                false => "a string",
            })
        }

        fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Cow::Borrowed(v))
        }

        fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v.to_owned()))
        }

        fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
            Ok(Cow::Owned(v))
        }

        fn visit_i64<E: de::Error>(self, n: i64) -> Result<Self::Value, E> {
            match self.digits {
                true => Ok(Cow::Owned(n.to_string())),
                false => Err(E::invalid_type(de::Unexpected::Signed(n), &self)),
            }
        }

        fn visit_u64<E: de::Error>(self, n: u64) -> Result<Self::Value, E> {
            match (self.digits, i64::try_from(n)) {
                (true, Ok(_)) => Ok(Cow::Owned(n.to_string())),
                // Past 2^63 - 1: `check` reads no integer past 64 bits
                // (signed) as a value of any field, a `type` violation, so
                // it is no request here either.
                (true, Err(_)) => Err(E::invalid_value(
                    de::Unexpected::Unsigned(n),
                    &"an integer of at most 2^63 - 1",
                )),
                (false, _) => Err(E::invalid_type(de::Unexpected::Unsigned(n), &self)),
            }
        }

        fn visit_f64<E: de::Error>(self, x: f64) -> Result<Self::Value, E> {
            match (self.digits, whole(x)) {
                (true, Some(n)) => Ok(Cow::Owned(n.to_string())),
                _ => Err(E::invalid_type(de::Unexpected::Float(x), &self)),
            }
        }
    }

    /// A whole number that serde_json hands over as a float (`10.0`,
    /// `1e1`), as `check` reads its text: an integer. Held below 2^53,
    /// where a float holds every integer and no other integer rounds to
    /// one. What serde_json rounded before it came here cannot be seen:
    /// `10.0000000000000001` comes as 10 and `1e-400` as 0, which `check`,
    /// reading the digits, refuses.
    fn whole(x: f64) -> Option<i64> {
        const EXACT: f64 = 9_007_199_254_740_992.0;
        // In range and whole (checked), so the cast is exact.
        (x.is_finite() && x == x.trunc() && x.abs() < EXACT).then_some(x as i64)
    }

    /// An integer: a JSON integer, or a whole number written with a
    /// fraction or an exponent, which `check` reads as the integer it is;
    /// with `digits`, also a string of its digits (v2's duration).
    struct Int<T> {
        digits: bool,
        of: std::marker::PhantomData<T>,
    }

    impl<T: TryFrom<i64> + TryFrom<u64>> Visitor<'_> for Int<T> {
        type Value = T;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            // The field's type (`u32`, `i64`) says the range.
            let of = std::any::type_name::<T>();
            match self.digits {
                true => write!(
                    f,
                    "a duration: a {of} of seconds, or its digits as a string"
                ),
                false => write!(f, "an integer that fits a {of}"),
            }
        }

        fn visit_i64<E: de::Error>(self, n: i64) -> Result<T, E> {
            T::try_from(n).map_err(|_| E::invalid_value(de::Unexpected::Signed(n), &self))
        }

        fn visit_u64<E: de::Error>(self, n: u64) -> Result<T, E> {
            T::try_from(n).map_err(|_| E::invalid_value(de::Unexpected::Unsigned(n), &self))
        }

        fn visit_f64<E: de::Error>(self, x: f64) -> Result<T, E> {
            match whole(x) {
                Some(n) => self.visit_i64(n),
                None => Err(E::invalid_type(de::Unexpected::Float(x), &self)),
            }
        }

        /// An optional sign, then decimal digits, as `str::parse` reads an
        /// integer and `check` reads a duration sent as a string (`"10"`,
        /// `"010"`, `"+10"`; not `" 10"` or `"10.0"`).
        fn visit_str<E: de::Error>(self, s: &str) -> Result<T, E> {
            match (self.digits, crate::value::parse_i64(s)) {
                (true, Some(n)) => self.visit_i64(n),
                (true, None) => Err(E::invalid_value(de::Unexpected::Str(s), &self)),
                (false, _) => Err(E::invalid_type(de::Unexpected::Str(s), &self)),
            }
        }
    }

    /// An integer field (`seed`, `batchCount`).
    struct Integer<T>(T);

    impl<'de, T: TryFrom<i64> + TryFrom<u64>> Deserialize<'de> for Integer<T> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let of = std::marker::PhantomData;
            d.deserialize_any(Int { digits: false, of }).map(Integer)
        }
    }

    pub fn opt_int<'de, T: TryFrom<i64> + TryFrom<u64>, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<T>, D::Error> {
        Ok(Option::<Integer<T>>::deserialize(d)?.map(|n| n.0))
    }

    struct Str<'a>(Cow<'a, str>);

    impl<'de: 'a, 'a> Deserialize<'de> for Str<'a> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_str(Text { digits: false }).map(Str)
        }
    }

    pub fn opt<'de: 'a, 'a, D: Deserializer<'de>>(d: D) -> Result<Option<Cow<'a, str>>, D::Error> {
        Ok(Option::<Str<'a>>::deserialize(d)?.map(|s| s.0))
    }

    pub fn list<'de: 'a, 'a, D: Deserializer<'de>>(d: D) -> Result<Vec<Cow<'a, str>>, D::Error> {
        Ok(Vec::<Str<'a>>::deserialize(d)?
            .into_iter()
            .map(|s| s.0)
            .collect())
    }

    /// A duration the document shows as a string (`"8"`), or sent as a
    /// JSON integer, which is read as its digits: what `check` sends (with
    /// a `COERCED_TYPE` warning there).
    struct Digits<'a>(Cow<'a, str>);

    impl<'de: 'a, 'a> Deserialize<'de> for Digits<'a> {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            d.deserialize_any(Text { digits: true }).map(Digits)
        }
    }

    pub fn opt_digits<'de: 'a, 'a, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Cow<'a, str>>, D::Error> {
        Ok(Option::<Digits<'a>>::deserialize(d)?.map(|s| s.0))
    }

    /// A duration the document shows as an integer, or sent as a string
    /// that `check` reads as one, with a `COERCED_TYPE` warning there.
    struct Seconds(u32);

    impl<'de> Deserialize<'de> for Seconds {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
            let of = std::marker::PhantomData;
            d.deserialize_any(Int { digits: true, of }).map(Seconds)
        }
    }

    pub fn opt_seconds<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u32>, D::Error> {
        Ok(Option::<Seconds>::deserialize(d)?.map(|s| s.0))
    }
}

macro_rules! with_prompt {
    ($($ty:ident),*) => {$(
        impl<'a> $ty<'a> {
            /// A body with this prompt and every other field left to its default.
            pub fn new(prompt: impl Into<Cow<'a, str>>) -> Self {
                $ty { prompt: prompt.into(), ..Default::default() }
            }
        }
    )*};
}

with_prompt!(
    SeedanceApiV1Request,
    SeedanceApiV2Request,
    Seedance2aiVideoRequest
);

/// `type`'s two values, as the tables list them.
const TEXT_TO_IMAGE: &str = tables::seedance2ai_gpt_image_2::TYPES[0];
const IMAGE_TO_IMAGE: &str = tables::seedance2ai_gpt_image_2::TYPES[1];
const _: () = assert!(
    str_eq(TEXT_TO_IMAGE, tables::seedance2ai_nano_banana_pro::TYPES[0])
        && str_eq(
            IMAGE_TO_IMAGE,
            tables::seedance2ai_nano_banana_pro::TYPES[1]
        )
);

impl<'a> Seedance2aiGptImage2Request<'a> {
    /// A `text-to-image` body with its required fields (`resolution`
    /// `1K`, `2K` or `4K`; `aspectRatio` `auto` at 1K, or a ratio such as
    /// `16:9`) and the others left to their defaults.
    pub fn text_to_image(
        prompt: impl Into<Cow<'a, str>>,
        resolution: impl Into<Cow<'a, str>>,
        aspect_ratio: impl Into<Cow<'a, str>>,
    ) -> Self {
        Seedance2aiGptImage2Request {
            kind: Cow::Borrowed(TEXT_TO_IMAGE),
            prompt: prompt.into(),
            resolution: resolution.into(),
            aspect_ratio: aspect_ratio.into(),
            ..Default::default()
        }
    }

    /// An `image-to-image` body: [`text_to_image`](Self::text_to_image)'s
    /// fields and the images to start from (`imageUrls`, 1 to 10 public
    /// https URLs).
    pub fn image_to_image<U: Into<Cow<'a, str>>>(
        prompt: impl Into<Cow<'a, str>>,
        resolution: impl Into<Cow<'a, str>>,
        aspect_ratio: impl Into<Cow<'a, str>>,
        image_urls: impl IntoIterator<Item = U>,
    ) -> Self {
        Seedance2aiGptImage2Request {
            kind: Cow::Borrowed(IMAGE_TO_IMAGE),
            image_urls: image_urls.into_iter().map(Into::into).collect(),
            ..Self::text_to_image(prompt, resolution, aspect_ratio)
        }
    }
}

impl<'a> Seedance2aiNanoBananaProRequest<'a> {
    /// A `text-to-image` body with every other field left to its default.
    pub fn text_to_image(prompt: impl Into<Cow<'a, str>>) -> Self {
        Seedance2aiNanoBananaProRequest {
            kind: Cow::Borrowed(TEXT_TO_IMAGE),
            prompt: prompt.into(),
            ..Default::default()
        }
    }

    /// An `image-to-image` body: the prompt and the images to start from
    /// (`image_urls`, 1 to 8 public https URLs).
    pub fn image_to_image<U: Into<Cow<'a, str>>>(
        prompt: impl Into<Cow<'a, str>>,
        image_urls: impl IntoIterator<Item = U>,
    ) -> Self {
        Seedance2aiNanoBananaProRequest {
            kind: Cow::Borrowed(IMAGE_TO_IMAGE),
            image_urls: image_urls.into_iter().map(Into::into).collect(),
            ..Self::text_to_image(prompt)
        }
    }
}

impl<'a> ApiinoneVideosRequest<'a> {
    /// A body for `seedance-1-5-pro` with this prompt and every other field
    /// left to its default.
    pub fn new(prompt: impl Into<Cow<'a, str>>) -> Self {
        ApiinoneVideosRequest {
            model: Cow::Borrowed(tables::apiinone_videos::MODELS[0]),
            prompt: prompt.into(),
            ..Default::default()
        }
    }
}

#[cfg(all(test, not(target_family = "wasm")))]
mod tests {
    use super::private::Sealed;
    use super::*;

    /// An owned request is quoted where it stands, as the request it holds
    /// is: its fields, the bits of those given and the quote are the
    /// request's. (Without the hot path, the report gives the same quote,
    /// so only this test sees it lost.)
    #[test]
    fn an_owned_request_is_quoted_where_it_stands_as_the_request_it_holds() {
        let checker = crate::Checker::new();
        let (name, prices) = checker.prices(Endpoint::SeedanceApiV2);
        let request = crate::SeedanceApiV2Request {
            model: Some("seedance-2-mini".into()),
            duration: Some(8),
            resolution: Some("720p".into()),
            ..crate::SeedanceApiV2Request::new("A kite over the sea")
        };
        let owned = OwnedRequest(request.clone());
        assert_eq!(owned.given(), request.given());
        for i in 0..tables::seedanceapi_v2::FIELDS.len() {
            assert_eq!(owned.field(i), request.field(i), "field {i}");
        }
        let quote = |q: Option<crate::price::Quote<'_>>| q.map(|q| format!("{q:?}"));
        let quick = quote(owned.quick_quote(name, prices, None));
        assert!(quick.is_some());
        assert_eq!(quick, quote(request.quick_quote(name, prices, None)));
        // 246 credits: ceil(20.5 × 3/2 × 8).
        assert!(quick.unwrap().contains("246"));
    }
}
