//! `check_request` and `quote_request` on a valid typed request that draws no
//! warning make no heap allocation, for every endpoint (the promise of `check_request`'s docs);
//! `check` on a valid JSON body allocates only for its arrays.
//!
//! This file is its own test binary because it installs a counting global
//! allocator. The counter is per thread, so the test harness's other threads
//! cannot disturb a measurement; the control tests prove that the counter
//! sees an allocation, both in this file and inside the library.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::hint::black_box;

use seedance_rules::{
    check, check_request, quote_request, ApiinoneVideosRequest, Report, Request,
    Seedance2aiGptImage2Request, Seedance2aiNanoBananaProRequest, Seedance2aiVideoRequest,
    SeedanceApiV1Request, SeedanceApiV2Request,
};

/// The system allocator, counting every allocation (and reallocation) made
/// on the current thread.
struct Counting;

thread_local! {
    static ALLOCATIONS: Cell<u64> = const { Cell::new(0) };
}

fn count_one() {
    // `try_with`: the allocator may run while the thread's locals are torn down.
    let _ = ALLOCATIONS.try_with(|n| n.set(n.get() + 1));
}

// SAFETY: every call is forwarded unchanged to `System`, which upholds the
// `GlobalAlloc` contract; counting touches only a thread-local `Cell` that
// needs no allocation (a const-initialized local without destructor).
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count_one();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count_one();
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded with the caller's guarantees.
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Runs `f` and counts the allocations it makes on this thread.
fn allocations<T>(f: impl FnOnce() -> T) -> (T, u64) {
    let before = ALLOCATIONS.with(Cell::get);
    let out = f();
    let after = ALLOCATIONS.with(Cell::get);
    (out, after - before)
}

/// Checks `req`, counting allocations; the report is inspected after the count.
fn checked<R: Request>(req: &R) -> (Report<'_>, u64) {
    allocations(|| check_request(black_box(req)))
}

#[test]
fn control_an_allocation_here_is_counted() {
    let (v, n) = allocations(|| black_box(Vec::<u8>::with_capacity(1)));
    assert_eq!(n, 1, "Vec::with_capacity(1) is one allocation");
    drop(v);
    let (s, n) = allocations(|| {
        let mut s = black_box(String::with_capacity(1));
        s.push_str(black_box("more than one byte"));
        s
    });
    assert_eq!(n, 2, "an allocation and a reallocation");
    drop(s);
    let ((), n) = allocations(|| black_box(()));
    assert_eq!(n, 0, "nothing is nothing");
}

#[test]
fn control_an_allocation_in_the_library_is_counted() {
    // An invalid request: the violation's message is a `String`.
    let req = SeedanceApiV2Request {
        duration: Some(7),
        ..SeedanceApiV2Request::new("A slow pan across a quiet harbor")
    };
    let (report, n) = checked(&req);
    assert!(!report.is_ok());
    assert!(n > 0, "the violation's message must be counted");
}

fn assert_allocation_free<R: Request + std::fmt::Debug>(req: &R, credits: Option<u64>) {
    let (report, n) = checked(req);
    assert!(report.is_ok(), "{req:?}: {:?}", report.violations());
    assert!(
        report.warnings().is_empty(),
        "{req:?}: {:?}",
        report.warnings()
    );
    assert_eq!(report.credits(), credits, "{req:?}");
    assert_eq!(n, 0, "{req:?}: {n} heap allocation(s)");
    // The hot path answers with the quote alone, allocation-free too.
    let (quote, n) = allocations(|| quote_request(black_box(req)));
    assert_eq!(quote.map(|q| q.credits()).ok(), Some(credits), "{req:?}");
    assert_eq!(n, 0, "{req:?}: quote_request made {n} heap allocation(s)");
}

#[test]
fn seedanceapi_v1_is_allocation_free() {
    assert_allocation_free(&SeedanceApiV1Request::new("a cat"), Some(28));
    assert_allocation_free(
        &SeedanceApiV1Request {
            aspect_ratio: Some("16:9".into()),
            resolution: Some("480p".into()),
            duration: Some("8".into()),
            generate_audio: Some(true),
            fixed_lens: Some(false),
            ..SeedanceApiV1Request::new(
                "A slow dolly shot through a neon-lit street at night, rain on the asphalt",
            )
        },
        Some(28),
    );
}

#[test]
fn seedanceapi_v2_is_allocation_free() {
    assert_allocation_free(
        &SeedanceApiV2Request::new("Sunrise over misty mountains"),
        Some(240),
    );
    for (model, duration, credits) in [
        ("seedance-2.0", 15, 720),
        ("seedance-2.0-fast", 10, 320),
        ("seedance-2-mini", 8, 246),
    ] {
        assert_allocation_free(
            &SeedanceApiV2Request {
                model: Some(model.into()),
                duration: Some(duration),
                resolution: Some("720p".into()),
                aspect_ratio: Some("9:16".into()),
                public: Some(true),
                ..SeedanceApiV2Request::new("A compact product demo with smooth camera motion")
            },
            Some(credits),
        );
    }
    assert_allocation_free(
        &SeedanceApiV2Request {
            model: Some("seedance-2-mini".into()),
            duration: Some(8),
            resolution: Some("480p".into()),
            ..SeedanceApiV2Request::new("A compact product demo with smooth camera motion")
        },
        Some(114),
    );
}

#[test]
fn seedance2ai_video_is_allocation_free() {
    assert_allocation_free(
        &Seedance2aiVideoRequest::new("A glass train on a snowy bridge"),
        None,
    );
    assert_allocation_free(
        &Seedance2aiVideoRequest {
            mode: Some("text-to-video".into()),
            quality_tier: Some("pro".into()),
            channel: Some("wild".into()),
            aspect_ratio: Some("21:9".into()),
            duration: Some("6".into()),
            resolution: Some("1080p".into()),
            generate_audio: Some(false),
            fixed_lens: Some(true),
            seed: Some(42),
            ..Seedance2aiVideoRequest::new("A glass train crossing a snowy mountain bridge at dawn")
        },
        None,
    );
}

#[test]
fn seedance2ai_gpt_image_2_is_allocation_free() {
    assert_allocation_free(
        &Seedance2aiGptImage2Request {
            kind: "text-to-image".into(),
            channel: Some("economy".into()),
            prompt: "Editorial product photo of a transparent running shoe on chrome".into(),
            resolution: "4K".into(),
            aspect_ratio: "1:1".into(),
            batch_count: Some(2),
            image_urls: Vec::new(),
        },
        None,
    );
    assert_allocation_free(
        &Seedance2aiGptImage2Request {
            kind: "text-to-image".into(),
            prompt: "A poster".into(),
            resolution: "1K".into(),
            aspect_ratio: "auto".into(),
            ..Default::default()
        },
        None,
    );
}

#[test]
fn seedance2ai_nano_banana_pro_is_allocation_free() {
    assert_allocation_free(
        &Seedance2aiNanoBananaProRequest {
            kind: "text-to-image".into(),
            prompt: "A watercolor map of an imaginary island".into(),
            image_size: Some("16:9".into()),
            output_format: Some("jpeg".into()),
            resolution: Some("2K".into()),
            image_urls: Vec::new(),
        },
        None,
    );
}

#[test]
fn apiinone_videos_is_allocation_free() {
    assert_allocation_free(
        &ApiinoneVideosRequest {
            model: "seedance-1-5-pro".into(),
            prompt: "A dancer".into(),
            ..Default::default()
        },
        Some(28),
    );
    assert_allocation_free(
        &ApiinoneVideosRequest {
            model: "seedance-1-5-pro".into(),
            prompt: "A dancer spinning in a sunlit studio, dust in the air".into(),
            aspect_ratio: Some("9:16".into()),
            resolution: Some("720p".into()),
            duration: Some("12".into()),
            generate_audio: Some(true),
            fixed_lens: Some(true),
            ..Default::default()
        },
        Some(84),
    );
}

/// URLs are checked by the library's own parser, which reads the text where
/// it lies: a valid URL costs no allocation either.
#[test]
fn valid_requests_with_urls_are_allocation_free() {
    assert_allocation_free(
        &SeedanceApiV1Request {
            image_urls: vec!["https://example.com/frame.png".into()],
            callback_url: Some("https://example.com/hook".into()),
            ..SeedanceApiV1Request::new("a cat")
        },
        Some(28),
    );
    assert_allocation_free(
        &Seedance2aiVideoRequest {
            mode: Some("image-to-video".into()),
            image_url: Some("https://example.com/start.png".into()),
            ..Seedance2aiVideoRequest::new("The statue turns its head")
        },
        None,
    );
    // Every kind of host, and the parser's detours: case, escapes, tabs,
    // backslashes, ports, Punycode.
    for url in [
        "HTTPS://Example.COM:8443/a/../b?c=d#e",
        "https://8.8.8.8/x.png",
        "https://0x8.0x8.0x8.0x8/",
        "https://[2001:db8::1]:443/",
        "https://[::ffff:8.8.8.8]/",
        "https://xn--mnchen-3ya.de/bild.png",
        "https://ex%61mple.com./",
        "https:\\\\exam\tple.com\\a",
        "  https://:@example.com/  ",
    ] {
        assert_allocation_free(
            &SeedanceApiV2Request {
                model: Some("seedance-2-mini".into()),
                images: vec![url.into(), "https://cdn.example.com/2.jpg".into()],
                callback_url: Some(url.into()),
                ..SeedanceApiV2Request::new("The statue turns its head")
            },
            Some(154),
        );
    }
}

/// Checks a JSON body, counting allocations; the report is inspected after
/// the count.
fn checked_json<'a>(endpoint: &str, body: &'a str) -> (Report<'a>, u64) {
    let (report, n) = allocations(|| check(black_box(endpoint), black_box(body)));
    let report = report.expect("a known endpoint and JSON text");
    assert!(report.is_ok(), "{body}: {:?}", report.violations());
    assert!(
        report.warnings().is_empty(),
        "{body}: {:?}",
        report.warnings()
    );
    (report, n)
}

/// A JSON body is read where it lies: its strings (without escapes),
/// numbers and booleans cost nothing, and an array of URLs costs one
/// allocation, its elements', however many URLs it has. The first value
/// that owns memory is kept in the slots' own first place; a second one
/// costs one more allocation, for the places after it.
#[test]
fn json_bodies_allocate_only_their_arrays() {
    let (report, n) = checked_json(
        "seedanceapi-v2",
        r#"{"prompt":"The statue turns its head","model":"seedance-2-mini","duration":8,"resolution":"720p","callback_url":"https://example.com/hook"}"#,
    );
    assert_eq!(report.credits(), Some(246));
    assert_eq!(n, 0, "{n} heap allocation(s) for a body without arrays");
    let (report, n) = checked_json(
        "seedanceapi-v2",
        r#"{"prompt":"The statue turns its head","model":"seedance-2-mini","images":["https://example.com/1.png","https://example.com/2.png","https://example.com/3.png"]}"#,
    );
    assert_eq!(report.credits(), Some(154));
    assert_eq!(n, 1, "{n} heap allocation(s) for a body with one array");
    let (report, n) = checked_json(
        "seedanceapi-v2",
        r#"{"prompt":"The statue turns its head","model":"seedance-2-mini","images":["https://example.com/1.png"],"reference_video_urls":["https://example.com/m.mp4"]}"#,
    );
    assert!(report.credits().is_some());
    assert_eq!(n, 3, "{n} heap allocation(s) for a body with two arrays");
}
