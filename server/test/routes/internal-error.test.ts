// 500 INTERNAL_ERROR: a Durable Object failure reaches the client as the contract envelope,
// without internal details.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { overridePipelineForTests } from '../../src/jobs/pipeline-registry';
import { csvImportPipeline } from '../../src/pipelines/csv';
import { failingPlan, failingResults, stubEnrichment, stubScan } from '../helpers/stub-pipelines';
import {
  authorized,
  call,
  driveJobsByAlarms,
  expectResponse,
  postJson,
  startCsvJob,
  waitUntilFinished,
} from '../helpers/http';

driveJobsByAlarms();

afterEach(() => {
  overridePipelineForTests('csv_import', undefined);
  overridePipelineForTests('batch_enrichment', undefined);
  overridePipelineForTests('ai_scan', undefined);
  vi.restoreAllMocks();
});

describe('500 INTERNAL_ERROR', () => {
  it('answers 500 on importCsv when the job cannot be planned', async () => {
    overridePipelineForTests('csv_import', failingPlan(csvImportPipeline));
    const response = await call('/api/csv/import', {
      method: 'POST',
      headers: { 'Content-Type': 'text/csv' },
      body: 'title\nDune\n',
    });
    expect((await expectResponse(response, 'importCsv', 500)).error).toEqual({
      code: 'INTERNAL_ERROR',
      message: 'planner exploded',
    });
  });

  it('answers 500 on startEnrichmentBatch and startScanBatch when the job cannot be planned', async () => {
    overridePipelineForTests('batch_enrichment', failingPlan(stubEnrichment));
    overridePipelineForTests('ai_scan', failingPlan(stubScan));
    const enrichment = await postJson('/v1/enrichment/batch', { books: [{ title: 'Dune' }] });
    expect((await expectResponse(enrichment, 'startEnrichmentBatch', 500)).error.code).toBe('INTERNAL_ERROR');
    const scan = await postJson('/api/scan-bookshelf/batch', {
      images: [{ index: 0, data: '/9j/4AAQSkZJRgABAQAAAQABAAD/' }],
    });
    expect((await expectResponse(scan, 'startScanBatch', 500)).error.code).toBe('INTERNAL_ERROR');
  });

  it('answers 500 on getCsvResults when the results cannot be built, hiding the cause', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    overridePipelineForTests('csv_import', failingResults(csvImportPipeline));
    const job = await startCsvJob('title\nDune\n');
    expect(await waitUntilFinished(job)).toBe('completed');
    const body = await expectResponse(
      await call(`/v1/csv/results/${job.jobId}`, authorized(job.token)),
      'getCsvResults',
      500,
    );
    expect(body.error).toEqual({ code: 'INTERNAL_ERROR', message: 'Internal server error' });
  });

  it('answers 500 on getEnrichmentResults and getScanResults when the results cannot be built', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    overridePipelineForTests('batch_enrichment', failingResults(stubEnrichment));
    overridePipelineForTests('ai_scan', failingResults(stubScan));
    const enrichment = await expectResponse(
      await postJson('/v1/enrichment/batch', { books: [{ title: 'Dune' }] }),
      'startEnrichmentBatch',
      202,
    );
    const scan = await expectResponse(
      await postJson('/api/scan-bookshelf/batch', { images: [{ index: 0, data: '/9j/4AAQSkZJRgABAQAAAQABAAD/' }] }),
      'startScanBatch',
      202,
    );
    for (const [started, path, operationId] of [
      [enrichment.data, '/v1/enrichment/results/', 'getEnrichmentResults'],
      [scan.data, '/v1/scan/results/', 'getScanResults'],
    ] as const) {
      expect(await waitUntilFinished(started)).toBe('completed');
      const body = await expectResponse(
        await call(`${path}${started.jobId}`, authorized(started.token)),
        operationId,
        500,
      );
      expect(body.error.code).toBe('INTERNAL_ERROR');
    }
  });
});
