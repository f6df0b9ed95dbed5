//! "Did you mean" for unknown fields: a misspelt field is ignored by the
//! provider, falls back to its default and can change the price.

use crate::message::message;
use crate::spec::{DefaultValue, EndpointSpec};

/// The known field closest to `name`, if one is close: the same letters but
/// for case, `_`, `-` and a last `s`, `url` or `urls` (`generate_audio` and
/// `generateAudio`; `images`, `image_urls`, `imageUrls` and `image`, the
/// names the providers give one input), or else at most two edits away, case,
/// `_` and `-` aside (`duraton`, `aspect_ration`, `callback_uri`). Makes no
/// heap allocation: a body of many unknown keys costs a pass over each key
/// and each field name, not strings built for every pair.
pub(crate) fn closest(spec: &EndpointSpec, name: &str) -> Option<&'static str> {
    let wanted = Squashed::of(name)?;
    let limit = if wanted.len <= 4 { 1 } else { 2 };
    spec.fields
        .iter()
        .filter_map(|f| {
            let known = Squashed::of(f.name)?;
            let (known, wanted) = (known.as_slice(), wanted.as_slice());
            let d = if stem(known) == stem(wanted) {
                0
            } else {
                edit_distance(known, wanted)
            };
            Some((d, f.name))
        })
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
}

/// The one endpoint id an unknown id most likely meant, if one fits better
/// than the rest: the same id but for case, `_` and `-` (`seedanceapi_v2`);
/// else one that contains it (`v2`, `nano-banana`, `apiinone`: a provider or
/// a route alone); else one at most two edits away (`seedance2ai-vidoe`).
/// `seedanceapi-v3`, as close to v1 as to v2, gets none: the message lists
/// every id anyway.
#[cfg(not(target_family = "wasm"))]
pub(crate) fn closest_endpoint(id: &str) -> Option<&'static str> {
    let wanted = Squashed::of(id).filter(|w| w.len >= 2)?;
    let wanted = wanted.as_slice();
    // The best rank yet, its id, and whether another id shares it.
    let (mut best, mut meant, mut tied) = (u8::MAX, None, false);
    for e in crate::Endpoint::ALL {
        let Some(known) = Squashed::of(e.id()) else {
            continue;
        };
        let known = known.as_slice();
        let rank = if known == wanted {
            0
        } else if known.windows(wanted.len()).any(|w| w == wanted) {
            1
        } else if edit_distance(known, wanted) <= 2 {
            2
        } else {
            continue;
        };
        if rank < best {
            (best, meant, tied) = (rank, Some(e.id()), false);
        } else if rank == best {
            tied = true;
        }
    }
    meant.filter(|_| !tied)
}

/// A name as it is compared: without `_` and `-`, ASCII letters in lower
/// case (field names are ASCII; other characters are kept as they are).
fn squash(s: &str) -> impl Iterator<Item = char> + '_ {
    s.chars()
        .filter(|c| !matches!(c, '_' | '-'))
        .map(|c| c.to_ascii_lowercase())
}

/// The longest squashed name compared: every field name is shorter, so a
/// longer key is more than two edits from all of them.
const MAX_CHARS: usize = 32;

/// A squashed name without a last `s`, `url` or `urls`.
fn stem(name: &[char]) -> &[char] {
    match name {
        [stem @ .., 'u', 'r', 'l', 's'] | [stem @ .., 'u', 'r', 'l'] | [stem @ .., 's'] => stem,
        _ => name,
    }
}

/// A squashed name of at most [`MAX_CHARS`] characters, on the stack.
struct Squashed {
    chars: [char; MAX_CHARS],
    len: usize,
}

impl Squashed {
    fn of(s: &str) -> Option<Squashed> {
        let mut out = Squashed {
            chars: ['\0'; MAX_CHARS],
            len: 0,
        };
        for c in squash(s) {
            *out.chars.get_mut(out.len)? = c;
            out.len += 1;
        }
        Some(out)
    }

    fn as_slice(&self) -> &[char] {
        self.chars.get(..self.len).unwrap_or_default()
    }
}

/// The warning for an unknown field; `given(i)` tells whether field `i` of
/// the table is in the body, so that the message says when a misspelling
/// leaves the real field at its default.
pub(crate) fn unknown_field_message(
    spec: &EndpointSpec,
    name: &str,
    given: impl Fn(usize) -> bool,
) -> String {
    let shown = crate::body::clip(name);
    let Some(known) = closest(spec, name) else {
        return message!("`{}` is not a field of {} and is ignored", shown, spec.id);
    };
    let fallback = match spec.field_index(known) {
        Some(i) if !given(i) => match spec.fields[i].default {
            DefaultValue::None => message!(" (so `{}` is not sent)", known),
            DefaultValue::Str(v) => message!(" (so `{}` stays at its default, \"{}\")", known, v),
            DefaultValue::Bool(v) => message!(" (so `{}` stays at its default, {})", known, v),
            DefaultValue::Int(v) => message!(" (so `{}` stays at its default, {})", known, v),
        },
        _ => String::new(),
    };
    message!(
        "`{}` is not a field of {} and is ignored{}; did you mean `{}`?",
        shown,
        spec.id,
        fallback,
        known
    )
}

/// Optimal string alignment distance (Damerau–Levenshtein with adjacent
/// swaps), row by row: the last three rows of the table are all it reads.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    if a.len().abs_diff(b.len()) > 2 {
        return usize::MAX;
    }
    const W: usize = MAX_CHARS + 1;
    // Rows i - 2, i - 1 and i of the table, each `b.len() + 1` wide. A
    // distance is at most `MAX_CHARS`, so a byte holds it.
    let (mut older, mut prev, mut row) = ([0u8; W], [0u8; W], [0u8; W]);
    for (j, cell) in (0..).zip(prev.iter_mut()) {
        *cell = j;
    }
    for ((i, &ca), first) in a.iter().enumerate().zip(1..) {
        row[0] = first;
        for (j, &cb) in b.iter().enumerate() {
            let mut v = (prev[j + 1] + 1)
                .min(row[j] + 1)
                .min(prev[j] + u8::from(ca != cb));
            if i > 0 && j > 0 && ca == b[j - 1] && a[i - 1] == cb {
                v = v.min(older[j - 1] + 1);
            }
            row[j + 1] = v;
        }
        (older, prev) = (prev, row);
    }
    usize::from(prev[b.len()])
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The table of the distance, written out whole, as a reference.
    fn reference(a: &[char], b: &[char]) -> usize {
        let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
        for (i, row) in d.iter_mut().enumerate() {
            row[0] = i;
        }
        for (j, cell) in d[0].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut v = (d[i - 1][j] + 1)
                    .min(d[i][j - 1] + 1)
                    .min(d[i - 1][j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    v = v.min(d[i - 2][j - 2] + 1);
                }
                d[i][j] = v;
            }
        }
        d[a.len()][b.len()]
    }

    #[test]
    fn the_rolling_rows_give_the_whole_tables_distance() {
        // Every pair of strings over a three-letter alphabet up to length 6
        // whose lengths differ by at most two, and a few longer ones.
        let mut words = vec![String::new()];
        for len in 1..=6 {
            let mut next = Vec::new();
            for w in words.iter().filter(|w| w.chars().count() == len - 1) {
                for c in ['a', 'b', 'c'] {
                    next.push(format!("{w}{c}"));
                }
            }
            words.extend(next);
        }
        words.extend(
            [
                "durations",
                "duration",
                "aspectration",
                "aspectratio",
                "abcdefghijklmnopqrstuvwxyzabcdef",
            ]
            .map(String::from),
        );
        let mut pairs = 0;
        for a in &words {
            for b in words.iter().step_by(7) {
                let (sa, sb) = (Squashed::of(a).unwrap(), Squashed::of(b).unwrap());
                let want = reference(sa.as_slice(), sb.as_slice());
                let got = edit_distance(sa.as_slice(), sb.as_slice());
                if sa.len.abs_diff(sb.len) <= 2 {
                    assert_eq!(got, want, "{a} {b}");
                    pairs += 1;
                } else {
                    assert_eq!(got, usize::MAX, "{a} {b}");
                }
            }
        }
        assert!(pairs > 10_000, "{pairs}");
        assert!(Squashed::of(&"a".repeat(MAX_CHARS + 1)).is_none());
        assert!(Squashed::of(&"a_".repeat(MAX_CHARS)).is_some());
    }

    /// The rows hold names of the longest length compared, [`MAX_CHARS`]
    /// (no field or endpoint name is that long, so only this test reaches
    /// it).
    #[test]
    fn the_rolling_rows_hold_names_of_the_longest_length_compared() {
        let long = "abcdefghijklmnopqrstuvwxyzabcdef";
        for (a, b) in [
            (long, long),
            (long, "bacdefghijklmnopqrstuvwxyzabcdfe"),
            ("abcdefghijklmnopqrstuvwxyzabcd", long),
        ] {
            let (sa, sb) = (Squashed::of(a).unwrap(), Squashed::of(b).unwrap());
            assert_eq!(sb.len, MAX_CHARS);
            assert_eq!(
                edit_distance(sa.as_slice(), sb.as_slice()),
                reference(sa.as_slice(), sb.as_slice()),
                "{a} {b}"
            );
        }
    }

    #[test]
    fn another_providers_name_for_an_input_suggests_this_ones() {
        use crate::Endpoint::*;
        for (endpoint, given, known) in [
            (SeedanceApiV2, "image_urls", "images"),
            (SeedanceApiV2, "imageUrls", "images"),
            (SeedanceApiV2, "image", "images"),
            (SeedanceApiV1, "images", "image_urls"),
            (ApiinoneVideos, "image_url", "image"),
            (ApiinoneVideos, "images", "image"),
            (Seedance2aiVideo, "image", "image_url"),
            (Seedance2aiVideo, "end_image", "end_image_url"),
            (Seedance2aiVideo, "media", "media_urls"),
            (Seedance2aiGptImage2, "image_urls", "imageUrls"),
            (Seedance2aiNanoBananaPro, "imageUrls", "image_urls"),
            (SeedanceApiV2, "callbackUrl", "callback_url"),
            (SeedanceApiV2, "durations", "duration"),
            (SeedanceApiV2, "duraton", "duration"),
            (SeedanceApiV2, "aspect_ration", "aspect_ratio"),
            // Typos in the ending the stems leave out.
            (SeedanceApiV2, "callback_uri", "callback_url"),
            (SeedanceApiV2, "callback_ulr", "callback_url"),
            (SeedanceApiV1, "image_urll", "image_urls"),
            (Seedance2aiGptImage2, "imageUris", "imageUrls"),
            (Seedance2aiVideo, "media_ulrs", "media_urls"),
            (Seedance2aiVideo, "moods", "mode"),
            (SeedanceApiV2, "proms", "prompt"),
            (Seedance2aiVideo, "generateAudio", "generate_audio"),
        ] {
            assert_eq!(
                closest(endpoint.spec(), given),
                Some(known),
                "{endpoint} {given}"
            );
        }
        for (endpoint, given) in [
            (SeedanceApiV2, "urls"),
            (SeedanceApiV2, "s"),
            (SeedanceApiV2, "video"),
        ] {
            assert_eq!(closest(endpoint.spec(), given), None, "{endpoint} {given}");
        }
    }

    #[test]
    fn no_field_name_is_longer_than_the_names_compared() {
        for e in crate::Endpoint::ALL {
            for f in e.spec().fields.iter() {
                assert!(squash(f.name).count() + 2 < MAX_CHARS, "{}", f.name);
            }
        }
    }
}
