//! JSON of the core's own: a strict lexer for readers of any shape
//! ([`lex`]), an owned tree that keeps numbers as their text and objects in
//! order ([`Json`]), and a writer whose output is serde_json's, byte for byte
//! ([`write`]).

use std::cmp::Ordering;

pub(crate) mod lex;
mod tree;
pub(crate) mod write;

pub use self::tree::{Json, Number};
pub(crate) use self::write::{key, to_text, Writer};

/// Reads text this crate wrote back into a tree (`to_json_value` of the
/// report types). The text is always JSON; `Null` would only hide a bug.
pub(crate) fn reparse(text: &str) -> Json {
    tree::parse(text).unwrap_or(Json::Null)
}

/// Reads a price book's text, with the lexer's error.
pub(crate) fn parse(text: &str) -> Result<Json, lex::SyntaxError> {
    tree::parse(text)
}

/// `v` sorted by `cmp`, stably (equal elements keep their order).
///
/// A merge sort of indices behind a `dyn` comparison: one copy of the
/// sorting code for every caller, where `sort_by` would make one per element
/// type and closure (several kilobytes of WebAssembly each).
pub(crate) fn sort_stable<T>(v: Vec<T>, cmp: &dyn Fn(&T, &T) -> Ordering) -> Vec<T> {
    let order = stable_order(v.len(), &|a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = v.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// The indices `0..n` in the stable order of `cmp` (a bottom-up merge sort).
pub(crate) fn stable_order(n: usize, cmp: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut from: Vec<usize> = (0..n).collect();
    let mut to = from.clone();
    let mut width = 1;
    while width < n {
        let mut start = 0;
        while start < n {
            let mid = n.min(start + width);
            let end = n.min(mid + width);
            let (mut i, mut j) = (start, mid);
            for slot in &mut to[start..end] {
                // The left run's element first unless the right one is less.
                if i < mid && (j == end || cmp(from[j], from[i]) != Ordering::Less) {
                    *slot = from[i];
                    i += 1;
                } else {
                    *slot = from[j];
                    j += 1;
                }
            }
            start = end;
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    from
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sort_stable_is_sort_by() {
        // Every length up to 40, keys with many ties, against std's stable sort.
        for n in 0..40usize {
            let v: Vec<(usize, usize)> = (0..n).map(|i| ((i * 7 + n) % 5, i)).collect();
            let mut want = v.clone();
            want.sort_by_key(|a| a.0);
            assert_eq!(sort_stable(v, &|a, b| a.0.cmp(&b.0)), want, "{n}");
        }
    }
}
