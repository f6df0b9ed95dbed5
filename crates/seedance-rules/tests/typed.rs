//! Typed requests: the same answers as their JSON, and serde that matches the wire.

use seedance_rules::*;

/// The report of a typed request, which must be the report of its JSON
/// (written by serde) to the byte.
#[cfg(feature = "serde")]
fn same_as_json<R: Request + serde::Serialize>(req: &R) -> Json {
    assert_eq!(check_request(req).endpoint(), R::ENDPOINT);
    let typed = check_request(req).to_json();
    let text = serde_json::to_string(req).unwrap();
    let parsed = check(R::ENDPOINT.id(), &text).unwrap().to_json();
    assert_eq!(typed, parsed, "{text}");
    Json::parse(&typed).unwrap()
}

#[cfg(feature = "serde")]
#[test]
fn every_typed_request_answers_as_its_json() {
    let r = same_as_json(&SeedanceApiV1Request {
        duration: Some("12".into()),
        generate_audio: Some(true),
        ..SeedanceApiV1Request::new("a cat")
    });
    assert_eq!(r["credits"].as_u64(), Some(84));
    let r = same_as_json(&SeedanceApiV2Request {
        images: vec!["https://example.com/a.jpg".into()],
        ..SeedanceApiV2Request::new("a cat")
    });
    assert_eq!(r["credits"].as_u64(), Some(240));
    assert!(r["normalized"].get("aspect_ratio").is_none());
    let r = same_as_json(&Seedance2aiVideoRequest {
        channel: Some("real".into()),
        seed: Some(7),
        ..Seedance2aiVideoRequest::new("a cat on a roof")
    });
    assert_eq!(
        r["violations"][0]["rule"].as_str(),
        Some("seedance2ai-video.seed.not-on-real-channel")
    );
    let r = same_as_json(&Seedance2aiGptImage2Request {
        kind: "text-to-image".into(),
        prompt: "a red shoe".into(),
        resolution: "4K".into(),
        aspect_ratio: "1:1".into(),
        ..Default::default()
    });
    assert_eq!(
        r["violations"][0]["rule"].as_str(),
        Some("seedance2ai-gpt-image-2.resolution.square-4K-not-on-standard")
    );
    let r = same_as_json(&Seedance2aiNanoBananaProRequest {
        kind: "image-to-image".into(),
        prompt: "a red shoe".into(),
        ..Default::default()
    });
    assert_eq!(
        r["violations"][0]["rule"].as_str(),
        Some("seedance2ai-nano-banana-pro.image_urls.required-for-type")
    );
    let r = same_as_json(&ApiinoneVideosRequest {
        model: "seedance-1-5-pro".into(),
        prompt: "a dancer".into(),
        ..Default::default()
    });
    assert_eq!(r["credits"].as_u64(), Some(28));
}

/// A quote borrows the price book, not the request: it outlives the request
/// it prices (`'static` on the built-in prices).
#[test]
fn a_quote_outlives_its_request() {
    fn built_in(prompt: &str) -> Option<Quote<'static>> {
        let request = SeedanceApiV2Request::new(prompt.to_owned());
        quote_request(&request).ok()
    }
    fn with_book<'b>(book: &'b PriceBook, prompt: &str) -> Option<Quote<'b>> {
        let request = Seedance2aiVideoRequest::new(prompt.to_owned());
        Checker::new().price_book(book).quote_request(&request).ok()
    }
    let quote = built_in("Sunrise over misty mountains").expect("valid and clean");
    assert_eq!((quote.credits(), quote.book()), (Some(240), "built-in"));
    assert!(quote.row().is_some());
    let book = PriceBook::from_json(
        r#"{"schema": "seedance-rules/price-book/v1", "name": "mine",
            "endpoints": {"seedance2ai-video": {"rows": [{"when": {}, "credits_per_second": "3"}]}}}"#,
    )
    .unwrap();
    let quote = with_book(&book, "A glass train on a bridge").expect("valid and clean");
    assert_eq!((quote.credits(), quote.book()), (Some(15), "mine"));
}

/// An owned report keeps what the report says, as values and as JSON,
/// beyond the request and the book it was made from.
#[test]
fn an_owned_report_keeps_the_findings_and_the_price() {
    fn owned(body: &str, balance: u64) -> OwnedReport {
        let book = PriceBook::builtin();
        let text = body.to_owned();
        Checker::new()
            .price_book(&book)
            .balance(balance)
            .check("seedanceapi-v2", &text)
            .unwrap()
            .into_owned()
    }
    for (body, balance) in [
        (
            r#"{"prompt": "x", "model": "seedance-2-mini", "duration": 8, "resolution": "1080p", "durations": 8}"#,
            1000,
        ),
        (r#"{"prompt": "x", "duration": 10}"#, 400),
        (r#"{"prompt": "", "duration": 7}"#, 1000),
    ] {
        let owned = owned(body, balance);
        let report = Checker::new()
            .balance(balance)
            .check("seedanceapi-v2", body)
            .unwrap();
        assert_eq!(owned.endpoint(), Endpoint::SeedanceApiV2);
        assert_eq!(owned.is_ok(), report.is_ok(), "{body}");
        assert_eq!(owned.credits(), report.credits(), "{body}");
        assert_eq!(owned.usd(), report.usd(), "{body}");
        assert_eq!(owned.violations(), report.violations(), "{body}");
        assert_eq!(owned.warnings(), report.warnings(), "{body}");
        assert_eq!(owned.as_json(), &report.to_json_value(), "{body}");
        assert_eq!(owned.to_json(), report.to_json(), "{body}");
        let json = report.to_json_value();
        let member = |k: &str| Some(&json[k]).filter(|v| !v.is_null());
        assert_eq!(owned.normalized(), member("normalized"), "{body}");
        assert_eq!(owned.normalized().is_some(), report.normalized().is_some());
        assert_eq!(owned.price(), member("price"), "{body}");
        assert_eq!(owned.price().is_some(), report.quote().is_some());
        assert_eq!(
            owned.price().and_then(|p| p["credits"].as_u64()),
            report.credits()
        );
        assert!(
            !owned.violations().is_empty() || !owned.warnings().is_empty(),
            "{body}"
        );
    }
}

/// With serde, a violation and a warning serialize as the report's JSON
/// writes them, and an endpoint as its id.
#[cfg(feature = "serde")]
#[test]
fn violations_warnings_and_endpoints_serialize_as_the_report_writes_them() {
    let report = check(
        "seedanceapi-v2",
        r#"{"prompt": "", "duration": 7, "durations": 8, "model": "seedance-2.0"}"#,
    )
    .unwrap();
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(report.violations().len(), 2);
    assert_eq!(report.warnings().len(), 1);
    for (i, v) in report.violations().iter().enumerate() {
        assert_eq!(serde_json::to_value(v).unwrap(), json["violations"][i]);
    }
    for (i, w) in report.warnings().iter().enumerate() {
        assert_eq!(serde_json::to_value(w).unwrap(), json["warnings"][i]);
    }
    assert_eq!(
        serde_json::to_value(report.endpoint()).unwrap(),
        json["endpoint"]
    );
    // The same text, key for key.
    let text = serde_json::to_string(&report.violations()[0]).unwrap();
    assert!(report.to_json().contains(&text), "{text}");
}

/// An endpoint reads back from its id (a service's config names one), and
/// an amount of dollars writes as the report's string.
#[cfg(feature = "serde")]
#[test]
fn endpoints_read_from_their_ids_and_dollars_write_as_the_report_does() {
    for e in Endpoint::ALL {
        let text = serde_json::to_string(&e).unwrap();
        assert_eq!(serde_json::from_str::<Endpoint>(&text).unwrap(), e);
    }
    let e = serde_json::from_str::<Endpoint>(r#""seedanceapi-v3""#).unwrap_err();
    assert!(
        e.to_string().contains("seedanceapi-v3") && e.to_string().contains("seedanceapi-v2"),
        "{e}"
    );
    assert!(serde_json::from_str::<Endpoint>("2").is_err());
    let request = SeedanceApiV2Request {
        model: Some("seedance-2-mini".into()),
        duration: Some(8),
        ..SeedanceApiV2Request::new("x")
    };
    let report = check_request(&request);
    let usd = report.usd().unwrap();
    let json: serde_json::Value = serde_json::from_str(&report.to_json()).unwrap();
    assert_eq!(serde_json::to_value(usd).unwrap(), json["usd"]);
    assert_eq!(json["usd"], "2.46");
}

/// Dollars compare by value, so the cheapest of several quotes is a `min`.
#[test]
fn dollars_are_ordered_by_value() {
    let price = |body: &str| check("seedanceapi-v2", body).unwrap().usd().unwrap();
    let mini = price(r#"{"prompt": "x", "model": "seedance-2-mini", "duration": 8}"#);
    let fast = price(r#"{"prompt": "x", "model": "seedance-2.0-fast", "duration": 10}"#);
    let full = price(r#"{"prompt": "x", "model": "seedance-2.0", "duration": 10}"#);
    assert!(mini < full && fast < full, "{mini} {fast} {full}");
    assert_eq!([full, mini, fast].into_iter().min(), Some(mini.min(fast)));
}

/// A violation or a warning shows as `seedance check` lists it.
#[test]
fn violations_and_warnings_display_for_people() {
    let report = check(
        "seedanceapi-v2",
        r#"{"prompt": "x", "duration": 7, "foo": 1}"#,
    )
    .unwrap();
    let v = &report.violations()[0];
    assert_eq!(
        v.to_string(),
        format!("INVALID_DURATION (HTTP 400) at `duration`: {}", v.message)
    );
    let w = &report.warnings()[0];
    assert_eq!(
        w.to_string(),
        format!("UNKNOWN_FIELD at `foo`: {}", w.message)
    );
    let over = Checker::new()
        .balance(1)
        .check("seedanceapi-v2", r#"{"prompt": "x"}"#)
        .unwrap();
    let v = &over.violations()[0];
    assert!(
        v.to_string()
            .starts_with("INSUFFICIENT_CREDITS (HTTP 402): "),
        "{v}"
    );
    let own = check("apiinone-videos", r#"{"prompt": "x"}"#).unwrap();
    let v = &own.violations()[0];
    assert!(
        v.to_string()
            .contains(", the library's own code) at `model`: "),
        "{v}"
    );
}

/// `{:?}` of a report or a quote says what was found and priced, with the
/// endpoint by name, in a line or two: not the endpoint's tables.
#[test]
fn debug_output_is_the_findings_not_the_tables() {
    let report = check("seedanceapi-v2", r#"{"prompt": "x", "duration": 7}"#).unwrap();
    let shown = format!("{report:?}");
    assert!(shown.len() < 1_000, "{} bytes: {shown}", shown.len());
    assert!(
        shown.starts_with("Report { endpoint: SeedanceApiV2, ok: false,"),
        "{shown}"
    );
    assert!(shown.contains("INVALID_DURATION"), "{shown}");
    let quote = quote_request(&SeedanceApiV2Request::new("x")).unwrap();
    let shown = format!("{quote:?}");
    assert!(shown.len() < 1_000, "{} bytes: {shown}", shown.len());
    assert!(
        shown.starts_with(r#"Quote { endpoint: "seedanceapi-v2", book: "built-in", credits: Some(240), row: Some(PriceRow {"#),
        "{shown}"
    );
}

/// The constructors fill each endpoint's required fields with the values the
/// rules accept: the body each one makes is valid, and says what it should.
#[cfg(feature = "serde")]
#[test]
fn the_constructors_make_valid_bodies_with_the_required_fields() {
    let image = ["https://example.com/a.png"];
    let cases: [(Json, &str); 5] = [
        (
            same_as_json(&Seedance2aiGptImage2Request::text_to_image(
                "a red shoe",
                "1K",
                "auto",
            )),
            r#"{"type":"text-to-image","channel":"standard","prompt":"a red shoe","resolution":"1K","aspectRatio":"auto","batchCount":1}"#,
        ),
        (
            same_as_json(&Seedance2aiGptImage2Request::image_to_image(
                "a red shoe",
                "2K",
                "16:9",
                image,
            )),
            r#"{"type":"image-to-image","channel":"standard","prompt":"a red shoe","resolution":"2K","aspectRatio":"16:9","batchCount":1,"imageUrls":["https://example.com/a.png"]}"#,
        ),
        (
            same_as_json(&Seedance2aiNanoBananaProRequest::text_to_image(
                "a red shoe",
            )),
            r#"{"type":"text-to-image","prompt":"a red shoe","image_size":"auto","output_format":"png","resolution":"1K"}"#,
        ),
        (
            same_as_json(&Seedance2aiNanoBananaProRequest::image_to_image(
                "a red shoe",
                image.map(String::from),
            )),
            r#"{"type":"image-to-image","prompt":"a red shoe","image_size":"auto","output_format":"png","resolution":"1K","image_urls":["https://example.com/a.png"]}"#,
        ),
        (
            same_as_json(&ApiinoneVideosRequest::new("a dancer")),
            r#"{"model":"seedance-1-5-pro","prompt":"a dancer","aspect_ratio":"16:9","resolution":"720p","duration":"8","generateAudio":false,"fixedLens":false}"#,
        ),
    ];
    for (report, normalized) in cases {
        assert_eq!(report["ok"].as_bool(), Some(true), "{normalized}");
        assert_eq!(
            report["warnings"].as_array().map(<[_]>::len),
            Some(0),
            "{normalized}"
        );
        assert_eq!(report["normalized"], Json::parse(normalized).unwrap());
    }
}

#[cfg(feature = "serde")]
#[test]
fn typed_requests_use_the_wire_names() {
    let req = Seedance2aiGptImage2Request {
        kind: "text-to-image".into(),
        prompt: "p".into(),
        resolution: "1K".into(),
        aspect_ratio: "auto".into(),
        batch_count: Some(2),
        ..Default::default()
    };
    let json = serde_json::to_value(&req).unwrap();
    assert_eq!(
        json,
        serde_json::json!({"type": "text-to-image", "prompt": "p", "resolution": "1K", "aspectRatio": "auto", "batchCount": 2})
    );
    let text = json.to_string();
    let back: Seedance2aiGptImage2Request = serde_json::from_str(&text).unwrap();
    assert_eq!(back, req);
    let aio = serde_json::to_value(ApiinoneVideosRequest {
        generate_audio: Some(true),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(aio["generateAudio"], true);
}

#[cfg(feature = "serde")]
#[test]
fn typed_requests_borrow_their_strings_from_the_json() {
    use std::borrow::Cow;
    let text = r#"{"prompt": "a cat", "model": "seedance-2-mini", "resolution": "720\u0070",
        "images": ["https://example.com/a.jpg", "https://example.com/\u0062.jpg"]}"#;
    let req: SeedanceApiV2Request = serde_json::from_str(text).unwrap();
    assert!(matches!(req.prompt, Cow::Borrowed("a cat")));
    assert!(matches!(req.model, Some(Cow::Borrowed("seedance-2-mini"))));
    // An escaped string cannot be borrowed: it is unescaped into its own.
    assert!(matches!(req.resolution.as_deref(), Some("720p")));
    assert!(matches!(req.resolution, Some(Cow::Owned(_))));
    assert!(matches!(
        req.images[0],
        Cow::Borrowed("https://example.com/a.jpg")
    ));
    assert!(matches!(&req.images[1], Cow::Owned(s) if s == "https://example.com/b.jpg"));
    // A missing optional field is still absent.
    assert_eq!(req.callback_url, None);
    assert!(req.reference_video_urls.is_empty());
    assert_eq!(
        check_request(&req).to_json(),
        check("seedanceapi-v2", text).unwrap().to_json()
    );
}

#[test]
fn field_options_follow_the_model_and_the_mode() {
    let get = |e, body: &str, name: &str| {
        field_options(e, body)
            .unwrap()
            .into_iter()
            .find(|o| o.name == name)
            .unwrap()
    };
    let ar = get(
        Endpoint::SeedanceApiV2,
        r#"{"model": "seedance-2-mini"}"#,
        "aspect_ratio",
    );
    assert_eq!(ar.allowed.unwrap().len(), 7);
    let ar = get(
        Endpoint::SeedanceApiV2,
        r#"{"model": "seedance-2.0", "images": ["https://e.com/a.jpg"]}"#,
        "aspect_ratio",
    );
    assert_eq!(ar.allowed.unwrap().len(), 4);
    assert!(ar.default.is_null());
    let refs = get(
        Endpoint::SeedanceApiV2,
        r#"{"model": "seedance-2.0-fast"}"#,
        "reference_video_urls",
    );
    assert!(refs.forbidden.unwrap().contains("seedance-2-mini"));
    let res = get(
        Endpoint::SeedanceApiV2,
        r#"{"model": "seedance-2-mini"}"#,
        "resolution",
    );
    assert_eq!(res.rewrites, vec![["1080p", "720p"]]);
    let img = get(
        Endpoint::Seedance2aiVideo,
        r#"{"mode": "image-to-video"}"#,
        "image_url",
    );
    assert!(img.required && !img.unused);
    let img = get(Endpoint::Seedance2aiVideo, "{}", "image_url");
    assert!(!img.required && img.unused);
    let res = get(
        Endpoint::Seedance2aiGptImage2,
        r#"{"aspectRatio": "auto"}"#,
        "resolution",
    );
    assert_eq!(res.allowed.unwrap(), vec![Json::from("1K")]);
}

/// A clip every video endpoint is asked to price: 8 s at 720p from text,
/// with audio.
const TEXT_720P_8S_AUDIO: Clip<'static> = Clip {
    duration: 8,
    resolution: "720p",
    input: Input::Text,
    audio: true,
    prompt: None,
};

#[test]
fn compare_lists_every_video_endpoint_cheapest_first() {
    let rows = compare(&TEXT_720P_8S_AUDIO, &Checker::new());
    assert_eq!(rows.len(), 1 + 3 + 2 + 1);
    let priced: Vec<u64> = rows.iter().filter_map(|r| r.credits).collect();
    assert!(priced.windows(2).all(|w| w[0] <= w[1]), "{priced:?}");
    assert_eq!(priced, [56, 56]); // v1 and apiin.one, 720p 8 s with audio
                                  // Dollars are exact amounts, ordered by value.
    let usd: Vec<Usd> = rows.iter().filter_map(|r| r.usd).collect();
    assert_eq!(
        usd.iter().map(Usd::to_string).collect::<Vec<_>>(),
        ["0.56", "0.56"]
    );
    assert!(usd.windows(2).all(|w| w[0] <= w[1]));
    let v2: Vec<_> = rows
        .iter()
        .filter(|r| r.endpoint == "seedanceapi-v2")
        .collect();
    assert!(v2.iter().all(|r| !r.ok && r.note.is_some()));
    let s2ai: Vec<_> = rows
        .iter()
        .filter(|r| r.endpoint == "seedance2ai-video")
        .collect();
    assert!(s2ai.iter().all(|r| r.ok && r.credits.is_none()));
    let clip = Clip {
        duration: 8,
        resolution: "480p",
        input: Input::Video,
        audio: false,
        prompt: None,
    };
    let rows = compare(&clip, &Checker::new());
    assert_eq!(rows[0].endpoint, "seedanceapi-v2");
    assert_eq!(rows[0].model, Some("seedance-2-mini"));
    assert_eq!(rows[0].credits, Some(72)); // 9 × 8
}

#[test]
fn a_comparison_in_json_has_every_key_and_null_for_what_it_lacks() {
    let rows = compare(&TEXT_720P_8S_AUDIO, &Checker::new());
    // Seedance 1.5 Pro on seedanceapi.org: one model (none to choose), priced.
    let v1 = rows
        .iter()
        .find(|r| r.endpoint == "seedanceapi-v1")
        .expect("v1 makes the clip");
    assert_eq!((v1.model, v1.note), (None, None));
    let json = Json::parse(&v1.to_json()).expect("JSON");
    assert_eq!(json["model"], Json::Null);
    assert_eq!(json["note"], Json::Null);
    assert_eq!(json["credits"].as_u64(), Some(56));
    assert_eq!(json["ok"].as_bool(), Some(true));
    // seedance-2.0 cannot make 8 s: a model, a note, no credits.
    let v2 = rows
        .iter()
        .find(|r| r.model == Some("seedance-2.0"))
        .expect("seedance-2.0 is listed");
    let json = Json::parse(&v2.to_json()).expect("JSON");
    assert_eq!(json["model"].as_str(), Some("seedance-2.0"));
    assert_eq!(json["note"].as_str(), v2.note);
    assert_eq!(json["ok"].as_bool(), Some(false));
    assert_eq!(json["credits"], Json::Null);
    assert_eq!(json, v2.to_json_value());
}

/// A valid clip with no price says why: the provider publishes none, or
/// the loaded book has rows for the endpoint and none matches the clip.
#[test]
fn compare_says_whether_no_price_is_published_or_no_row_of_the_book_matches() {
    let clip = Clip {
        duration: 5,
        resolution: "720p",
        input: Input::Text,
        audio: false,
        prompt: None,
    };
    let note = |checker: &Checker<'_>, model: &str| {
        let rows = compare(&clip, checker);
        let row = rows
            .iter()
            .find(|r| r.endpoint == "seedance2ai-video" && r.model == Some(model));
        row.and_then(|r| r.note).map(str::to_owned)
    };
    let builtin = Checker::new();
    assert_eq!(
        note(&builtin, "pro").as_deref(),
        Some("no published price: load a price book to quote this endpoint")
    );
    let book = PriceBook::from_json(
        r#"{"schema": "seedance-rules/price-book/v1", "name": "standard only",
            "endpoints": {"seedance2ai-video": {"rows": [
              {"when": {"quality_tier": "standard"}, "credits_per_second": "6"}]}}}"#,
    )
    .unwrap();
    let loaded = Checker::new().price_book(&book);
    assert_eq!(note(&loaded, "standard"), None);
    assert_eq!(
        note(&loaded, "pro").as_deref(),
        Some("no row of the price book matches this clip")
    );
}

/// Mini sends and bills `1080p` as `720p`: it is cheaper than the models
/// that make 1080p, and listed after them, with the warning that says why.
#[test]
fn compare_lists_a_clip_made_otherwise_than_asked_after_those_made_as_asked() {
    let clip = Clip {
        duration: 5,
        resolution: "1080p",
        input: Input::Text,
        audio: false,
        prompt: None,
    };
    let rows = compare(&clip, &Checker::new());
    let priced: Vec<(Option<&str>, u64, bool)> = rows
        .iter()
        .filter_map(|r| Some((r.model, r.credits?, r.warnings.is_empty())))
        .collect();
    let mini = priced
        .iter()
        .position(|r| r.0 == Some("seedance-2-mini"))
        .expect("Mini prices a 1080p clip, as 720p");
    assert!(!priced[mini].2, "{priced:?}");
    let mini_row = rows.iter().find(|r| r.model == Some("seedance-2-mini"));
    assert_eq!(mini_row.unwrap().warnings[0].code, "NORMALIZED_VALUE");
    let (exact, otherwise) = priced.split_at(mini);
    assert!(!exact.is_empty() && exact.iter().all(|r| r.2), "{priced:?}");
    assert!(otherwise.iter().all(|r| !r.2), "{priced:?}");
    assert!(priced[mini].1 < exact[0].1, "Mini is cheaper: {priced:?}");
    assert!(exact.windows(2).all(|w| w[0].1 <= w[1].1), "{priced:?}");
}

/// `quote_request` answers `Ok(quote)` exactly when `check_request`'s
/// report has no violation and no warning, and then with that report's
/// quote; otherwise `Err` with that very report. `true` when it was `Ok`.
#[cfg(feature = "serde")]
fn quote_agrees<R: Request>(checker: &Checker<'_>, req: &R) -> bool {
    let report = checker.check_request(req);
    match checker.quote_request(req) {
        Ok(quote) => {
            assert!(report.is_ok(), "{}", report.to_json());
            assert!(report.warnings().is_empty(), "{}", report.to_json());
            let want = report.quote().expect("a valid report has a quote");
            assert_eq!(format!("{quote:?}"), format!("{want:?}"));
            assert_eq!(quote.formula(), want.formula());
            true
        }
        Err(got) => {
            assert!(
                !report.is_ok() || !report.warnings().is_empty(),
                "a clean report answered Err: {}",
                report.to_json()
            );
            assert_eq!(got.to_json(), report.to_json());
            false
        }
    }
}

/// [`quote_agrees`] on the body, read as the endpoint's typed request;
/// `None` when serde cannot read it as one (a mistyped field, say).
#[cfg(feature = "serde")]
fn quote_agrees_on(checker: &Checker<'_>, endpoint: Endpoint, body: &str) -> Option<bool> {
    fn on<'a, R: Request + serde::Deserialize<'a>>(c: &Checker<'_>, body: &'a str) -> Option<bool> {
        Some(quote_agrees(c, &serde_json::from_str::<R>(body).ok()?))
    }
    on_typed_request!(endpoint, on(checker, body))
}

/// Every conformance case that serde reads as its endpoint's typed request,
/// with its price book and balance: `quote_request` agrees with
/// `check_request`, and answers `Ok` for the valid ones without a warning.
#[cfg(feature = "serde")]
#[test]
fn quote_request_is_the_reports_quote_or_the_report() {
    let doc = crate::conformance::cases();
    let books = &doc["price_books"];
    let (mut read, mut quoted) = (0, 0);
    for case in doc["cases"].as_array().unwrap() {
        let endpoint: Endpoint = case["endpoint"].as_str().unwrap().parse().unwrap();
        let body = crate::conformance::body_text(case).expect("a body");
        let book = case["price_book"]
            .as_str()
            .map(|name| PriceBook::from_json(&books[name].to_string()).unwrap());
        let mut checker = Checker::new();
        if let Some(book) = &book {
            checker = checker.price_book(book);
        }
        if let Some(balance) = case["balance"].as_u64() {
            checker = checker.balance(balance);
        }
        if let Some(ok) = quote_agrees_on(&checker, endpoint, &body) {
            read += 1;
            quoted += usize::from(ok);
        }
    }
    assert!(read > 400, "only {read} cases read as typed requests");
    assert!(quoted > 250, "only {quoted} cases quoted");
}

/// The values a random request's field may take: the words and integers
/// the endpoint's rules name for it, and values wrong in a usual way.
#[cfg(feature = "serde")]
pub(crate) fn field_values(spec: &EndpointSpec) -> Vec<Vec<serde_json::Value>> {
    use serde_json::json;
    let mut values = own_values(spec);
    let odd = [
        json!(""),
        json!(" "),
        json!("x"),
        json!("é".repeat(3)),
        json!(7),
        json!(true),
    ];
    for values in &mut values {
        values.extend(odd.iter().cloned());
    }
    values
}

/// The words and integers the endpoint's rules name for each field (none
/// for a field no rule names a value of).
#[cfg(feature = "serde")]
fn own_values(spec: &EndpointSpec) -> Vec<Vec<serde_json::Value>> {
    use serde_json::{json, Value};
    let mut own: Vec<Vec<Value>> = vec![Vec::new(); spec.fields.len()];
    for rule in spec.rules {
        let values = &mut own[rule.field];
        match rule.check {
            Check::OneOf(list) => values.extend(list.iter().map(|&w| json!(w))),
            Check::IntOneOf(list) => {
                values.extend(list.iter().map(|&i| json!(i)));
                values.extend(list.iter().map(|&i| json!(i.to_string())));
            }
            Check::IntRange(lo, hi) => values.extend([lo - 1, lo, hi, hi + 1].map(|i| json!(i))),
            Check::Rewrite { from, to } => values.extend([json!(from), json!(to)]),
            Check::Url(_) => values.extend([
                json!("https://example.com/a.png"),
                json!(["https://example.com/a.png"]),
                json!(["https://example.com/a.png", "http://127.0.0.1/b.png"]),
                json!("ftp://example.com/a.png"),
            ]),
            _ => {}
        }
        for c in rule.when {
            if let Cond::Is(f, w) | Cond::IsNot(f, w) = *c {
                own[f].push(json!(w));
            }
        }
    }
    own
}

#[cfg(feature = "serde")]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1_500))]

    /// Requests made at random from each endpoint's example, some fields
    /// set to the endpoint's own words or to wrong values, with and
    /// without a balance, by the built-in tables or by the same tables
    /// loaded as a price book (priced row by row, not by the compiled
    /// rows): `quote_request` answers what `check_request`'s report says
    /// (the quote, or the very report).
    #[test]
    fn quote_request_agrees_on_random_requests(
        e in 0..Endpoint::ALL.len(),
        picks in proptest::collection::vec((0..64usize, 0..64usize), 0..5),
        balance in proptest::option::of(0u64..600),
        loaded in proptest::bool::ANY,
    ) {
        let endpoint = Endpoint::ALL[e];
        let text = random_body(endpoint.spec(), &field_values(endpoint.spec()), &[], &picks);
        let book = PriceBook::from_json(&PriceBook::builtin().to_json()).unwrap();
        let mut checker = Checker::new();
        if loaded {
            checker = checker.price_book(&book);
        }
        if let Some(b) = balance {
            checker = checker.balance(b);
        }
        // `None`: serde could not read the body as the typed request.
        let _ = quote_agrees_on(&checker, endpoint, &text);
    }
}

#[cfg(feature = "serde")]
proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(5_000))]

    /// The normalized request is what is sent and billed, so sent again it
    /// must be valid, cost the same and normalize to itself. The bodies are
    /// the example with up to six fields set to words and integers the rules
    /// name (so that most are valid, defaults and rewrites included), priced
    /// by the conformance file's seedance2ai book (which prices the three
    /// endpoints the built-in tables do not).
    #[test]
    fn a_valid_reports_normalized_request_checks_again_to_itself(
        e in 0..Endpoint::ALL.len(),
        picks in proptest::collection::vec((0..64usize, 0..64usize), 0..7),
        drop in proptest::collection::vec(0..64usize, 0..3),
    ) {
        let endpoint = Endpoint::ALL[e];
        let text = random_body(endpoint.spec(), &own_values(endpoint.spec()), &drop, &picks);
        let checker = Checker::new().price_book(seedance2ai_book());
        let first = checker.check_endpoint(endpoint, &text).unwrap();
        if let Some(normalized) = first.normalized().filter(|_| first.is_ok()) {
            let sent = normalized.to_json().to_string();
            let again = checker.check_endpoint(endpoint, &sent).unwrap();
            proptest::prop_assert!(again.is_ok(), "{text} → {sent}: {}", again.to_json());
            proptest::prop_assert_eq!(again.credits(), first.credits(), "{} → {}", text, sent);
            let resent = again.normalized().map(|n| n.to_json().to_string());
            proptest::prop_assert_eq!(resent.as_deref(), Some(sent.as_str()), "{}", text);
        }
    }
}

/// The endpoint's example with the fields `drop` names left out, then the
/// fields `picks` names set, each to one of its `values` (a field with
/// none is left as it is): (field, value) indexes taken modulo the counts.
#[cfg(feature = "serde")]
pub(crate) fn random_body(
    spec: &EndpointSpec,
    values: &[Vec<serde_json::Value>],
    drop: &[usize],
    picks: &[(usize, usize)],
) -> String {
    let mut body: serde_json::Map<String, serde_json::Value> =
        serde_json::from_str(spec.example).unwrap();
    for &f in drop {
        body.remove(spec.fields[f % spec.fields.len()].name);
    }
    for &(f, v) in picks {
        let f = f % spec.fields.len();
        if let Some(value) = values[f].get(v % values[f].len().max(1)) {
            body.insert(spec.fields[f].name.to_owned(), value.clone());
        }
    }
    serde_json::Value::Object(body).to_string()
}

/// The conformance file's price book for the seedance2ai endpoints, read once.
#[cfg(feature = "serde")]
fn seedance2ai_book() -> &'static PriceBook {
    static BOOK: std::sync::OnceLock<PriceBook> = std::sync::OnceLock::new();
    BOOK.get_or_init(|| {
        let doc = crate::conformance::cases();
        PriceBook::from_json(&doc["price_books"]["seedance2ai-list"].to_string()).unwrap()
    })
}

/// `OwnedRequest` reads every conformance body that the borrowing request
/// reads, through `serde_json::from_reader` (which takes only
/// `DeserializeOwned`), as the same request with the same report; and
/// refuses the same bodies.
#[cfg(feature = "serde")]
#[test]
fn an_owned_request_reads_as_the_borrowed_one() {
    use std::borrow::Cow;
    /// Whether the body read as the endpoint's request, both ways alike.
    macro_rules! read_both {
        ($ty:ident, $body:expr) => {{
            let body: &str = $body;
            let borrowed = serde_json::from_str::<$ty<'_>>(body);
            let owned = serde_json::from_reader::<_, OwnedRequest<$ty<'static>>>(body.as_bytes());
            match (borrowed, owned) {
                (Ok(b), Ok(o)) => {
                    assert_eq!(b, o.0, "{body}");
                    assert_eq!(check_request(&b).to_json(), check_request(&o).to_json());
                    assert_eq!(
                        serde_json::to_string(&o).unwrap(),
                        serde_json::to_string(&b).unwrap()
                    );
                    let prompt: &Cow<'_, str> = &o.prompt;
                    assert!(matches!(prompt, Cow::Owned(_)), "{body}");
                    true
                }
                (Err(b), Err(o)) => {
                    // The same complaint; a reader counts columns one on.
                    let what = |e: serde_json::Error| {
                        let e = e.to_string();
                        e.split(" at line").next().map(str::to_owned)
                    };
                    assert_eq!(what(b), what(o), "{body}");
                    false
                }
                (b, o) => panic!("{body}: borrowed {:?}, owned {:?}", b.is_ok(), o.is_ok()),
            }
        }};
    }
    let doc = crate::conformance::cases();
    let mut read = [0; 6];
    for case in doc["cases"].as_array().unwrap() {
        let endpoint: Endpoint = case["endpoint"].as_str().unwrap().parse().unwrap();
        let body = &crate::conformance::body_text(case).expect("a body");
        let (i, ok) = match endpoint {
            Endpoint::SeedanceApiV1 => (0, read_both!(SeedanceApiV1Request, body)),
            Endpoint::SeedanceApiV2 => (1, read_both!(SeedanceApiV2Request, body)),
            Endpoint::Seedance2aiVideo => (2, read_both!(Seedance2aiVideoRequest, body)),
            Endpoint::Seedance2aiGptImage2 => (3, read_both!(Seedance2aiGptImage2Request, body)),
            Endpoint::Seedance2aiNanoBananaPro => {
                (4, read_both!(Seedance2aiNanoBananaProRequest, body))
            }
            Endpoint::ApiinoneVideos => (5, read_both!(ApiinoneVideosRequest, body)),
            _ => unreachable!("no endpoint besides the six"),
        };
        read[i] += usize::from(ok);
    }
    assert!(
        read.iter().all(|&n| n >= 20),
        "read as typed requests: {read:?}"
    );
}

/// `into_owned` copies every borrowed string: the request outlives its
/// text, and answers as it did.
#[test]
fn an_owned_request_outlives_its_text() {
    use std::borrow::Cow;
    fn owned(text: &str) -> (SeedanceApiV2Request<'static>, String) {
        let (prompt, url) = text.split_once(' ').unwrap();
        let request = SeedanceApiV2Request {
            model: Some(Cow::Borrowed("seedance-2-mini")),
            duration: Some(8),
            images: vec![Cow::Borrowed(url)],
            ..SeedanceApiV2Request::new(prompt)
        };
        let report = check_request(&request).to_json();
        (request.into_owned(), report)
    }
    let text = String::from("A-compact-product-demo https://example.com/a.png");
    let (request, before) = owned(&text);
    drop(text);
    assert_eq!(check_request(&request).to_json(), before);
    assert_eq!(
        check_request(&OwnedRequest(request.clone())).to_json(),
        before
    );
    assert!(matches!(request.prompt, Cow::Owned(_)));
    assert!(matches!(request.images[0], Cow::Owned(_)));
    assert!(matches!(request.model, Some(Cow::Owned(_))));
    assert_eq!(request.images[0], "https://example.com/a.png");
    assert_eq!(check_request(&request).credits(), Some(246));
}

/// What serde makes of `body` as the request `R`, against `check` on the
/// same text, where `check` coerces a duration of the other JSON type.
/// `None` when `check` does not (nothing to compare); else whether serde
/// read the body as `check` does, or refused it where `check` does too.
#[cfg(feature = "serde")]
fn a_coerced_duration_reads_as_sent<'de, R: Request + serde::Deserialize<'de>>(
    body: &'de str,
    checker: &Checker<'_>,
) -> Option<bool> {
    let text = checker.check_endpoint(R::ENDPOINT, body).ok()?;
    let codes: Vec<&str> = text.warnings().iter().map(|w| w.code).collect();
    let typed_fault = text
        .violations()
        .iter()
        .any(|v| v.rule.ends_with(".duration.type"));
    if typed_fault {
        // A duration `check` refuses as a value of the wrong type: so does serde.
        return Some(serde_json::from_str::<R>(body).is_err());
    }
    if codes != ["COERCED_TYPE"] {
        return None;
    }
    let Ok(request) = serde_json::from_str::<R>(body) else {
        // Only a value the typed field cannot hold (v2's `"-5"` in a `u32`),
        // which the rules refuse anyway.
        return Some(!text.is_ok());
    };
    let typed = checker.check_request(&request);
    // The same verdict, credits and request sent, without the warning.
    Some(typed.warnings().is_empty() && same_answer(&typed, &text))
}

/// Whether two reports give the same verdict, credits, request sent,
/// violations and price (their warnings aside).
#[cfg(feature = "serde")]
fn same_answer(a: &seedance_rules::Report, b: &seedance_rules::Report) -> bool {
    let (a, b) = (a.to_json_value(), b.to_json_value());
    ["ok", "credits", "usd", "normalized", "violations", "price"]
        .iter()
        .all(|k| a[*k] == b[*k])
}

/// Where `check` accepts a duration of the other JSON type (v1's `8` for
/// `"8"`, v2's `"10"` for `10`) with a `COERCED_TYPE` warning, serde reads
/// it as the documented type: a service reading typed bodies does not
/// refuse what the rules accept. What `check` refuses (`"08"`, `8.5`),
/// serde refuses too.
#[cfg(feature = "serde")]
#[test]
fn serde_reads_a_duration_of_the_other_json_type_as_check_sends_it() {
    let checker = Checker::new().price_book(seedance2ai_book());
    let mut bodies: Vec<(Endpoint, String)> = Vec::new();
    let doc = crate::conformance::cases();
    for case in doc["cases"].as_array().unwrap() {
        let endpoint: Endpoint = case["endpoint"].as_str().unwrap().parse().unwrap();
        bodies.push((
            endpoint,
            crate::conformance::body_text(case).expect("a body"),
        ));
    }
    // Beside the file's: the other type, each way, at the edges of what reads.
    for (endpoint, duration) in [
        (Endpoint::SeedanceApiV1, "12"),
        (Endpoint::SeedanceApiV1, "8.5"),
        (Endpoint::SeedanceApiV1, "-4"),
        (Endpoint::SeedanceApiV2, r#""5""#),
        (Endpoint::SeedanceApiV2, r#""08""#),
        (Endpoint::SeedanceApiV2, r#""+5""#),
        (Endpoint::SeedanceApiV2, r#"" 5""#),
        (Endpoint::SeedanceApiV2, r#""-5""#),
        (Endpoint::SeedanceApiV2, r#""4294967296""#),
        (Endpoint::Seedance2aiVideo, "15"),
        (Endpoint::ApiinoneVideos, "4"),
        // An integer past 64 bits (signed) is no value of any field to
        // `check`, so no request to serde; 2^63 - 1 is one, just not allowed.
        (Endpoint::SeedanceApiV1, "9223372036854775808"),
        (Endpoint::Seedance2aiVideo, "18446744073709551615"),
        (Endpoint::ApiinoneVideos, "9223372036854775808"),
        (Endpoint::ApiinoneVideos, "9223372036854775807"),
    ] {
        let model = match endpoint {
            Endpoint::ApiinoneVideos => r#""model": "seedance-1-5-pro", "#,
            _ => "",
        };
        bodies.push((
            endpoint,
            format!(r#"{{{model}"prompt": "a slow pan over a harbour", "duration": {duration}}}"#),
        ));
    }
    let mut compared = 0;
    for (endpoint, body) in &bodies {
        match on_typed_request!(*endpoint, a_coerced_duration_reads_as_sent(body, &checker)) {
            Some(true) => compared += 1,
            Some(false) => panic!("{endpoint}: serde and check differ on {body}"),
            None => {}
        }
    }
    assert!(compared >= 20, "{compared} bodies compared");
}

/// The verdict of serde and then `check_request`, against `check` on the
/// text, with the warnings left aside: `None` when serde refuses the body.
#[cfg(feature = "serde")]
fn typed_and_text_agree<'de, R: Request + serde::Deserialize<'de>>(
    body: &'de str,
    checker: &Checker<'_>,
) -> Option<bool> {
    let text = checker.check_endpoint(R::ENDPOINT, body).unwrap();
    let request = serde_json::from_str::<R>(body).ok()?;
    Some(same_answer(&checker.check_request(&request), &text))
}

/// A whole number written with a fraction or an exponent (`10.0`, `1e1`),
/// which serde_json gives as a float, reads in a typed request as the
/// integer `check` reads from the text, in every integer field and every
/// duration; a number that is not whole is refused by both.
#[cfg(feature = "serde")]
#[test]
fn serde_reads_a_whole_number_in_any_spelling_as_check_does() {
    let checker = Checker::new().price_book(seedance2ai_book());
    let bodies = [
        (Endpoint::SeedanceApiV1, r#""duration": 8.0"#),
        (Endpoint::SeedanceApiV1, r#""duration": 1.2e1"#),
        (Endpoint::SeedanceApiV2, r#""duration": 10.0"#),
        (Endpoint::SeedanceApiV2, r#""duration": 1e1"#),
        (Endpoint::SeedanceApiV2, r#""duration": 100e-1"#),
        (Endpoint::Seedance2aiVideo, r#""duration": 15.0"#),
        (Endpoint::Seedance2aiVideo, r#""seed": 4294967295.0"#),
        (Endpoint::Seedance2aiVideo, r#""seed": -1.0"#),
        (Endpoint::Seedance2aiVideo, r#""seed": 4.294967296e9"#),
        (Endpoint::ApiinoneVideos, r#""duration": 4e0"#),
        (
            Endpoint::Seedance2aiGptImage2,
            r#""type": "text-to-image", "resolution": "1K", "aspectRatio": "1:1", "batchCount": 2.0"#,
        ),
        (
            Endpoint::Seedance2aiGptImage2,
            r#""type": "text-to-image", "resolution": "1K", "aspectRatio": "1:1", "batchCount": 5e0"#,
        ),
    ];
    for (endpoint, members) in bodies {
        let model = match endpoint {
            Endpoint::ApiinoneVideos => r#""model": "seedance-1-5-pro", "#,
            _ => "",
        };
        let body = format!(r#"{{{model}"prompt": "a slow pan over a harbour", {members}}}"#);
        let agreed = on_typed_request!(endpoint, typed_and_text_agree(&body, &checker));
        assert_eq!(agreed, Some(true), "{endpoint}: {body}");
    }
    // Not whole: a type violation to `check`, no request to serde.
    for (endpoint, members) in [
        (Endpoint::SeedanceApiV2, r#""duration": 10.5"#),
        (Endpoint::SeedanceApiV1, r#""duration": 8.5"#),
        (Endpoint::Seedance2aiVideo, r#""seed": 0.5"#),
        (Endpoint::Seedance2aiVideo, r#""seed": 1e300"#),
    ] {
        let body = format!(r#"{{"prompt": "a slow pan over a harbour", {members}}}"#);
        let text = checker.check_endpoint(endpoint, &body).unwrap();
        assert!(
            text.violations().iter().any(|v| v.rule.ends_with(".type")),
            "{body}: {}",
            text.to_json()
        );
        assert_eq!(
            on_typed_request!(endpoint, typed_and_text_agree(&body, &checker)),
            None,
            "{endpoint}: {body}"
        );
    }
    // What serde_json rounds before the request sees it, as the docs say:
    // `1e-400` comes as 0.0, a valid seed, where `check` refuses the digits.
    let body = r#"{"prompt": "a slow pan over a harbour", "seed": 1e-400}"#;
    let text = checker
        .check_endpoint(Endpoint::Seedance2aiVideo, body)
        .unwrap();
    assert!(!text.is_ok(), "{}", text.to_json());
    assert_eq!(
        on_typed_request!(
            Endpoint::Seedance2aiVideo,
            typed_and_text_agree(body, &checker)
        ),
        Some(false)
    );
}

/// Of the refused, those refused only for the balance keep their credits and
/// come first, cheapest first: the ones a larger balance would buy.
#[test]
fn compare_lists_the_clips_over_the_balance_first_of_the_refused() {
    let clip = Clip {
        duration: 8,
        resolution: "720p",
        input: Input::Text,
        audio: false,
        prompt: None,
    };
    // v1 and apiin.one 28, Mini 246; seedance-2.0 and -fast take no 8 s.
    let rows = compare(&clip, &Checker::new().balance(20));
    let refused: Vec<Option<u64>> = rows.iter().filter(|r| !r.ok).map(|r| r.credits).collect();
    let over = refused.iter().take_while(|c| c.is_some()).count();
    assert_eq!(refused[..over], [Some(28), Some(28), Some(246)]);
    assert!(
        over < refused.len(),
        "some refused for the clip itself: {refused:?}"
    );
    assert!(refused[over..].iter().all(Option::is_none), "{refused:?}");
    assert!(
        refused[..over].windows(2).all(|w| w[0] <= w[1]),
        "{refused:?}"
    );
}

/// A report is an error, with its verdict on one line: `quote_request`'s
/// `Err` goes through `?`, and an owned report through a `'static` error.
#[test]
fn a_report_is_an_error_that_says_its_verdict() {
    use seedance_rules::{check, SeedanceApiV2Request};
    fn quoted<'a>(
        req: &'a SeedanceApiV2Request<'a>,
    ) -> Result<u64, Box<dyn std::error::Error + 'a>> {
        Ok(seedance_rules::quote_request(req)?.credits().unwrap_or(0))
    }
    let ok = SeedanceApiV2Request {
        duration: Some(10),
        ..SeedanceApiV2Request::new("Sunrise over misty mountains")
    };
    assert_eq!(quoted(&ok).unwrap(), 480);
    let bad = SeedanceApiV2Request {
        duration: Some(7),
        resolution: Some("4k".into()),
        ..ok.clone()
    };
    let err = quoted(&bad).unwrap_err().to_string();
    assert!(
        err.starts_with(
            "invalid: INVALID_RESOLUTION (HTTP 400, the library's own code) at `resolution`: "
        ),
        "{err}"
    );
    assert!(
        err.contains("; INVALID_DURATION (HTTP 400) at `duration`: "),
        "{err}"
    );
    let report = check_request(&ok);
    assert_eq!(report.to_string(), "valid: 480 credits ($4.80)");
    let owned: Box<dyn std::error::Error + Send + Sync + 'static> = Box::new(report.into_owned());
    assert_eq!(owned.to_string(), "valid: 480 credits ($4.80)");
    let mini = check(
        "seedanceapi-v2",
        r#"{"prompt": "a kite", "model": "seedance-2-mini", "resolution": "1080p", "duration": 8}"#,
    )
    .unwrap();
    assert_eq!(mini.to_string(), "valid: 246 credits ($2.46), 1 warning");
    let unpriced = check("seedance2ai-video", r#"{"prompt": "a kite"}"#).unwrap();
    assert_eq!(unpriced.to_string(), "valid, not priced");
    assert_eq!(unpriced.into_owned().to_string(), "valid, not priced");
}

#[test]
fn a_clips_input_reads_and_writes_by_name() {
    for input in [Input::Text, Input::Image, Input::Video] {
        assert_eq!(input.to_string().parse::<Input>(), Ok(input));
        assert_eq!(Input::from_name(input.name()), Some(input));
    }
    let err = "audio".parse::<Input>().unwrap_err();
    assert_eq!(
        err.to_string(),
        "a clip's input is `text`, `image` or `video`"
    );
}

/// The status a report answers with: none when valid, else its first
/// violation's.
#[test]
fn a_report_answers_with_its_first_violations_status() {
    let body = r#"{"prompt": "Sunrise over misty mountains", "duration": 10}"#;
    let over = Checker::new().balance(100);
    assert_eq!(check("seedanceapi-v2", body).unwrap().status(), None);
    let report = over.check("seedanceapi-v2", body).unwrap();
    assert_eq!(report.status(), Some(402));
    assert_eq!(report.into_owned().status(), Some(402));
    let invalid =
        r#"{"prompt": "Sunrise over misty mountains", "duration": 10, "resolution": "4k"}"#;
    // An invalid request has no price, so it is never over the balance too.
    let report = over.check("seedanceapi-v2", invalid).unwrap();
    assert_eq!(report.violations().len(), 1, "{report}");
    assert_eq!(report.status(), Some(400));
}

/// What serde says of a value it cannot read names what the field takes:
/// a string, a duration's two JSON types, an integer of the field's width.
#[cfg(feature = "serde")]
#[test]
fn serde_says_what_a_field_expects() {
    fn complaint<'de, R: serde::Deserialize<'de>>(body: &'de str) -> String {
        let e = serde_json::from_str::<R>(body)
            .err()
            .expect(body)
            .to_string();
        e.split(" at line").next().unwrap().to_owned()
    }
    assert_eq!(
        complaint::<SeedanceApiV2Request>(r#"{"prompt": "a kite", "resolution": 720}"#),
        "invalid type: integer `720`, expected a string"
    );
    assert_eq!(
        complaint::<SeedanceApiV1Request>(r#"{"prompt": "a kite", "duration": true}"#),
        "invalid type: boolean `true`, expected a duration: a string of digits, or an integer"
    );
    assert_eq!(
        complaint::<Seedance2aiVideoRequest>(r#"{"prompt": "a kite", "seed": "7"}"#),
        "invalid type: string \"7\", expected an integer that fits a i64"
    );
    assert_eq!(
        complaint::<SeedanceApiV2Request>(r#"{"prompt": "a kite", "duration": true}"#),
        "invalid type: boolean `true`, expected a duration: a u32 of seconds, or its digits as a string"
    );
}

/// A float is whole and exact below 2^53 only: `9007199254740992.0` may
/// have been `9007199254740993` before serde_json rounded it, so serde
/// refuses it, where 2^53 - 1 reads as the integer, in an integer field and
/// in a duration kept as digits alike.
#[cfg(feature = "serde")]
#[test]
fn serde_reads_a_float_as_an_integer_only_below_two_to_the_53() {
    let seed = |n: &str| {
        let body = format!(r#"{{"prompt": "a slow pan over a harbour", "seed": {n}}}"#);
        serde_json::from_str::<Seedance2aiVideoRequest>(&body).map(|r| r.seed)
    };
    assert_eq!(
        seed("9007199254740991.0").ok(),
        Some(Some(9_007_199_254_740_991))
    );
    assert_eq!(
        seed("-9007199254740991.0").ok(),
        Some(Some(-9_007_199_254_740_991))
    );
    assert!(seed("9007199254740992.0").is_err());
    assert!(seed("-9007199254740992.0").is_err());
    let duration = |n: &str| {
        let body = format!(r#"{{"prompt": "a slow pan over a harbour", "duration": {n}}}"#);
        serde_json::from_str::<SeedanceApiV1Request>(&body)
            .map(|r| r.duration.map(|d| d.into_owned()))
    };
    assert_eq!(
        duration("9007199254740991.0").ok(),
        Some(Some("9007199254740991".to_owned()))
    );
    assert!(duration("9007199254740992.0").is_err());
}

/// Read from a `serde_json::Value`, which hands its strings over owned, an
/// owned request keeps each string as it was.
#[cfg(feature = "serde")]
#[test]
fn an_owned_request_reads_from_a_json_value() {
    let value = serde_json::json!({
        "prompt": "A compact product demo",
        "model": "seedance-2-mini",
        "resolution": "720p",
        "duration": 8,
        "images": ["https://example.com/a.png"],
    });
    let request: OwnedRequest<SeedanceApiV2Request<'static>> =
        serde_json::from_value(value).unwrap();
    assert_eq!(request.prompt, "A compact product demo");
    assert_eq!(request.model.as_deref(), Some("seedance-2-mini"));
    assert_eq!(request.resolution.as_deref(), Some("720p"));
    assert_eq!(request.images, ["https://example.com/a.png"]);
    let value = serde_json::json!({"prompt": "a dancer", "duration": "8"});
    let v1: OwnedRequest<SeedanceApiV1Request<'static>> = serde_json::from_value(value).unwrap();
    assert_eq!(v1.duration.as_deref(), Some("8"));
}

#[test]
fn a_fields_notes_are_the_hints_of_its_conditional_rules_that_hold() {
    // seedance-2.0: the conditional rules on `duration`, `aspect_ratio`
    // and the reference files hold; their hints are the notes, and no hint
    // of a rule that holds whatever the body says is one.
    let body = r#"{"model": "seedance-2.0"}"#;
    let spec = Endpoint::SeedanceApiV2.spec();
    let options = field_options(Endpoint::SeedanceApiV2, body).expect("JSON");
    let mut noted = 0;
    for (i, o) in options.iter().enumerate() {
        for note in &o.notes {
            let conditional = spec
                .rules
                .iter()
                .any(|r| r.field == i && !r.when.is_empty() && r.hint == *note);
            assert!(conditional, "{}: {note}", o.name);
            noted += 1;
        }
        let own_hints = spec
            .rules
            .iter()
            .filter(|r| r.field == i && r.when.is_empty() && !r.hint.is_empty());
        for r in own_hints {
            assert!(!o.notes.contains(&r.hint), "{}: {}", o.name, r.id);
        }
    }
    assert_eq!(
        noted, 4,
        "duration, aspect_ratio and the two kinds of reference"
    );
    // Mini's own rules on `duration`, `aspect_ratio` and `resolution` hold
    // and have no hint, and no rule with one holds: nothing is noted.
    let mini =
        field_options(Endpoint::SeedanceApiV2, r#"{"model": "seedance-2-mini"}"#).expect("JSON");
    let notes: Vec<_> = mini.iter().flat_map(|o| o.notes.iter()).collect();
    assert!(notes.is_empty(), "{notes:?}");
    // Their JSON holds every key, in one line, and reads as the tree.
    for o in &options {
        let text = o.to_json();
        assert!(!text.contains('\n'), "{text}");
        let json = Json::parse(&text).expect("JSON");
        assert_eq!(json, o.to_json_value());
        assert_eq!(json["name"].as_str(), Some(o.name));
        assert_eq!(json["required"].as_bool(), Some(o.required));
        let range = o
            .range
            .map(|[lo, hi]| Json::from(vec![Json::from(lo), Json::from(hi)]));
        assert_eq!(json["range"], range.unwrap_or(Json::Null), "{text}");
        assert_eq!(
            json["notes"].as_array().map(<[Json]>::len),
            Some(o.notes.len())
        );
    }
}

#[test]
fn a_description_pretty_is_its_json_indented() {
    let d = describe(Endpoint::Seedance2aiVideo);
    let pretty = d.to_json_pretty();
    assert!(pretty.lines().count() > 10, "{pretty}");
    assert_eq!(
        Json::parse(&pretty).expect("JSON"),
        Json::parse(&d.to_json()).expect("JSON")
    );
}

#[test]
fn each_error_says_which_kind_it_is_and_only_that() {
    let unknown = check("nano-banana", "{}").unwrap_err();
    let json = check("seedanceapi-v2", "{").unwrap_err();
    let book = PriceBook::from_json("{}").unwrap_err();
    let kinds = |e: &Error| [e.is_unknown_endpoint(), e.is_json(), e.is_price_book()];
    assert_eq!(kinds(&unknown), [true, false, false]);
    assert_eq!(kinds(&json), [false, true, false]);
    assert_eq!(kinds(&book), [false, false, true]);
    // A close id is offered; an id close to none gets only the list.
    assert!(
        unknown
            .to_string()
            .contains("did you mean `seedance2ai-nano-banana-pro`?"),
        "{unknown}"
    );
    let far = check("completely-different", "{}").unwrap_err().to_string();
    assert!(!far.contains('?'), "{far}");
    assert!(far.contains(&Endpoint::ids()), "{far}");
    assert_eq!(Endpoint::ids(), Endpoint::ALL.map(Endpoint::id).join(", "));
}

#[test]
fn an_endpoint_shows_as_its_id() {
    for e in Endpoint::ALL {
        assert_eq!(e.to_string(), e.id());
    }
}

#[cfg(feature = "serde")]
#[test]
fn serde_names_what_an_endpoint_expects() {
    let e = serde_json::from_str::<Endpoint>("7")
        .unwrap_err()
        .to_string();
    assert!(e.contains("expected an endpoint id"), "{e}");
}

#[test]
fn a_source_is_a_decision_only_when_it_says_one() {
    let prices = Endpoint::SeedanceApiV2.spec().prices;
    let rows: Vec<&Source> = prices.rows.iter().map(|r| &r.source).collect();
    assert!(rows.iter().any(|s| s.is_decision()));
    assert!(rows.iter().any(|s| !s.is_decision()));
    for s in rows {
        assert_eq!(s.is_decision(), !s.decision.is_empty());
    }
}
