import { Buffer } from 'node:buffer';
import { DetectedBookSchema, ScanResultsSchema } from '@bookstrack/generated/schemas';
import { describe, expect, it } from 'vitest';
import type { Env } from '../../../src/env';
import type { StepContext, StoredOutcome } from '../../../src/pipelines/pipeline';
import { createScanPipeline, scanJob, scanPipeline } from '../../../src/pipelines/scan';
import { createTroubleLog, type TroubleLog } from '../../../src/pipelines/step-trouble';
import { ProviderError } from '../../../src/providers/provider-error';
import { createBarcodeVision } from '../../../src/vision/barcode-vision';
import type { Detection, VisionProvider } from '../../../src/vision/vision-provider';
import { ZXING_READER_WASM } from '../../../src/vision/zxing/zxing-wasm-module';
import { makeShelfPhoto } from '../../vision/shelf-photo';

const OFFLINE = { PROVIDER_MODE: 'offline' } as Env;
const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

function context(signal = new AbortController().signal, trouble: TroubleLog = createTroubleLog()): StepContext {
  return { env: OFFLINE, now: () => Date.now(), signal, trouble };
}

async function runAll(
  pipeline: typeof scanPipeline,
  images: Array<{ index: number; data: string }>,
): Promise<StoredOutcome[]> {
  const plan = await pipeline.plan({ pipeline: 'ai_scan', images }, OFFLINE);
  const outcomes: StoredOutcome[] = [];
  for (const [index, item] of plan.items.entries()) {
    const [outcome] = await pipeline.runStep([item], context());
    if (!outcome) throw new Error('no outcome');
    outcomes.push({ index, outcome });
  }
  return outcomes;
}

function fakeVision(answers: Array<Detection[] | Error>): VisionProvider {
  let call = 0;
  return {
    name: 'gemini',
    async detect() {
      const answer = answers[call++];
      if (answer instanceof Error) throw answer;
      return answer ?? [];
    },
  };
}

describe('scan job input and plan', () => {
  it('plans one item per photo and trusts the magic bytes over the declared type', async () => {
    const jpeg = await makeShelfPhoto({ width: 200, height: 150, isbns: [], format: 'jpeg' });
    const input = scanJob.toInput({ images: [{ index: 4, data: base64(jpeg), mimeType: 'image/png' }] });
    const plan = await scanPipeline.plan(input, OFFLINE);
    expect(plan.totalCount).toBe(1);
    expect(plan.items).toEqual([{ photoIndex: 4, mimeType: 'image/jpeg', data: base64(jpeg) }]);
  });

  it('rejects a photo that is neither JPEG nor PNG with UNSUPPORTED_MEDIA_TYPE', async () => {
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;').toString('base64');
    expect(() => scanJob.toInput({ images: [{ index: 0, data: gif }] })).toThrowError(
      expect.objectContaining({ name: 'JobInputError', code: 'UNSUPPORTED_MEDIA_TYPE' }),
    );
  });

  it('rejects a photo over the decoded size limit with FILE_TOO_LARGE', async () => {
    const header = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0]).toString('base64');
    const data = header + 'A'.repeat(14_000_000);
    expect(() => scanJob.toInput({ images: [{ index: 0, data }] })).toThrowError(
      expect.objectContaining({
        name: 'JobInputError',
        code: 'FILE_TOO_LARGE',
        details: { issues: [{ path: 'images.0.data', message: 'decodes to more than 10485760 bytes' }] },
      }),
    );
  });

  it('plans a photo larger than one storage row without scanning it; its own step scans it', async () => {
    const big = await makeShelfPhoto({ width: 1400, height: 1050, isbns: ['9780141439518'], format: 'png', seed: 5 });
    const data = base64(big);
    // Over the 1 MB the job store puts in one row: before item parts, such photos were scanned at plan time.
    expect(data.length).toBeGreaterThan(1_000_000);
    const barcodes = createBarcodeVision(ZXING_READER_WASM);
    let scans = 0;
    const pipeline = createScanPipeline({
      makeVision: () => ({
        name: barcodes.name,
        detect: (...args) => {
          scans += 1;
          return barcodes.detect(...args);
        },
      }),
    });
    const plan = await pipeline.plan({ pipeline: 'ai_scan', images: [{ index: 0, data }] }, OFFLINE);
    expect(plan.items).toEqual([{ photoIndex: 0, mimeType: 'image/png', data }]);
    expect(scans).toBe(0);
    const [outcome] = await pipeline.runStep(plan.items, context());
    expect(scans).toBe(1);
    expect((outcome?.value as { books: Array<{ title?: string }> }).books.map((b) => b.title)).toEqual([
      'Pride and Prejudice',
    ]);
  });
});

describe('scanPipeline steps (offline barcode vision)', () => {
  it('detects ISBN barcodes, enriches catalogue books and approves verified reads', async () => {
    const photo = await makeShelfPhoto({
      width: 1000,
      height: 750,
      isbns: ['9780441172719', '9780000000002'],
      format: 'jpeg',
      seed: 11,
    });
    const [stored] = await runAll(scanPipeline, [{ index: 0, data: base64(photo) }]);
    expect(stored?.outcome.ok).toBe(true);
    const books = (stored?.outcome.value as { books: unknown[] }).books.map((b) => DetectedBookSchema.parse(b));
    const byIsbn = new Map(books.map((b) => [b.isbn, b]));
    expect(byIsbn.get('9780441172719')).toMatchObject({
      photoIndex: 0,
      confidence: 0.95,
      reviewStatus: 'verified',
      title: 'Dune',
      author: 'Frank Herbert',
      work: { title: 'Dune', firstPublicationYear: 1965 },
      edition: { isbn: '9780441172719' },
    });
    // A real barcode the catalogue does not hold is still reported, just without metadata.
    const unknown = byIsbn.get('9780000000002');
    expect(unknown).toMatchObject({ confidence: 0.95, reviewStatus: 'verified' });
    expect(unknown?.work).toBeUndefined();
    expect(books).toHaveLength(2);
  });

  it('fails only the photo whose bytes cannot be decoded', async () => {
    const good = await makeShelfPhoto({ width: 800, height: 600, isbns: ['9780141439518'], format: 'png' });
    const corrupt = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9, 9, 9, 9, 9, 9]);
    const outcomes = await runAll(scanPipeline, [
      { index: 0, data: base64(corrupt) },
      { index: 1, data: base64(good) },
    ]);
    expect(outcomes[0]?.outcome).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(outcomes[1]?.outcome.ok).toBe(true);
    expect(scanPipeline.summarize?.(outcomes)).toEqual({ totalDetected: 1, approved: 1, needsReview: 0 });
  });

  it('lists each failed photo in the results with its index and code, in request order', async () => {
    const good = await makeShelfPhoto({ width: 800, height: 600, isbns: ['9780141439518'], format: 'png' });
    const corrupt = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 9, 9, 9, 9, 9, 9, 9, 9]);
    const outcomes = await runAll(scanPipeline, [
      { index: 3, data: base64(corrupt) },
      { index: 1, data: base64(good) },
    ]);
    const results = ScanResultsSchema.parse({
      ...scanPipeline.buildResults(outcomes),
      expiresAt: '2026-01-01T00:00:00.000Z',
    });
    expect(results.failures).toEqual([
      { photoIndex: 3, code: 'INVALID_REQUEST', message: expect.stringMatching(/^Photo 3: /) },
    ]);
    expect(results.books.map((b) => b.photoIndex)).toEqual([1]);
  });
});

describe('scanPipeline with a model-based vision provider', () => {
  const jpeg = () => makeShelfPhoto({ width: 64, height: 48, isbns: [], format: 'jpeg' });

  it('marks detections below 0.6 for review and approves those at or above it', async () => {
    const pipeline = createScanPipeline({
      makeVision: () =>
        fakeVision([
          [
            { title: 'Kindred', author: 'Octavia E. Butler', confidence: 0.6 },
            { title: 'Beloved', confidence: 0.59, boundingBox: { x: 0.1, y: 0.1, width: 0.05, height: 0.7 } },
            { title: 'Unknown Spine Text', confidence: 0.3 },
          ],
        ]),
    });
    const outcomes = await runAll(pipeline, [{ index: 2, data: base64(await jpeg()) }]);
    const results = ScanResultsSchema.parse({
      ...pipeline.buildResults(outcomes),
      expiresAt: '2026-01-01T00:00:00.000Z',
    });
    expect(results.books.map((b) => [b.title, b.reviewStatus, b.work?.title ?? null])).toEqual([
      ['Kindred', 'verified', 'Kindred'],
      ['Beloved', 'needsReview', 'Beloved'],
      ['Unknown Spine Text', 'needsReview', null],
    ]);
    expect(results.books[1]?.boundingBox).toEqual({ x: 0.1, y: 0.1, width: 0.05, height: 0.7 });
    expect([results.totalDetected, results.approved, results.needsReview]).toEqual([3, 1, 2]);
  });

  it('reports a vision provider failure on its photo and scans the next one', async () => {
    const failure = new ProviderError('PROVIDER_TIMEOUT', 'gemini did not answer within 60000 ms', {
      provider: 'gemini',
    });
    // A vision provider is made per step, so both steps share one scripted provider.
    const vision = fakeVision([failure, [{ title: 'Dune', confidence: 0.9 }]]);
    const pipeline = createScanPipeline({ makeVision: () => vision });
    const outcomes = await runAll(pipeline, [
      { index: 0, data: base64(await jpeg()) },
      { index: 1, data: base64(await jpeg()) },
    ]);
    expect(outcomes[0]?.outcome).toEqual({
      ok: false,
      error: {
        code: 'PROVIDER_TIMEOUT',
        message: 'gemini did not answer within 60000 ms',
        details: { provider: 'gemini' },
      },
      value: { photoIndex: 0, books: [] },
    });
    expect(outcomes[1]?.outcome.ok).toBe(true);
    expect(pipeline.summarize?.(outcomes)).toEqual({ totalDetected: 1, approved: 1, needsReview: 0 });
  });

  it("notes a transient vision failure as the step's trouble under the photo's index, not a refusal", async () => {
    const overloaded = new ProviderError(
      'PROVIDER_ERROR',
      'gemini answered HTTP 503',
      { provider: 'gemini', upstreamStatus: 503, attempts: 2 },
      true,
    );
    const refused = new ProviderError('PROVIDER_ERROR', 'gemini blocked the photo (SAFETY)', { provider: 'gemini' });
    const vision = fakeVision([refused, overloaded]);
    const pipeline = createScanPipeline({ makeVision: () => vision });
    const plan = await pipeline.plan(
      {
        pipeline: 'ai_scan',
        images: [
          { index: 3, data: base64(await jpeg()) },
          { index: 7, data: base64(await jpeg()) },
        ],
      },
      OFFLINE,
    );
    const troubles = [];
    for (const item of plan.items) {
      const trouble = createTroubleLog();
      await pipeline.runStep([item], context(undefined, trouble));
      troubles.push(trouble.summary());
    }
    expect(troubles).toEqual([
      undefined,
      {
        code: 'PROVIDER_ERROR',
        message: 'gemini answered HTTP 503',
        count: 1,
        firstIndex: 7,
        details: { provider: 'gemini', upstreamStatus: 503, attempts: 2 },
      },
    ]);
  });

  it('stops with the abort reason when the job is canceled', async () => {
    const pipeline = createScanPipeline({ makeVision: () => fakeVision([[{ title: 'Dune', confidence: 0.9 }]]) });
    const plan = await pipeline.plan(
      { pipeline: 'ai_scan', images: [{ index: 0, data: base64(await jpeg()) }] },
      OFFLINE,
    );
    const controller = new AbortController();
    controller.abort(new Error('Job canceled'));
    await expect(pipeline.runStep(plan.items, context(controller.signal))).rejects.toThrow('Job canceled');
  });

  it('describes a photo by its 1-based number', () => {
    expect(scanPipeline.describeItem({ photoIndex: 0, mimeType: 'image/jpeg', data: '' })).toBe('Photo 1');
  });
});
