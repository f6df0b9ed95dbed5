// What a JavaScript user would write instead of `seedance-rules`: the same
// validation with ajv (the Rust peer's JSON Schemas, compiled once) or with
// hand-written zod 4 schemas, then a price lookup in a `Map` keyed on the
// price-relevant fields (with the provider's defaults filled in by hand), and
// for Seedance 2 Mini the per-second formula in integer arithmetic.
//
// `schemas.json` and `bodies.json` are written by the Rust tests of
// `seedance-benches` (`UPDATE_JS=1 cargo test -p seedance-benches`), so that
// both benchmarks measure the same bodies against the same schemas.

import { readFileSync } from 'node:fs';

import Ajv from 'ajv';
import * as z from 'zod';

const here = new URL('.', import.meta.url);
export const schemas = JSON.parse(readFileSync(new URL('schemas.json', here), 'utf8'));
export const bodies = JSON.parse(readFileSync(new URL('bodies.json', here), 'utf8'));

// ---- price ----------------------------------------------------------------

const PRICES = new Map();
const GRID = [
  ['480p', 4, false, 8], ['480p', 8, false, 14], ['480p', 12, false, 19],
  ['480p', 4, true, 14], ['480p', 8, true, 28], ['480p', 12, true, 38],
  ['720p', 4, false, 14], ['720p', 8, false, 28], ['720p', 12, false, 42],
  ['720p', 4, true, 28], ['720p', 8, true, 56], ['720p', 12, true, 84],
];
for (const endpoint of ['seedanceapi-v1', 'apiinone-videos']) {
  for (const [res, secs, audio, credits] of GRID) {
    PRICES.set(`${endpoint}||${res}|${secs}|${audio}`, credits);
  }
}
for (const [model, per5] of [['seedance-2.0', 240], ['seedance-2.0-fast', 160]]) {
  for (const k of [1, 2, 3]) PRICES.set(`seedanceapi-v2|${model}||${5 * k}|false`, per5 * k);
}
// Mini: upstream credits a second as [numerator, denominator], by billed
// resolution and whether reference videos are sent; published = × 3/2, ceil.
const MINI = {
  '480p|false': [19, 2], '480p|true': [6, 1], '720p|false': [41, 2], '720p|true': [25, 2],
};

const seconds = (v, fallback) => (v === undefined ? fallback : Number(v));

/** The credits of a valid body, or null (seedance2ai.io publishes no price). */
export function price(endpoint, b) {
  switch (endpoint) {
    case 'seedanceapi-v1':
      return PRICES.get(`${endpoint}||${b.resolution ?? '720p'}|${seconds(b.duration, 8)}|${b.generate_audio ?? false}`) ?? null;
    case 'apiinone-videos':
      return PRICES.get(`${endpoint}||${b.resolution ?? '720p'}|${seconds(b.duration, 8)}|${b.generateAudio ?? false}`) ?? null;
    case 'seedanceapi-v2': {
      const model = b.model ?? 'seedance-2.0';
      const secs = seconds(b.duration, 5);
      if (model !== 'seedance-2-mini') return PRICES.get(`${endpoint}|${model}||${secs}|false`) ?? null;
      const res = b.resolution === undefined || b.resolution === '1080p' ? '720p' : b.resolution;
      const video = Array.isArray(b.reference_video_urls) && b.reference_video_urls.length > 0;
      const [num, den] = MINI[`${res}|${video}`];
      return Math.ceil((num * 3 * secs) / (den * 2)); // exact: small integers
    }
    default:
      return null;
  }
}

// ---- ajv ------------------------------------------------------------------

function ajvValidators(allErrors) {
  const ajv = new Ajv({ allErrors, strict: false });
  return Object.fromEntries(Object.entries(schemas).map(([e, s]) => [e, ajv.compile(s)]));
}

const AJV_ALL = ajvValidators(true);
const AJV_FIRST = ajvValidators(false);

/** ajv with every error collected (like the library's report), then the price. */
export function ajvCheck(endpoint, body) {
  const validate = AJV_ALL[endpoint];
  if (validate(body)) return { ok: true, errors: [], credits: price(endpoint, body) };
  return { ok: false, errors: validate.errors, credits: null };
}

/** ajv stopping at the first error (its default), then the price. */
export function ajvQuick(endpoint, body) {
  const validate = AJV_FIRST[endpoint];
  if (validate(body)) return { ok: true, errors: [], credits: price(endpoint, body) };
  return { ok: false, errors: validate.errors, credits: null };
}

// ---- zod 4 ----------------------------------------------------------------

// The URL patterns are the ones of the JSON Schemas.
const v1 = schemas['seedanceapi-v1'].properties;
const HTTP_URL = new RegExp(v1.image_urls.items.pattern, 'u');
const NOT_PUBLIC = new RegExp(v1.callback_url.not.pattern, 'u');
// https only: the same pattern with its optional `s` made required.
const HTTPS_URL = new RegExp(v1.image_urls.items.pattern.replace('[Ss]?://', '[Ss]://'), 'u');
if (HTTPS_URL.test('http://example.com/')) throw new Error('the https pattern no longer derives from the http one');

const httpUrl = z.string().regex(HTTP_URL);
const publicHttpUrl = z.string().regex(HTTP_URL).refine((s) => !NOT_PUBLIC.test(s), 'not a public URL');
const publicHttpsUrl = z.string().regex(HTTPS_URL).refine((s) => !NOT_PUBLIC.test(s), 'not a public URL');

/** Characters are Unicode code points (as JSON Schema and the library count). */
function codePoints(s) {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** A prompt of `min..=max` code points, not only white space. UTF-16 length
 *  bounds the code points from above, so counting is rarely needed. */
const prompt = (min, max) =>
  z.string().regex(/\S/u).refine((s) => {
    const units = s.length;
    if (units >= 2 * min && units <= max) return true;
    const n = codePoints(s);
    return n >= min && n <= max;
  }, `must have ${min} to ${max} characters`);

const range = (lo, hi) => Array.from({ length: hi - lo + 1 }, (_, k) => lo + k);
/** A duration the documents show as a string, accepted as an integer too. */
const durationOf = (allowed) => z.union([z.enum(allowed.map(String)), z.literal(allowed)]);
const INT_TEXT = /^[+-]?[0-9]+$/u;

const issue = (ctx, path, message) => ctx.addIssue({ code: 'custom', path: [path], message });

/** An input the selected mode or type uses: 1 to `max` public https URLs. */
function needsUrls(ctx, b, field, max, missing) {
  const list = b[field];
  if (!list?.length) issue(ctx, field, missing);
  else if (list.length > max) issue(ctx, field, `at most ${max}`);
  else if (!list.every((u) => publicHttpsUrl.safeParse(u).success)) issue(ctx, field, 'not a public https URL');
}

const ZOD = {
  'seedanceapi-v1': z.object({
    prompt: prompt(1, 2000),
    aspect_ratio: z.enum(['1:1', '16:9', '9:16', '4:3', '3:4', '21:9', '9:21']).optional(),
    resolution: z.enum(['480p', '720p']).optional(),
    duration: durationOf([4, 8, 12]).optional(),
    generate_audio: z.boolean().optional(),
    fixed_lens: z.boolean().optional(),
    image_urls: z.array(httpUrl).max(1).optional(),
    callback_url: publicHttpUrl.optional(),
  }),
  'seedanceapi-v2': z
    .object({
      prompt: prompt(1, 2000),
      model: z.enum(['seedance-2.0', 'seedance-2.0-fast', 'seedance-2-mini']).optional(),
      duration: z.union([z.number().int(), z.string().regex(INT_TEXT)]).optional(),
      resolution: z.enum(['480p', '720p', '1080p']).optional(),
      aspect_ratio: z.string().optional(),
      images: z.array(httpUrl).max(4).optional(),
      reference_video_urls: z.array(httpUrl).optional(),
      reference_audio_urls: z.array(httpUrl).optional(),
      callback_url: publicHttpUrl.optional(),
      public: z.boolean().optional(),
    })
    .superRefine((b, ctx) => {
      const mini = b.model === 'seedance-2-mini';
      if (b.duration !== undefined) {
        const d = Number(b.duration);
        if (mini ? !(d >= 4 && d <= 15) : !(d === 5 || d === 10 || d === 15)) {
          issue(ctx, 'duration', 'duration not allowed for the model');
        }
      }
      if (b.aspect_ratio !== undefined) {
        const allowed = mini
          ? ['16:9', '9:16', '4:3', '3:4', '1:1', '21:9', 'adaptive']
          : ['16:9', '9:16', '4:3', '3:4'];
        if (!allowed.includes(b.aspect_ratio)) issue(ctx, 'aspect_ratio', 'aspect_ratio not allowed');
      }
      if (!mini) {
        for (const f of ['reference_video_urls', 'reference_audio_urls']) {
          if (b[f]?.length) issue(ctx, f, `${f} is for seedance-2-mini only`);
        }
      }
    }),
  'seedance2ai-video': z
    .object({
      mode: z.enum(['text-to-video', 'image-to-video', 'media-to-video']).optional(),
      quality_tier: z.enum(['standard', 'pro']).optional(),
      channel: z.enum(['standard', 'real', 'wild']).optional(),
      prompt: prompt(3, 10000),
      aspect_ratio: z.enum(['1:1', '21:9', '4:3', '3:4', '16:9', '9:16']).optional(),
      duration: durationOf(range(4, 15)).optional(),
      resolution: z.enum(['720p', '1080p']).optional(),
      // Inputs are checked only in the mode that uses them (below).
      image_url: z.string().optional(),
      end_image_url: z.string().optional(),
      media_urls: z.array(z.string()).optional(),
      generate_audio: z.boolean().optional(),
      fixed_lens: z.boolean().optional(),
      seed: z.number().int().min(-1).max(4294967295).optional(),
    })
    .superRefine((b, ctx) => {
      if (b.mode === 'image-to-video') {
        if (b.image_url === undefined) issue(ctx, 'image_url', 'required for image-to-video');
        else if (!publicHttpsUrl.safeParse(b.image_url).success) issue(ctx, 'image_url', 'not a public https URL');
        if (b.end_image_url !== undefined && !publicHttpsUrl.safeParse(b.end_image_url).success) {
          issue(ctx, 'end_image_url', 'not a public https URL');
        }
      }
      if (b.mode === 'media-to-video') needsUrls(ctx, b, 'media_urls', 12, 'required for media-to-video');
      if (b.channel === 'real' && b.seed !== undefined) issue(ctx, 'seed', 'not on the real channel');
    }),
  'seedance2ai-gpt-image-2': z
    .object({
      type: z.enum(['text-to-image', 'image-to-image']),
      channel: z.enum(['standard', 'economy']).optional(),
      prompt: prompt(3, 20000),
      resolution: z.enum(['1K', '2K', '4K']),
      aspectRatio: z.enum(['auto', '1:1', '5:4', '9:16', '21:9', '16:9', '4:3', '3:2', '4:5',
        '3:4', '2:3', '2:1', '1:2', '3:1', '1:3', '9:21']),
      batchCount: z.number().int().min(1).max(4).optional(),
      imageUrls: z.array(z.string()).optional(),
    })
    .superRefine((b, ctx) => {
      if (b.type === 'image-to-image') needsUrls(ctx, b, 'imageUrls', 10, 'required for image-to-image');
      if (b.aspectRatio === 'auto' && b.resolution !== '1K') issue(ctx, 'resolution', 'auto only supports 1K');
      if (b.aspectRatio === '1:1' && (b.channel ?? 'standard') === 'standard' && b.resolution === '4K') {
        issue(ctx, 'resolution', '1:1 at 4K needs the economy channel');
      }
    }),
  'seedance2ai-nano-banana-pro': z
    .object({
      type: z.enum(['text-to-image', 'image-to-image']),
      prompt: prompt(3, 10000),
      image_size: z.enum(['1:1', '9:16', '16:9', '3:4', '4:3', '3:2', '2:3', '5:4', '4:5', '21:9', 'auto']).optional(),
      output_format: z.enum(['png', 'jpeg']).optional(),
      resolution: z.enum(['1K', '2K', '4K']).optional(),
      image_urls: z.array(z.string()).optional(),
    })
    .superRefine((b, ctx) => {
      if (b.type === 'image-to-image') needsUrls(ctx, b, 'image_urls', 8, 'required for image-to-image');
    }),
  'apiinone-videos': z.object({
    model: z.literal('seedance-1-5-pro'),
    prompt: z.string().regex(/\S/u),
    image: httpUrl.optional(),
    aspect_ratio: z.enum(['16:9', '9:16', '4:3', '3:4', '1:1']).optional(),
    resolution: z.enum(['480p', '720p']).optional(),
    duration: durationOf([4, 8, 12]).optional(),
    generateAudio: z.boolean().optional(),
    fixedLens: z.boolean().optional(),
    callback_url: publicHttpUrl.optional(),
  }),
};

/** zod 4 `safeParse` (every issue collected), then the price. */
export function zodCheck(endpoint, body) {
  const r = ZOD[endpoint].safeParse(body);
  if (r.success) return { ok: true, errors: [], credits: price(endpoint, body) };
  return { ok: false, errors: r.error.issues, credits: null };
}
