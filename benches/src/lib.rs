//! Benchmarks of `seedance-rules` and of what a user would write instead.
//!
//! The benchmarks are in `benches/` (criterion, `cargo bench -p
//! seedance-benches`); this library holds what they share: the bodies
//! ([`bodies`]), peer (a), a hand-written JSON Schema per endpoint with the
//! `jsonschema` crate and a `HashMap` price lookup ([`peer`]), and peer (b),
//! plain serde into a struct with no validation ([`floor`]). The tests below
//! hold the peers to the library: the same verdicts on the benchmark bodies,
//! and the same credits on every valid body of `conformance/cases.json`.

pub mod bodies;
pub mod floor;
pub mod peer;

#[cfg(test)]
mod tests {
    use seedance_rules::{check, Endpoint, Report};
    use serde_json::Value as Json;

    use crate::bodies::{BATCH, VALID, VALID_CREDITS, WITH_URLS, WITH_URLS_CREDITS};
    use crate::floor;
    use crate::peer::Peer;

    fn endpoint(id: &str) -> Endpoint {
        Endpoint::from_id(id).unwrap_or_else(|| panic!("unknown endpoint {id}"))
    }

    /// The conformance cases, with their body as JSON text.
    fn cases() -> Vec<(String, Endpoint, String, Json)> {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../conformance/cases.json");
        let text = std::fs::read_to_string(path).expect("conformance/cases.json is readable");
        let all: Json = serde_json::from_str(&text).expect("conformance/cases.json is JSON");
        all["cases"]
            .as_array()
            .expect("cases is an array")
            .iter()
            // The peer knows the built-in prices only.
            .filter(|c| c.get("price_book").is_none())
            .map(|c| {
                let body = match c.get("body_text") {
                    Some(t) => t.as_str().expect("body_text is a string").to_owned(),
                    None => c["body"].to_string(),
                };
                (
                    c["id"].as_str().unwrap_or_default().to_owned(),
                    endpoint(c["endpoint"].as_str().expect("endpoint")),
                    body,
                    c["expect"].clone(),
                )
            })
            .collect()
    }

    /// `text` is valid for `e`, draws no warning and costs `credits`, by
    /// the library and by peer (a) both ways; the floor reads it.
    fn valid_and_priced(peer: &Peer, e: Endpoint, text: &str, credits: Option<u64>) {
        let r = check(e.id(), text).expect("valid JSON");
        assert!(r.is_ok(), "{e}: {:?}", r.violations());
        assert!(r.warnings().is_empty(), "{e}: {:?}", r.warnings());
        assert_eq!(r.credits(), credits, "{e}");
        let p = peer.check(e, text).expect("valid JSON");
        assert!(p.is_ok(), "{e}: {:?}", p.errors);
        assert_eq!(p.credits, credits, "{e}");
        assert_eq!(peer.quick(e, text), Ok(credits), "{e}");
        floor::read(e, text).expect("the floor reads a valid body");
    }

    #[test]
    fn benchmark_bodies_are_what_they_claim() {
        let peer = Peer::new();
        for (k, (e, text)) in VALID.iter().enumerate() {
            valid_and_priced(&peer, *e, text, VALID_CREDITS[k]);
            assert!(
                text.len() >= 120 && text.len() <= 190,
                "{e}: {} bytes",
                text.len()
            );
        }
        for (k, (e, text)) in WITH_URLS.iter().enumerate() {
            assert_eq!(*e, VALID[k].0, "{text}: in the order of VALID");
            valid_and_priced(&peer, *e, text, WITH_URLS_CREDITS[k]);
            // A URL, wrong, makes it invalid: the rules read each one.
            for url in text.match_indices("https://").map(|(at, _)| at) {
                let broken = format!("{}ftp{}", &text[..url], &text[url + 5..]);
                let r = check(e.id(), &broken).expect("valid JSON");
                assert!(!r.is_ok(), "{e}: {broken}");
            }
        }
        let mut invalid = 0;
        for (e, text) in BATCH {
            let ours = check(e.id(), text).expect("valid JSON");
            let theirs = peer.check(e, text).expect("valid JSON");
            assert_eq!(ours.is_ok(), theirs.is_ok(), "{e} {text}: {theirs:?}");
            assert_eq!(ours.credits(), theirs.credits, "{e} {text}");
            invalid += usize::from(!ours.is_ok());
        }
        assert_eq!(invalid, BATCH.len() / 2);
    }

    /// Whether the report's violations, if any, are all of the balance: a
    /// body the peers, which take no balance, find valid.
    fn balance_alone(report: &Report<'_>) -> bool {
        report
            .violations()
            .iter()
            .all(|v| v.rule.ends_with(".balance.insufficient"))
    }

    #[test]
    fn peer_prices_like_the_library_on_valid_conformance_cases() {
        let peer = Peer::new();
        let mut compared = 0;
        for (id, e, text, expect) in cases() {
            let ours = check(e.id(), &text).expect("the case is JSON");
            // Valid bodies; a case made invalid by a balance alone counts too.
            if !balance_alone(&ours) {
                continue;
            }
            let theirs = peer
                .check(e, &text)
                .unwrap_or_else(|err| panic!("{id}: {err}"));
            assert!(
                theirs.is_ok(),
                "{id}: the peer rejects {text}: {:?}",
                theirs.errors
            );
            assert_eq!(theirs.credits, ours.credits(), "{id}: {text}");
            if let Some(want) = expect.get("credits") {
                assert_eq!(theirs.credits, want.as_u64(), "{id}");
            }
            compared += 1;
        }
        assert!(compared > 250, "only {compared} valid cases compared");
    }

    /// The cases the schemas cannot reject: URL hosts a WHATWG parser reads as
    /// a loopback address but that are not written in dotted decimal, and
    /// IPv6 forms that a hand-written pattern leaves out (an IPv4 address
    /// carried by NAT64 or 6to4, the old site-local range).
    const PEER_MISSES: &[&str] = &[
        "http://2130706433/",
        "http://0x7f.1/",
        "http://0177.0.0.1/",
        "http://127.1/",
        "https://2130706433/a.png",
        "http://[64:ff9b::127.0.0.1]/",
        "http://[2002:c0a8:101::1]/",
        "https://[fec0::1]/",
    ];

    /// Writes `file` under `benches/js/` when `UPDATE_JS=1`, else checks it.
    fn js_file_is(file: &str, value: &Json) {
        let path = format!("{}/js/{file}", env!("CARGO_MANIFEST_DIR"));
        let want = serde_json::to_string_pretty(value).expect("JSON") + "\n";
        if std::env::var_os("UPDATE_JS").is_some() {
            std::fs::write(&path, &want).expect("benches/js is writable");
        }
        let got = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            got == want,
            "benches/js/{file} is stale: run `UPDATE_JS=1 cargo test -p seedance-benches`"
        );
    }

    /// The JavaScript benchmark measures the same bodies, and its ajv peer
    /// uses the very schemas of the Rust peer: both are written from here,
    /// with the cases a pattern cannot reject (`PEER_MISSES`).
    #[test]
    fn js_files_are_current() {
        let schemas: serde_json::Map<String, Json> = Endpoint::ALL
            .iter()
            .map(|e| (e.id().to_owned(), crate::peer::schema(*e)))
            .collect();
        js_file_is("schemas.json", &Json::Object(schemas));
        let priced = |bodies: &[(Endpoint, &str)], credits: [Option<u64>; 6]| -> Vec<Json> {
            bodies
                .iter()
                .zip(credits)
                .map(|((e, text), credits)| {
                    serde_json::json!({ "endpoint": e.id(), "text": text, "credits": credits })
                })
                .collect()
        };
        let batch: Vec<Json> = BATCH
            .iter()
            .map(|(e, text)| serde_json::json!({ "endpoint": e.id(), "text": text }))
            .collect();
        js_file_is(
            "bodies.json",
            &serde_json::json!({
                "valid": priced(&VALID, VALID_CREDITS),
                "with_urls": priced(&WITH_URLS, WITH_URLS_CREDITS),
                "batch": batch,
                "peer_misses": PEER_MISSES,
            }),
        );
    }

    #[test]
    fn peer_rejects_invalid_cases() {
        let peer = Peer::new();
        let mut missed = Vec::new();
        let mut rejected = 0;
        for (id, e, text, _) in cases() {
            let Ok(ours) = check(e.id(), &text) else {
                continue; // not JSON: both sides refuse it
            };
            if balance_alone(&ours) {
                continue;
            }
            let theirs = peer.check(e, &text).expect("the case is JSON");
            if theirs.is_ok() {
                missed.push((id, text));
            } else {
                rejected += 1;
            }
        }
        let unexpected: Vec<_> = missed
            .iter()
            .filter(|(_, text)| !PEER_MISSES.iter().any(|m| text.contains(m)))
            .collect();
        assert!(unexpected.is_empty(), "the peer accepts {unexpected:#?}");
        // And each listed miss is one: a list entry no case needs is stale.
        for m in PEER_MISSES {
            assert!(
                missed.iter().any(|(_, text)| text.contains(m)),
                "the peer rejects every case with {m}: take it off PEER_MISSES"
            );
        }
        assert!(rejected > 200, "only {rejected} rejected");
    }
}
