//! "Did you mean" for unknown fields: a misspelt field is ignored by the
//! provider, falls back to its default and can change the price.

use crate::spec::{DefaultValue, EndpointSpec};

/// The known field closest to `name`, if one is close: the same letters but
/// for case, `_` and `-` (`generate_audio` and `generateAudio`), or at most
/// two edits away (`durations`, `aspect_ration`).
pub(crate) fn closest(spec: &EndpointSpec, name: &str) -> Option<&'static str> {
    let squash = |s: &str| -> String {
        // Field names are ASCII; other characters are kept as they are.
        s.chars()
            .filter(|c| !matches!(c, '_' | '-'))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let wanted = squash(name);
    if let Some(f) = spec.fields.iter().find(|f| squash(f.name) == wanted) {
        return Some(f.name);
    }
    let limit = if crate::engine::char_count(&wanted) <= 4 {
        1
    } else {
        2
    };
    spec.fields
        .iter()
        .map(|f| (edit_distance(&squash(f.name), &wanted), f.name))
        .filter(|&(d, _)| d <= limit)
        .min_by_key(|&(d, _)| d)
        .map(|(_, n)| n)
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
        return format!("`{shown}` is not a field of {} and is ignored", spec.id);
    };
    let fallback = match spec.field_index(known) {
        Some(i) if !given(i) => match spec.fields[i].default {
            DefaultValue::None => format!(" (so `{known}` is not sent)"),
            DefaultValue::Str(v) => format!(" (so `{known}` stays at its default, \"{v}\")"),
            DefaultValue::Bool(v) => format!(" (so `{known}` stays at its default, {v})"),
            DefaultValue::Int(v) => format!(" (so `{known}` stays at its default, {v})"),
        },
        _ => String::new(),
    };
    format!(
        "`{shown}` is not a field of {} and is ignored{fallback}; did you mean `{known}`?",
        spec.id
    )
}

/// Optimal string alignment distance (Damerau–Levenshtein with adjacent swaps).
fn edit_distance(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > 2 || a.len() > 64 || b.len() > 64 {
        return usize::MAX;
    }
    let w = b.len() + 1;
    let mut d = vec![0usize; (a.len() + 1) * w];
    for (i, row) in d.chunks_mut(w).enumerate() {
        row[0] = i;
    }
    for (j, cell) in d.iter_mut().take(w).enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut v = (d[(i - 1) * w + j] + 1)
                .min(d[i * w + j - 1] + 1)
                .min(d[(i - 1) * w + j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(d[(i - 2) * w + j - 2] + 1);
            }
            d[i * w + j] = v;
        }
    }
    d[a.len() * w + b.len()]
}
