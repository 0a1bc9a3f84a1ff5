// startScanBatch and getScanResults.
import { LIMITS } from '@bookstrack/generated/constants';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { overridePipelineForTests } from '../../src/jobs/pipeline-registry';
import { decodedLength } from '../../src/pipelines/scan/scan-plan';
import { stubScan } from '../helpers/stub-pipelines';
import { authorized, call, driveJobsByAlarms, expectResponse, postJson, waitUntilFinished } from '../helpers/http';

driveJobsByAlarms();

const JPEG = { index: 0, data: '/9j/4AAQSkZJRgABAQAAAQABAAD/', mimeType: 'image/jpeg' };

beforeAll(() => overridePipelineForTests('ai_scan', stubScan));
afterAll(() => overridePipelineForTests('ai_scan', undefined));

describe('POST /api/scan-bookshelf/batch', () => {
  it('answers 202 with the job, its token and the photo count', async () => {
    const body = await expectResponse(
      await postJson('/api/scan-bookshelf/batch', { images: [JPEG, { ...JPEG, index: 1 }] }),
      'startScanBatch',
      202,
    );
    expect(body.data).toMatchObject({ pipeline: 'ai_scan', totalPhotos: 2 });
  });

  it('answers 400 EMPTY_BATCH for no images and BATCH_TOO_LARGE above five', async () => {
    expect(
      (await expectResponse(await postJson('/api/scan-bookshelf/batch', { images: [] }), 'startScanBatch', 400)).error
        .code,
    ).toBe('EMPTY_BATCH');
    const images = Array.from({ length: LIMITS.SCAN_MAX_IMAGES + 1 }, (_, index) => ({ ...JPEG, index }));
    const large = await expectResponse(await postJson('/api/scan-bookshelf/batch', { images }), 'startScanBatch', 400);
    expect(large.error.message).toBe(
      `At most ${LIMITS.SCAN_MAX_IMAGES} images per batch, got ${LIMITS.SCAN_MAX_IMAGES + 1}`,
    );
  });

  it('answers 400 INVALID_REQUEST for data that is not base64', async () => {
    const body = await expectResponse(
      await postJson('/api/scan-bookshelf/batch', { images: [{ index: 0, data: 'not base64!' }] }),
      'startScanBatch',
      400,
    );
    expect(body.error.details?.issues?.map((issue) => issue.path)).toEqual(['images.0.data']);
  });

  it('answers 413 FILE_TOO_LARGE for an image over 10 MB once decoded', async () => {
    const data = 'A'.repeat(Math.ceil((LIMITS.SCAN_IMAGE_MAX_BYTES + 3) / 3) * 4);
    const body = await expectResponse(
      await postJson('/api/scan-bookshelf/batch', { images: [{ index: 0, data }] }),
      'startScanBatch',
      413,
    );
    expect(body.error.details?.issues).toEqual([
      { path: 'images.0.data', message: `decodes to more than ${LIMITS.SCAN_IMAGE_MAX_BYTES} bytes` },
    ]);
  });

  it('answers 415 for a multipart body', async () => {
    const form = new FormData();
    form.append('images', 'x');
    expect(
      (
        await expectResponse(
          await call('/api/scan-bookshelf/batch', { method: 'POST', body: form }),
          'startScanBatch',
          415,
        )
      ).error.code,
    ).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('answers 429 once the client IP has used its job starts', async () => {
    let last: Response | undefined;
    for (let i = 0; i <= 10; i++)
      last = await postJson('/api/scan-bookshelf/batch', { images: [JPEG] }, { 'CF-Connecting-IP': '192.0.2.88' });
    expect((await expectResponse(last as Response, 'startScanBatch', 429)).error.code).toBe('RATE_LIMIT_EXCEEDED');
  });
});

describe('decodedLength', () => {
  it('counts decoded bytes without decoding, padding included', () => {
    expect(decodedLength('QUJD')).toBe(3);
    expect(decodedLength('QUI=')).toBe(2);
    expect(decodedLength('QQ==')).toBe(1);
  });
});

describe('GET /v1/scan/results/{jobId}', () => {
  it('returns the scan summary once the job completed', async () => {
    const started = await expectResponse(
      await postJson('/api/scan-bookshelf/batch', { images: [JPEG] }),
      'startScanBatch',
      202,
    );
    const job = { jobId: started.data.jobId, token: started.data.token };
    expect(await waitUntilFinished(job)).toBe('completed');
    const body = await expectResponse(
      await call(`/v1/scan/results/${job.jobId}`, authorized(job.token)),
      'getScanResults',
      200,
    );
    expect(body.data).toMatchObject({ totalDetected: 0, approved: 0, needsReview: 0, books: [], failures: [] });
  });

  it('answers 401 without a token, 404 for an unknown job, 400 for a bad id', async () => {
    const started = await expectResponse(
      await postJson('/api/scan-bookshelf/batch', { images: [JPEG] }),
      'startScanBatch',
      202,
    );
    expect(
      (await expectResponse(await call(`/v1/scan/results/${started.data.jobId}`), 'getScanResults', 401)).error.code,
    ).toBe('AUTH_ERROR');
    const token = authorized(started.data.token);
    expect(
      (await expectResponse(await call(`/v1/scan/results/${crypto.randomUUID()}`, token), 'getScanResults', 404)).error
        .code,
    ).toBe('NOT_FOUND');
    expect((await expectResponse(await call('/v1/scan/results/a', token), 'getScanResults', 400)).error.code).toBe(
      'INVALID_REQUEST',
    );
  });

  it('answers 409 before completion', async () => {
    const images = Array.from({ length: 5 }, (_, index) => ({ ...JPEG, index }));
    const started = await expectResponse(
      await postJson('/api/scan-bookshelf/batch', { images }),
      'startScanBatch',
      202,
    );
    const body = await expectResponse(
      await call(`/v1/scan/results/${started.data.jobId}`, authorized(started.data.token)),
      'getScanResults',
      409,
    );
    expect(body.error.code).toBe('CONFLICT');
  });
});
