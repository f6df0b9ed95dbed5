//! The bodies every benchmark measures: one valid body of about 150 bytes per
//! endpoint (JSON text and the same request typed), one valid body per
//! endpoint that carries URLs, and a batch of sixteen bodies across the
//! endpoints, half of them invalid.

use seedance_rules::{
    ApiinoneVideosRequest, Endpoint, Seedance2aiGptImage2Request, Seedance2aiNanoBananaProRequest,
    Seedance2aiVideoRequest, SeedanceApiV1Request, SeedanceApiV2Request,
};

/// One valid body per endpoint, in [`Endpoint::ALL`] order. None draws a
/// warning, so the typed versions take the allocation-free path.
pub const VALID: [(Endpoint, &str); 6] = [
    (
        Endpoint::SeedanceApiV1,
        r#"{"prompt":"A slow dolly shot through a neon-lit street at night, rain on the asphalt","aspect_ratio":"16:9","resolution":"480p","duration":"8","generate_audio":true}"#,
    ),
    (
        Endpoint::SeedanceApiV2,
        r#"{"prompt":"A compact product demo with smooth camera motion on a white table","model":"seedance-2-mini","duration":8,"resolution":"720p","aspect_ratio":"16:9"}"#,
    ),
    (
        Endpoint::Seedance2aiVideo,
        r#"{"mode":"text-to-video","quality_tier":"pro","prompt":"A glass train crossing a snowy mountain bridge at dawn","duration":"6","resolution":"1080p","seed":42}"#,
    ),
    (
        Endpoint::Seedance2aiGptImage2,
        r#"{"type":"text-to-image","channel":"economy","prompt":"Editorial product photo of a transparent running shoe on chrome","resolution":"2K","aspectRatio":"4:3","batchCount":2}"#,
    ),
    (
        Endpoint::Seedance2aiNanoBananaPro,
        r#"{"type":"text-to-image","prompt":"A watercolor map of an imaginary island with tiny lighthouses","image_size":"16:9","output_format":"jpeg","resolution":"2K"}"#,
    ),
    (
        Endpoint::ApiinoneVideos,
        r#"{"model":"seedance-1-5-pro","prompt":"A dancer spinning in a sunlit studio, dust in the air","aspect_ratio":"9:16","resolution":"720p","duration":"12","generateAudio":true}"#,
    ),
];

/// Sixteen bodies across the six endpoints: eight valid, eight invalid
/// (a violation of each common kind: value, length, type, URL, cross-field).
pub const BATCH: [(Endpoint, &str); 16] = [
    VALID[0],
    VALID[1],
    VALID[2],
    VALID[3],
    VALID[4],
    VALID[5],
    (
        Endpoint::SeedanceApiV2,
        r#"{"prompt":"A cinematic aerial shot over a coastline at golden hour","model":"seedance-2.0","duration":10,"resolution":"1080p"}"#,
    ),
    (
        Endpoint::SeedanceApiV1,
        r#"{"prompt":"Sunrise over misty mountains","image_urls":["https://example.com/frame.png"],"callback_url":"https://example.com/hook"}"#,
    ),
    // Invalid from here on.
    (
        Endpoint::SeedanceApiV2,
        r#"{"prompt":"A slow pan across a quiet harbor","model":"seedance-2.0","duration":7,"aspect_ratio":"1:1"}"#,
    ),
    (
        Endpoint::SeedanceApiV1,
        r#"{"prompt":"   ","resolution":"1080p","duration":"5"}"#,
    ),
    (
        Endpoint::SeedanceApiV1,
        r#"{"prompt":"A fox in the snow","callback_url":"http://localhost:3000/hook","generate_audio":"yes"}"#,
    ),
    (
        Endpoint::Seedance2aiVideo,
        r#"{"mode":"image-to-video","prompt":"The statue turns its head","channel":"real","seed":7}"#,
    ),
    (
        Endpoint::Seedance2aiGptImage2,
        r#"{"type":"text-to-image","prompt":"A square poster","resolution":"4K","aspectRatio":"1:1","batchCount":5}"#,
    ),
    (
        Endpoint::Seedance2aiNanoBananaPro,
        r#"{"type":"image-to-image","prompt":"ok","output_format":"webp"}"#,
    ),
    (
        Endpoint::ApiinoneVideos,
        r#"{"model":"seedance-2-0","prompt":"A dancer","duration":"10"}"#,
    ),
    (
        Endpoint::SeedanceApiV2,
        r#"{"prompt":"Reference motion","model":"seedance-2.0-fast","reference_video_urls":["https://example.com/m.mp4"],"images":["ftp://example.com/a.png"]}"#,
    ),
];

/// One valid body per endpoint that carries URLs, in [`Endpoint::ALL`]
/// order: the image-to-video (or image-to-image) request, with a callback
/// where the endpoint takes one. None draws a warning. Every URL is read by
/// the rules (`http`/`https`, and a public host for callbacks).
pub const WITH_URLS: [(Endpoint, &str); 6] = [
    (
        Endpoint::SeedanceApiV1,
        r#"{"prompt":"A slow dolly shot through a neon-lit street at night","image_urls":["https://example.com/street.png"],"callback_url":"https://example.com/hooks/seedance"}"#,
    ),
    (
        Endpoint::SeedanceApiV2,
        r#"{"prompt":"The subject walks forward and looks at the camera","images":["https://example.com/reference.jpg"],"callback_url":"https://example.com/hooks/seedance"}"#,
    ),
    (
        Endpoint::Seedance2aiVideo,
        r#"{"mode":"image-to-video","prompt":"A cinematic shot of a glass train crossing a snowy mountain bridge","image_url":"https://example.com/start.png"}"#,
    ),
    (
        Endpoint::Seedance2aiGptImage2,
        r#"{"type":"image-to-image","prompt":"Editorial product photo of a transparent running shoe","resolution":"1K","aspectRatio":"1:1","imageUrls":["https://example.com/shoe.png"]}"#,
    ),
    (
        Endpoint::Seedance2aiNanoBananaPro,
        r#"{"type":"image-to-image","prompt":"A premium packaging mockup for an AI video studio","image_urls":["https://example.com/box.png"]}"#,
    ),
    (
        Endpoint::ApiinoneVideos,
        r#"{"model":"seedance-1-5-pro","prompt":"A dancer performing contemporary ballet in a spotlight","image":"https://example.com/dancer.jpg","callback_url":"https://example.com/hooks/seedance"}"#,
    ),
];

/// The credits of [`WITH_URLS`] (`None`: seedance2ai.io publishes no price).
pub const WITH_URLS_CREDITS: [Option<u64>; 6] = [Some(28), Some(240), None, None, None, Some(28)];

/// The credits of [`VALID`] (`None`: seedance2ai.io publishes no price).
pub const VALID_CREDITS: [Option<u64>; 6] = [Some(28), Some(246), None, None, None, Some(84)];

/// [`VALID`]`[0]`, typed.
pub fn v1() -> SeedanceApiV1Request<'static> {
    SeedanceApiV1Request {
        aspect_ratio: Some("16:9".into()),
        resolution: Some("480p".into()),
        duration: Some("8".into()),
        generate_audio: Some(true),
        ..SeedanceApiV1Request::new(
            "A slow dolly shot through a neon-lit street at night, rain on the asphalt",
        )
    }
}

/// [`VALID`]`[1]`, typed.
pub fn v2() -> SeedanceApiV2Request<'static> {
    SeedanceApiV2Request {
        model: Some("seedance-2-mini".into()),
        duration: Some(8),
        resolution: Some("720p".into()),
        aspect_ratio: Some("16:9".into()),
        ..SeedanceApiV2Request::new(
            "A compact product demo with smooth camera motion on a white table",
        )
    }
}

/// [`VALID`]`[2]`, typed.
pub fn video() -> Seedance2aiVideoRequest<'static> {
    Seedance2aiVideoRequest {
        mode: Some("text-to-video".into()),
        quality_tier: Some("pro".into()),
        duration: Some("6".into()),
        resolution: Some("1080p".into()),
        seed: Some(42),
        ..Seedance2aiVideoRequest::new("A glass train crossing a snowy mountain bridge at dawn")
    }
}

/// [`VALID`]`[3]`, typed.
pub fn gpt_image_2() -> Seedance2aiGptImage2Request<'static> {
    Seedance2aiGptImage2Request {
        kind: "text-to-image".into(),
        channel: Some("economy".into()),
        prompt: "Editorial product photo of a transparent running shoe on chrome".into(),
        resolution: "2K".into(),
        aspect_ratio: "4:3".into(),
        batch_count: Some(2),
        image_urls: Vec::new(),
    }
}

/// [`VALID`]`[4]`, typed.
pub fn nano_banana_pro() -> Seedance2aiNanoBananaProRequest<'static> {
    Seedance2aiNanoBananaProRequest {
        kind: "text-to-image".into(),
        prompt: "A watercolor map of an imaginary island with tiny lighthouses".into(),
        image_size: Some("16:9".into()),
        output_format: Some("jpeg".into()),
        resolution: Some("2K".into()),
        image_urls: Vec::new(),
    }
}

/// [`VALID`]`[5]`, typed.
pub fn apiinone() -> ApiinoneVideosRequest<'static> {
    ApiinoneVideosRequest {
        model: "seedance-1-5-pro".into(),
        prompt: "A dancer spinning in a sunlit studio, dust in the air".into(),
        aspect_ratio: Some("9:16".into()),
        resolution: Some("720p".into()),
        duration: Some("12".into()),
        generate_audio: Some(true),
        ..ApiinoneVideosRequest::default()
    }
}
