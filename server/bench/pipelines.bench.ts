// Pipeline benchmark, run in Node: `npx tsx server/bench/pipelines.bench.ts` (from the repo root)
// or `npx tsx bench/pipelines.bench.ts` (from server/). Prints, each beside a baseline measured in
// the same run:
//   1. batch_enrichment books/s with the offline catalogue vs raw catalogue lookups/s;
//   2. ai_scan photos/s on 1600×1200 barcode JPEGs vs raw JPEG decodes/s (jpeg-js, pure JS) and vs
//      ZXing alone (readBarcodes on the same bytes: WebAssembly image decode + barcode search).
// It also checks that the vendored ZXing binary is the one zxing-wasm's glue expects.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import jpeg from 'jpeg-js';
import { ZXING_WASM_SHA256, ZXING_WASM_VERSION } from 'zxing-wasm/reader';
import type { BookQuery } from '@bookstrack/generated/schemas';
import type { Env } from '../src/env';
import { createEnrichmentPipeline, ENRICHMENT_STEP_SIZE } from '../src/pipelines/enrichment/enrichment-pipeline';
import type { Pipeline, StepContext, WorkItem } from '../src/pipelines/pipeline';
import { createScanPipeline } from '../src/pipelines/scan/scan-pipeline';
import { createTroubleLog } from '../src/pipelines/step-trouble';
import { CATALOGUE, buildCatalogueIndex, searchCatalogue } from '../src/providers/catalogue/catalogue';
import { createBarcodeVision } from '../src/vision/barcode-vision';
import { readEan13Barcodes } from '../src/vision/zxing/zxing-reader';
import { makeShelfPhoto } from '../test/vision/shelf-photo';
import { formatRatio, round } from './stats';

const OFFLINE = { PROVIDER_MODE: 'offline' } as Env;
const ENRICH_BOOKS = 100;
const ENRICH_ROUNDS = 10;
const SCAN_PHOTOS = 5;
const SCAN_ROUNDS = 3;
/** Each figure is the best of this many timed rounds: the machine is shared, so noise only slows. */
const BEST_OF = 3;
const WASM_PATH = fileURLToPath(new URL('../src/vision/zxing/zxing_reader.wasm', import.meta.url).href);

function context(): StepContext {
  return { env: OFFLINE, now: () => Date.now(), signal: new AbortController().signal, trouble: createTroubleLog() };
}

/** Runs a whole job the way the engine does: plan once, then steps of stepSize items. */
async function runJob(pipeline: Pipeline, input: Parameters<Pipeline['plan']>[0]): Promise<number> {
  const plan = await pipeline.plan(input, OFFLINE);
  let ok = 0;
  for (let from = 0; from < plan.items.length; from += pipeline.stepSize) {
    const slice: WorkItem[] = plan.items.slice(from, from + pipeline.stepSize);
    ok += (await pipeline.runStep(slice, context())).filter((o) => o.ok).length;
  }
  return ok;
}

async function timed(run: () => Promise<unknown> | unknown): Promise<number> {
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < BEST_OF; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

function perSecond(count: number, ms: number): number {
  return (count * 1000) / ms;
}

async function benchEnrichment(): Promise<void> {
  const books: BookQuery[] = CATALOGUE.slice(0, ENRICH_BOOKS).map((b, i) =>
    i % 2 === 0 ? { title: b.title, isbn: b.isbn13 } : { title: b.title, author: b.authors[0] as string },
  );
  const pipeline = createEnrichmentPipeline();
  await runJob(pipeline, { pipeline: 'batch_enrichment', books });
  let found = 0;
  const jobMs = await timed(async () => {
    for (let r = 0; r < ENRICH_ROUNDS; r++) found = await runJob(pipeline, { pipeline: 'batch_enrichment', books });
  });
  const index = buildCatalogueIndex(CATALOGUE);
  let hits = 0;
  const rawMs = await timed(() => {
    for (let r = 0; r < ENRICH_ROUNDS; r++) {
      hits = books.filter((b) =>
        b.isbn ? index.byIsbn.get(b.isbn) : searchCatalogue(index, b.title, b.author),
      ).length;
    }
  });
  const total = ENRICH_BOOKS * ENRICH_ROUNDS;
  const jobRate = perSecond(total, jobMs);
  const rawRate = perSecond(total, rawMs);
  console.log(
    `1. batch_enrichment, offline catalogue (${CATALOGUE.length} books), ${ENRICH_ROUNDS}× ${ENRICH_BOOKS} books, steps of ${ENRICHMENT_STEP_SIZE}`,
  );
  console.log(
    `   pipeline (plan + steps, DTO mapping, completeness)  ${round(
      jobRate,
      0,
    )} books/s  (${found}/${ENRICH_BOOKS} found)`,
  );
  console.log(
    `   baseline: raw catalogue lookups                     ${round(
      rawRate,
      0,
    )} lookups/s  (${hits}/${ENRICH_BOOKS} hit)`,
  );
  console.log(`   pipeline / baseline: ${formatRatio(jobRate, rawRate)}\n`);
}

async function benchScan(wasm: WebAssembly.Module): Promise<void> {
  const shelves = [
    ['9780141439518', '9780441172719'],
    ['9780547928227', '9780062316097', '9780132350884'],
    ['9780743273565'],
    ['9780451524935', '9780060850524'],
    ['9780385490818', '9780307387899', '9780141441146'],
  ];
  const photos = await Promise.all(
    shelves
      .slice(0, SCAN_PHOTOS)
      .map((isbns, i) =>
        makeShelfPhoto({ width: 1600, height: 1200, isbns, format: 'jpeg', seed: i + 1, jpegQuality: 85 }),
      ),
  );
  const images = photos.map((bytes, index) => ({ index, data: Buffer.from(bytes).toString('base64') }));
  const expected = shelves.flat().length;
  const pipeline = createScanPipeline({ makeVision: () => createBarcodeVision(wasm) });
  await runJob(pipeline, { pipeline: 'ai_scan', images });
  let detected = 0;
  const scanMs = await timed(async () => {
    for (let r = 0; r < SCAN_ROUNDS; r++) {
      const plan = await pipeline.plan({ pipeline: 'ai_scan', images }, OFFLINE);
      const outcomes = await pipeline.runStep(plan.items, context());
      detected = pipeline.summarize?.(outcomes.map((outcome, index) => ({ index, outcome })))?.totalDetected ?? 0;
    }
  });
  const decodeMs = await timed(() => {
    for (let r = 0; r < SCAN_ROUNDS; r++) for (const photo of photos) jpeg.decode(photo, { useTArray: true });
  });
  const zxingMs = await timed(async () => {
    for (let r = 0; r < SCAN_ROUNDS; r++) for (const photo of photos) await readEan13Barcodes(wasm, photo);
  });
  const total = SCAN_PHOTOS * SCAN_ROUNDS;
  const scanRate = perSecond(total, scanMs);
  const decodeRate = perSecond(total, decodeMs);
  const zxingRate = perSecond(total, zxingMs);
  const meanKb = photos.reduce((n, p) => n + p.length, 0) / photos.length / 1024;
  console.log(
    `2. ai_scan, offline barcode vision, ${SCAN_ROUNDS}× ${SCAN_PHOTOS} JPEGs of 1600×1200 (mean ${round(
      meanKb,
      0,
    )} KB)`,
  );
  console.log(
    `   pipeline (base64 → ZXing decode + read → enrichment)  ${round(
      scanRate,
      2,
    )} photos/s  (${detected}/${expected} ISBNs found)`,
  );
  console.log(`   baseline: raw JPEG decode (jpeg-js)                   ${round(decodeRate, 2)} decodes/s`);
  console.log(`   baseline: ZXing readBarcodes alone                    ${round(zxingRate, 2)} photos/s`);
  console.log(
    `   pipeline / jpeg-js decode: ${formatRatio(scanRate, decodeRate)}, pipeline / ZXing alone: ${formatRatio(
      scanRate,
      zxingRate,
    )}\n`,
  );
}

async function main(): Promise<void> {
  const bytes = readFileSync(WASM_PATH);
  const sha = createHash('sha256').update(bytes).digest('hex');
  const matches = sha === ZXING_WASM_SHA256;
  console.log(
    `zxing-wasm ${ZXING_WASM_VERSION}: vendored reader wasm ${
      matches ? 'matches' : 'DOES NOT MATCH'
    } ZXING_WASM_SHA256\n`,
  );
  if (!matches) process.exitCode = 1;
  await benchEnrichment();
  // Node may compile WebAssembly from bytes (workerd may not, so its typings omit compile).
  const compile = (WebAssembly as unknown as { compile(b: Uint8Array): Promise<WebAssembly.Module> }).compile;
  await benchScan(await compile(bytes));
  console.log(`Node ${process.version}, ${new Date().toISOString()}`);
}

await main();
