// Type-checked by `npm test` (tsc --noEmit --strict) against the package's
// declarations, imported by name from the installed tarball. Never run.
import {
  builtinPriceBook,
  check,
  checkJson,
  compare,
  describe,
  endpoints,
  fieldOptions,
  loadPriceBook,
  priceTable,
  quote,
  type CheckOptions,
  type Clip,
  type Comparison,
  type EndpointDescription,
  type EndpointId,
  type EndpointSummary,
  type ErrorCode,
  type FieldOptions,
  type PriceBook,
  type PriceBookJson,
  type PriceTable,
  type Report,
  type RequestFor,
  type SeedanceApiV1Request,
  type SeedanceApiV2Request,
  type Seedance2aiVideoRequest,
  type Seedance2aiGptImage2Request,
  type Seedance2aiNanoBananaProRequest,
  type ApiinoneVideosRequest,
  type SeedanceRulesError,
  type Violation,
  type Warning,
} from 'seedance-rules';

const v1: SeedanceApiV1Request = { prompt: 'a cat', resolution: '480p', duration: '4', generate_audio: true };
const v2: SeedanceApiV2Request = { prompt: 'a cat', model: 'seedance-2-mini', duration: 8, resolution: '1080p' };
const video: Seedance2aiVideoRequest = { prompt: 'a slow pan', mode: 'image-to-video', image_url: 'https://example.com/a.jpg', seed: 7 };
const gpt: Seedance2aiGptImage2Request = { type: 'text-to-image', prompt: 'a red kite', resolution: '1K', aspectRatio: 'auto', batchCount: 2 };
const nano: Seedance2aiNanoBananaProRequest = { type: 'image-to-image', prompt: 'a red kite', image_urls: ['https://example.com/a.png'] };
const aio: ApiinoneVideosRequest = { model: 'seedance-1-5-pro', prompt: 'a cat', generateAudio: true };
const same: RequestFor<'seedanceapi-v2'> = v2;

// @ts-expect-error v1's duration is a string
const wrongDuration: SeedanceApiV1Request = { prompt: 'a', duration: 8 };
// @ts-expect-error the prompt is required
const noPrompt: SeedanceApiV2Request = { duration: 5 };

const book: PriceBook = loadPriceBook(builtinPriceBook());
const bookName: string = book.name;
const bookJson: PriceBookJson = book.toJSON();
const options: CheckOptions = { balance: 400, priceBook: book };

const r: Report<'seedanceapi-v2'> = check('seedanceapi-v2', v2, options);
const ok: boolean = r.ok;
const credits: number | null = r.credits;
const usd: string | null = r.usd;
const model: string | undefined = r.normalized?.model;
// A normalized request holds its defaults: no `!` needed.
if (r.normalized) {
  const seconds: number = r.normalized.duration;
  const res: '480p' | '720p' | '1080p' = r.normalized.resolution;
  // @ts-expect-error an aspect ratio is there only when given or defaulted (not with images)
  const aspect: string = r.normalized.aspect_ratio;
}
// Options may be left null, and a value in them undefined (as with exactOptionalPropertyTypes).
const maybeBalance: number | undefined = undefined;
check('seedanceapi-v2', v2, { balance: maybeBalance, priceBook: null });
check('seedanceapi-v2', v2, null);
// @ts-expect-error a misspelt book is caught by its type
loadPriceBook({ schema: 'seedance-rules/price-book/v1', endpointz: {} });
const named: string = book.toJSON().name;
const firstViolation: Violation | undefined = r.violations[0];
const status: number | undefined = firstViolation?.status;
const warning: Warning | undefined = r.warnings[0];
const formula: string | undefined = r.price?.formula;
// The row a report shares is frozen, all the way down.
const rowWhen = r.price?.row?.when;
// @ts-expect-error a shared row cannot be written
if (rowWhen) rowWhen['model'] = 'x';
// @ts-expect-error nor can an unknown option be given
check('seedanceapi-v1', v1, { price_book: book });
const anyEndpoint: Report<string> = check(String(Math.random()), { prompt: 1 });
const fromText: Report = checkJson('seedanceapi-v1', JSON.stringify(v1));
const quoted: number | null = quote('seedanceapi-v1', v1, { balance: 100 });
// @ts-expect-error a quote may be null
const always: number = quote('seedanceapi-v1', v1);

const summaries: EndpointSummary[] = endpoints();
const ids: EndpointId[] = summaries.map((s) => s.id);
const d: EndpointDescription = describe('seedance2ai-video');
// The example is the endpoint's request type.
const example: Seedance2aiVideoRequest = describe('seedance2ai-video').example;
const ruleIds: string[] = d.rules.map((rule) => rule.id);
const opts: FieldOptions[] = fieldOptions('seedanceapi-v2', { model: 'seedance-2-mini' });
const range: [number, number] | null = opts[0].range;
const table: PriceTable = priceTable('seedanceapi-v1');
const rowCredits: (number | undefined)[] = table.rows.map((row) => row.credits);

const clip: Clip = { duration: 8, resolution: '720p', input: 'image', audio: true };
// @ts-expect-error a resolution is written with its `p`
const noP: Clip = { duration: 8, resolution: '720' };
const rows: Comparison[] = compare(clip, { priceBook: book });
const cheapest: number | null = rows[0].credits;

try {
  check('nope', {});
} catch (e) {
  const code: ErrorCode = (e as SeedanceRulesError).code;
  const message: string = (e as SeedanceRulesError).message;
}

export {
  v1, v2, video, gpt, nano, aio, same, wrongDuration, noPrompt, bookName, bookJson, ok, credits, usd, model,
  status, warning, formula, anyEndpoint, fromText, ids, ruleIds, range, rowCredits, cheapest, named, example, noP,
};
