// Types of the npm package `seedance-rules` (docs/contract.md, "JavaScript API").
// Hand-written beside js/api.js; `npm test` type-checks a file that uses them
// with `tsc --noEmit --strict`, and test/types.test.mjs holds the request
// types to the rule tables (`describe()`) and to the conformance bodies.

// ---- endpoints and request bodies -------------------------------------------

/** The endpoint ids. */
export type EndpointId =
  | 'seedanceapi-v1'
  | 'seedanceapi-v2'
  | 'seedance2ai-video'
  | 'seedance2ai-gpt-image-2'
  | 'seedance2ai-nano-banana-pro'
  | 'apiinone-videos';

/** seedanceapi.org `POST /v1/generate` (Seedance 1.5 Pro). */
export interface SeedanceApiV1Request {
  /** Required, 1-2000 characters. */
  prompt: string;
  /** Default `1:1`. */
  aspect_ratio?: '1:1' | '16:9' | '9:16' | '4:3' | '3:4' | '21:9' | '9:21';
  /** Default `720p`. */
  resolution?: '480p' | '720p';
  /** Seconds, as a string. Default `"8"`. */
  duration?: '4' | '8' | '12';
  /** Default false. */
  generate_audio?: boolean;
  /** Default false. */
  fixed_lens?: boolean;
  /** At most one image URL (image-to-video). */
  image_urls?: string[];
  /** A public http(s) URL, not localhost. */
  callback_url?: string;
}

/** seedanceapi.org `POST /v2/generate` (Seedance 2.0, 2.0 Fast, 2 Mini). */
export interface SeedanceApiV2Request {
  /** Required, 1-2000 characters. */
  prompt: string;
  /** Default `seedance-2.0`. */
  model?: 'seedance-2.0' | 'seedance-2.0-fast' | 'seedance-2-mini';
  /** Seconds, an integer: 5, 10 or 15 for 2.0 and Fast; 4-15 for Mini. Default 5. */
  duration?: number;
  /** Default `720p`; Mini's `1080p` is sent and billed as `720p`. */
  resolution?: '480p' | '720p' | '1080p';
  /** `16:9 9:16 4:3 3:4`; Mini also `1:1 21:9 adaptive`. Default `16:9` for text-to-video. */
  aspect_ratio?: '16:9' | '9:16' | '4:3' | '3:4' | '1:1' | '21:9' | 'adaptive';
  /** 1-4 http(s) image URLs (image-to-video). */
  images?: string[];
  /** Mini only. */
  reference_video_urls?: string[];
  /** Mini only. */
  reference_audio_urls?: string[];
  /** A public http(s) URL, not localhost. */
  callback_url?: string;
  public?: boolean;
}

/** seedance2ai.io `POST /api/v1/video/seedance`. */
export interface Seedance2aiVideoRequest {
  /** Default `text-to-video`. */
  mode?: 'text-to-video' | 'image-to-video' | 'media-to-video';
  /** Default `standard`. */
  quality_tier?: 'standard' | 'pro';
  /** Default `standard`. */
  channel?: 'standard' | 'real' | 'wild';
  /** Required, 3-10000 characters. */
  prompt: string;
  /** Default `16:9`. */
  aspect_ratio?: '1:1' | '21:9' | '4:3' | '3:4' | '16:9' | '9:16';
  /** Seconds, as a string: `"4"` to `"15"`. Default `"5"`. */
  duration?: string;
  /** Default `720p`. */
  resolution?: '720p' | '1080p';
  /** A public https URL; required for image-to-video. */
  image_url?: string;
  /** A public https URL. */
  end_image_url?: string;
  /** 1-12 public https URLs; required for media-to-video. */
  media_urls?: string[];
  /** Default true. */
  generate_audio?: boolean;
  /** Default false. */
  fixed_lens?: boolean;
  /** -1 to 4294967295; not on the `real` channel. */
  seed?: number;
}

/** seedance2ai.io `POST /api/v1/image/gpt-image-2`. */
export interface Seedance2aiGptImage2Request {
  type: 'text-to-image' | 'image-to-image';
  /** Default `standard`. */
  channel?: 'standard' | 'economy';
  /** Required, 3-20000 characters. */
  prompt: string;
  /** `auto` only with `1K`; `1:1` cannot use `4K` on the `standard` channel. */
  resolution: '1K' | '2K' | '4K';
  aspectRatio:
    | 'auto' | '1:1' | '5:4' | '9:16' | '21:9' | '16:9' | '4:3' | '3:2' | '4:5'
    | '3:4' | '2:3' | '2:1' | '1:2' | '3:1' | '1:3' | '9:21';
  /** 1-4. Default 1. */
  batchCount?: number;
  /** 1-10 public https URLs; required for image-to-image. */
  imageUrls?: string[];
}

/** seedance2ai.io `POST /api/v1/image/nano-banana-pro`. */
export interface Seedance2aiNanoBananaProRequest {
  type: 'text-to-image' | 'image-to-image';
  /** Required, 3-10000 characters. */
  prompt: string;
  /** Default `auto`. */
  image_size?: '1:1' | '9:16' | '16:9' | '3:4' | '4:3' | '3:2' | '2:3' | '5:4' | '4:5' | '21:9' | 'auto';
  /** Default `png`. */
  output_format?: 'png' | 'jpeg';
  /** Default `1K`. */
  resolution?: '1K' | '2K' | '4K';
  /** 1-8 public https URLs; required for image-to-image. */
  image_urls?: string[];
}

/** apiin.one `POST /api/v1/videos/generations` with `seedance-1-5-pro`. */
export interface ApiinoneVideosRequest {
  model: 'seedance-1-5-pro';
  prompt: string;
  /** A reference image URL (image-to-video). */
  image?: string;
  /** Default `16:9`. */
  aspect_ratio?: '16:9' | '9:16' | '4:3' | '3:4' | '1:1';
  /** Default `720p`. */
  resolution?: '480p' | '720p';
  /** Seconds, as a string. Default `"8"`. */
  duration?: '4' | '8' | '12';
  /** Priced by the 1.5 Pro grid: "doubles credits", says apiin.one, but 480p 4 s with audio is 14, not 16. Default false. */
  generateAudio?: boolean;
  /** Default false. */
  fixedLens?: boolean;
  callback_url?: string;
}

/** The request body of each endpoint. */
export interface Requests {
  'seedanceapi-v1': SeedanceApiV1Request;
  'seedanceapi-v2': SeedanceApiV2Request;
  'seedance2ai-video': Seedance2aiVideoRequest;
  'seedance2ai-gpt-image-2': Seedance2aiGptImage2Request;
  'seedance2ai-nano-banana-pro': Seedance2aiNanoBananaProRequest;
  'apiinone-videos': ApiinoneVideosRequest;
}

/** The request body of an endpoint: `RequestFor<'seedanceapi-v2'>`. */
export type RequestFor<E extends EndpointId> = Requests[E];

/**
 * The fields every normalized request of an endpoint holds: the required
 * ones and those with a default (which normalization writes in). The
 * others are there only when the body gives them (v2's `aspect_ratio` has
 * no default with images).
 */
export interface NormalizedKeys {
  'seedanceapi-v1': 'prompt' | 'aspect_ratio' | 'resolution' | 'duration' | 'generate_audio' | 'fixed_lens';
  'seedanceapi-v2': 'prompt' | 'model' | 'duration' | 'resolution';
  'seedance2ai-video':
    | 'mode'
    | 'quality_tier'
    | 'channel'
    | 'prompt'
    | 'aspect_ratio'
    | 'duration'
    | 'resolution'
    | 'generate_audio'
    | 'fixed_lens';
  'seedance2ai-gpt-image-2': 'type' | 'channel' | 'prompt' | 'resolution' | 'aspectRatio' | 'batchCount';
  'seedance2ai-nano-banana-pro': 'type' | 'prompt' | 'image_size' | 'output_format' | 'resolution';
  'apiinone-videos': 'model' | 'prompt' | 'aspect_ratio' | 'resolution' | 'duration' | 'generateAudio' | 'fixedLens';
}

/** A valid report's normalized request: the body, with every default written in. */
export type Normalized<E extends EndpointId> = Omit<Requests[E], NormalizedKeys[E]> &
  Required<Pick<Requests[E], NormalizedKeys[E] & keyof Requests[E]>>;

// ---- the report --------------------------------------------------------------

/** Where a rule, a code or a price comes from: a provider document, a decision, a note. */
export interface Source {
  /** The provider document (a file of `docs/sources/`). */
  document?: string;
  /** The words of the document, verbatim. */
  quote?: string;
  /** The decision the library takes where the documents are silent. */
  decision?: string;
  /** A free note (a loaded price book's own). */
  note?: string;
}

/** One reason the provider would refuse the request. */
export interface Violation {
  /** The provider's code (`INVALID_DURATION`, `invalid_request`), or the library's own. */
  code: string;
  /** The HTTP status the provider would answer with. */
  status: number;
  /** The body's field (`duration`, `images[4]`), or `""` for the body itself. */
  field: string;
  /** The stable rule id, `<endpoint>.<field>.<check>`. */
  rule: string;
  /** Whether the provider documents `code`. */
  documented: boolean;
  /** What is wrong and what to do, for a person. */
  message: string;
}

/** The library's warning codes. */
export type WarningCode =
  | 'UNKNOWN_FIELD'
  | 'COERCED_TYPE'
  | 'NORMALIZED_VALUE'
  | 'UNUSED_FIELD'
  | 'DUPLICATE_FIELD';

/** Something worth knowing that does not make the request invalid. */
export interface Warning {
  code: WarningCode;
  field: string;
  message: string;
}

/**
 * How a request was priced. `row`, `usd_source` and `note` come from the
 * price table, which the package parses once: they are shared by every
 * report the same row prices, and frozen.
 */
export interface Quote {
  /**
   * Whether a row prices the request. False: the provider publishes no
   * price (`book` is `"built-in"`), or no row of the loaded book `book`
   * matches the request.
   */
  published: boolean;
  credits: number | null;
  usd: string | null;
  /** The name of the price book (`"built-in"`). */
  book: string;
  /** How the credits were computed: `ceil(41/2 × 8 s × 3/2) = 246`. */
  formula?: string;
  /** The row that priced the request (shared, frozen). */
  readonly row?: Frozen<PriceRow>;
  /** The endpoint's markup on the row's result. */
  markup?: string;
  usd_per_credit?: string;
  /** Where the rate to US dollars comes from (shared, frozen). */
  readonly usd_source?: Frozen<Source>;
  /** The table's note (shared, frozen). */
  readonly note?: Frozen<Source>;
}

/** The answer to a check (the same JSON as `seedance check --json`). */
export interface Report<E extends string = EndpointId> {
  /** True when there is no violation. */
  ok: boolean;
  endpoint: E;
  /**
   * Integer credits, or null when the body breaks a rule or no price is
   * published (a balance below the quote alone keeps them). Never
   * above `Number.MAX_SAFE_INTEGER`: a price book whose row could quote more
   * is refused when it is loaded.
   */
  credits: number | null;
  /** Exact US dollars with at least two decimals (`"0.08"`), or null. */
  usd: string | null;
  /**
   * The body as it will be sent and billed; null when the body breaks a rule
   * (a balance below the quote alone keeps it).
   */
  normalized: (E extends EndpointId ? Normalized<E> : Record<string, unknown>) | null;
  violations: Violation[];
  warnings: Warning[];
  /**
   * How the credits were computed; null when the body breaks a rule (a
   * balance below the quote alone keeps it).
   */
  price: Quote | null;
}

// ---- options, price books ------------------------------------------------------

/** A price book read by `loadPriceBook`, validated and kept parsed. */
export declare class PriceBook {
  private constructor();
  /** The book's name. */
  readonly name: string;
  /** The book in the `seedance-rules/price-book/v1` schema, with its name (`"price book"` when it gave none). */
  toJSON(): PriceBookJson & { name: string };
}

export interface CheckOptions {
  /**
   * The account balance in credits, a non-negative integer: a quote above it
   * is an "insufficient credits" violation. Quotes stop at 2^53 − 1, so a
   * larger balance (inexact as a number) covers every request.
   */
  balance?: number | null | undefined;
  /**
   * Prices with this book (endpoints it does not list use the built-in
   * tables): the book `loadPriceBook` returned, not a Proxy of it (a
   * reactive store's). A book lives in the thread that loaded it.
   */
  priceBook?: PriceBook | null | undefined;
  // A plain object: a literal, of this realm or another (a `node:vm`
  // context's, an iframe's), or one made by `Object.create(null)` (a class's
  // instance, a `Map`, a `PriceBook` itself, an object that inherits from
  // another object throw `INVALID_ARGUMENT`); keys it inherits are not read. Any other own key with a value throws `INVALID_ARGUMENT`: a misspelt
  // option would price with the built-in tables.
}

/** `T` read-only all the way down, as the package freezes what reports share. */
export type Frozen<T> = { readonly [K in keyof T]: Frozen<T[K]> };

/** A `when` value: the exact value of a normalized field, or whether it is present. */
export type MatchValue = string | number | boolean | { present: boolean };

/** One row of a price table; exactly one of `credits` and `credits_per_second`. */
export interface PriceRow {
  /** The normalized request's fields and values this row matches; `{}` matches all. */
  when: Record<string, MatchValue>;
  /** Credits a task. */
  credits?: number;
  /** Credits a second: a rational, `"19/2"` or `"9.5"`. */
  credits_per_second?: string;
  /** A rational markup on this row. */
  markup?: string;
  /** An integer field that multiplies the row (`batchCount`). */
  per?: string;
  source?: Source;
}

/** An endpoint's price table, in the price-book schema. */
export interface PriceTable {
  /** What one credit is worth in US dollars (`"0.01"`). */
  usd_per_credit?: string;
  usd_source?: Source;
  /** A reseller's markup on every row's rounded result. */
  markup?: string;
  /** First match wins; empty when no price is published. */
  rows: PriceRow[];
  note?: Source;
}

/** A price book in the `seedance-rules/price-book/v1` schema. */
export interface PriceBookJson {
  schema: 'seedance-rules/price-book/v1';
  name?: string;
  endpoints: { [E in EndpointId]?: PriceTable };
}

// ---- descriptions --------------------------------------------------------------

export interface EndpointSummary {
  id: EndpointId;
  /** The provider's host (`seedanceapi.org`). */
  provider: string;
  /** The method and path (`POST /v2/generate`). */
  route: string;
  /** The model(s) the endpoint serves, for people. */
  models: string;
}

/** The JSON type of a field. */
export type FieldType = 'string' | 'boolean' | 'integer' | 'string[]';

export interface FieldDescription {
  name: string;
  type: FieldType;
  default: string | number | boolean | null;
  /** The provider's description. */
  doc: string;
  source: Source;
}

/** A condition of a rule on the normalized request. */
export type RuleCondition =
  | { field: string; is: string }
  | { field: string; is_not: string }
  | { field: string; absent: true };

/** What a rule checks. */
export type RuleCheck =
  | { required: true }
  | { not_blank: true }
  | { chars: { min: number; max: number | null } }
  | { one_of: string[] | number[] }
  | { range: [number, number] }
  | { count: { min: number; max: number } }
  | { url: 'http or https' | 'public http or https' | 'public https' }
  | { forbidden: true }
  | { unused: true }
  | { rewrite: { from: string; to: string } };

export interface RuleDescription {
  /** `<endpoint>.<field>.<check>`: not unique, a rule whose values depend on another field has a line for each case (`when`). */
  id: string;
  field: string;
  /** All must hold for the rule to apply. */
  when: RuleCondition[];
  check: RuleCheck;
  code: string;
  status: number;
  documented: boolean;
  hint: string;
  source: Source;
}

export interface CodeDescription {
  /**
   * The code a violation carries; `""` where the code is the violated
   * rule's id (`apiinone-videos`, whose provider publishes no codes: its
   * two entries, a body violation and the balance, both have `""`).
   */
  code: string;
  status: number;
  documented: boolean;
  meaning: string;
  source: Source;
}

/** Everything the library knows of an endpoint. */
export interface EndpointDescription<E extends EndpointId = EndpointId> {
  id: E;
  provider: string;
  route: string;
  base_url: string;
  models: string;
  /** Headers a request needs besides `Content-Type`: `[name, example value]`. */
  headers: [string, string][];
  fields: FieldDescription[];
  rules: RuleDescription[];
  codes: CodeDescription[];
  /** The library's own warnings a request of the endpoint can draw, each with the decision it comes from. */
  warnings: { code: WarningCode; source: Source }[];
  /** The built-in price table. */
  prices: PriceTable;
  /** A valid example body. */
  example: Requests[E];
}

/** What one field accepts, given the rest of a request. */
export interface FieldOptions {
  name: string;
  type: FieldType;
  /** The value used when the field is absent, given the rest of the request. */
  default: string | number | boolean | null;
  required: boolean;
  /** The allowed values, when they are a list. */
  allowed: (string | number)[] | null;
  /** The allowed closed range of an integer (or duration). */
  range: [number, number] | null;
  /** Characters a string needs: `[min, max]` (`max` null for no limit). */
  chars: [number, number | null] | null;
  /** Elements an array may have: `[min, max]`. */
  count: [number, number] | null;
  /** Why the field must not be given, when it must not. */
  forbidden: string | null;
  /** Whether the provider ignores the field in this request. */
  unused: boolean;
  /** Values the provider rewrites: `[from, to]`. */
  rewrites: [string, string][];
  /** Hints of the rules that apply, for people. */
  notes: string[];
  doc: string;
}

// ---- compare -------------------------------------------------------------------

/**
 * What a clip needs, whatever the endpoint. It has no aspect ratio: each body leaves it
 * to the endpoint's default (1:1 on `seedanceapi-v1`, 16:9 elsewhere), on
 * which no price depends.
 */
export interface Clip {
  /**
   * Seconds, a non-negative integer (another number throws
   * `INVALID_ARGUMENT`). One above 2^32 − 1 is read as 4294967295, as the
   * CLI reads it: longer than any endpoint makes, so every entry says why
   * it cannot, and its body holds 4294967295.
   */
  duration: number;
  resolution: '480p' | '720p' | '1080p';
  /** What the clip starts from; default `text`. */
  input?: 'text' | 'image' | 'video';
  /** Whether the clip must have generated audio; default false. */
  audio?: boolean;
  /** The prompt; a neutral one when left out. */
  prompt?: string;
}

/** One endpoint and model's answer for a clip. */
export interface Comparison {
  endpoint: EndpointId;
  /** The model (or quality tier) the body selects, if the endpoint has a choice. */
  model: string | null;
  /** The body written for the clip, or null when the endpoint cannot express it. */
  body: Record<string, unknown> | null;
  ok: boolean;
  credits: number | null;
  usd: string | null;
  violations: Violation[];
  warnings: Warning[];
  /** Why the endpoint cannot take the clip, or what to know. */
  note: string | null;
}

// ---- errors --------------------------------------------------------------------

/** The `code` of an `Error` thrown for misuse. */
export type ErrorCode =
  | 'UNKNOWN_ENDPOINT'
  | 'INVALID_JSON'
  | 'INVALID_PRICE_BOOK'
  | 'INVALID_ARGUMENT'
  | 'INTERNAL';

/** What every function throws: a real `Error` with a stable `code`. */
export interface SeedanceRulesError extends Error {
  code: ErrorCode;
}

// ---- functions -----------------------------------------------------------------

/**
 * Checks a request body (any JSON value) against an endpoint's rules and
 * prices it. An invalid request is a report with violations, not an error.
 * @throws {SeedanceRulesError} `UNKNOWN_ENDPOINT`; `INVALID_ARGUMENT` for a body
 * JSON cannot carry (NaN, Infinity, a BigInt, a cycle, a getter that throws,
 * a nesting so deep that `JSON.stringify` runs out of stack, some thousands
 * of levels; the message names where, as a violation's `field` does:
 * `images[1]`, `meta.a[0].b`; a value `JSON.stringify` writes nothing for:
 * `undefined`, a function, an object whose `toJSON()` returns one) or bad
 * options (not a plain object, an unknown key, a getter that throws, a Proxy
 * of a `PriceBook`);
 * `INVALID_JSON` for a body nested 128 arrays and objects deep or deeper
 * (127 is the most the reader takes, as serde_json), or holding a string with a lone
 * surrogate (`'\ud800'`, which `JSON.stringify` writes as an escape that
 * names no character, and which serde_json refuses too).
 *
 * The time and the report grow with the body: one violation an element of a
 * list, one warning an unknown key. A server that checks what its clients
 * send should cap the body's size first, as it would before `JSON.parse`.
 */
export function check<E extends EndpointId>(endpoint: E, body: unknown, options?: CheckOptions | null): Report<E>;
export function check(endpoint: string, body: unknown, options?: CheckOptions | null): Report<string>;

/**
 * `check` for a body given as JSON text.
 * @throws {SeedanceRulesError} `UNKNOWN_ENDPOINT`, `INVALID_JSON`, `INVALID_ARGUMENT`.
 */
export function checkJson<E extends EndpointId>(endpoint: E, text: string, options?: CheckOptions | null): Report<E>;
export function checkJson(endpoint: string, text: string, options?: CheckOptions | null): Report<string>;

/**
 * The credits of a body, by the rules and prices of `check`, without the
 * report: for a quote widget that re-prices on every keystroke (about twice
 * as fast as `check`). A number when `check`'s report would be `ok` and
 * priced; `null` when it would not (invalid, over `options.balance`, or no
 * published price: `check` says which).
 * @throws {SeedanceRulesError} as `check`.
 */
export function quote(endpoint: EndpointId | (string & {}), body: unknown, options?: CheckOptions | null): number | null;

/** Every endpoint. */
export function endpoints(): EndpointSummary[];

/**
 * Everything the library knows of an endpoint: fields, rules, codes, warnings, prices, example.
 * @throws {SeedanceRulesError} `UNKNOWN_ENDPOINT`; `INVALID_ARGUMENT` for an id that is not a string.
 */
export function describe<E extends EndpointId>(endpoint: E): EndpointDescription<E>;
export function describe(endpoint: string): EndpointDescription;

/**
 * What each field accepts now, given the rest of the body (`{}` when left
 * out; a value that is not an object reads as `{}`).
 * @throws {SeedanceRulesError} `UNKNOWN_ENDPOINT`; `INVALID_ARGUMENT` for a
 * body given as a string (JSON text: parse it first) or one JSON cannot carry;
 * `INVALID_JSON` for one nested too deep or holding a lone surrogate, as `check`.
 */
export function fieldOptions(endpoint: EndpointId | (string & {}), body?: unknown): FieldOptions[];

/**
 * The endpoint's built-in price table, in the price-book schema.
 * @throws {SeedanceRulesError} `UNKNOWN_ENDPOINT`; `INVALID_ARGUMENT` for an id that is not a string.
 */
export function priceTable(endpoint: EndpointId | (string & {})): PriceTable;

/** Every built-in table, in the price-book schema. */
export function builtinPriceBook(): PriceBookJson;

/**
 * Reads and validates a price book: JSON text or a value (a book held as
 * `unknown`, read from a file, is checked here all the same: cast it).
 * @throws {SeedanceRulesError} `INVALID_PRICE_BOOK` for a book that does not
 * fit the schema; `INVALID_ARGUMENT` for a value JSON cannot carry (NaN, a
 * BigInt, a cycle, `undefined`) and for a `String` object (`new String(text)`,
 * which is not the text: pass `String(x)`).
 */
export function loadPriceBook(json: string | PriceBookJson): PriceBook;

/**
 * Prices a clip on every video endpoint and model: valid and priced first,
 * fewest credits first; then those priced with a warning (made otherwise than asked,
 * such as Mini's `1080p` billed as `720p`), fewest credits first; then those with no
 * price (none published, or no row of the loaded book matches: `note` says
 * which); then those refused only because the balance is short, which keep
 * their credits, fewest first; then those that cannot make the clip.
 * @throws {SeedanceRulesError} `INVALID_ARGUMENT` for a clip or options that
 * will not do: a value of the wrong type, a duration that is not a
 * non-negative integer, an unknown key (`generateAudio` would price a clip
 * without audio), a getter that throws, a clip or options that are not a
 * plain object.
 */
export function compare(clip: Clip, options?: CheckOptions | null): Comparison[];
