// Bookshelf scan routes: start an ai_scan job for 1–5 photos and read its results.
import { ERROR_CODE, LIMITS } from '@bookstrack/generated/constants';
import { OPERATIONS } from '@bookstrack/generated/operations';
import type { ScanBatchAccepted, ScanImage, ScanResults } from '@bookstrack/generated/schemas';
import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';
import { bearerToken } from '../http/bearer';
import { bodyLimit } from '../http/body-limit';
import { sendData } from '../http/envelope';
import { HttpError } from '../http/http-error';
import { rateLimit } from '../http/rate-limit';
import { readJsonBody } from '../http/request-body';
import { IMAGE_BATCH } from '../http/validate-request';
import { operation } from '../http/validate-response';
import { jobStub, newJobId, requireJobId, unwrap } from './job-stub';

/** Bytes a base64 string decodes to, without decoding it. */
export function decodedBase64Bytes(data: string): number {
  const padding = data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0;
  return Math.floor((data.length * 3) / 4) - padding;
}

function checkImageSizes(images: ScanImage[]): void {
  const oversized = images.findIndex((image) => decodedBase64Bytes(image.data) > LIMITS.SCAN_IMAGE_MAX_BYTES);
  if (oversized !== -1) {
    throw new HttpError(ERROR_CODE.FILE_TOO_LARGE, `Image ${oversized} is larger than ${LIMITS.SCAN_IMAGE_MAX_BYTES} bytes once decoded`, {
      issues: [{ path: `images.${oversized}.data`, message: `decodes to more than ${LIMITS.SCAN_IMAGE_MAX_BYTES} bytes` }],
    });
  }
}

export const scanRoutes = new Hono<AppEnv>()
  .post(OPERATIONS.startScanBatch.honoPath, operation('startScanBatch'), bodyLimit(), rateLimit, async (c) => {
    // startScanBatch
    const request = await readJsonBody(c, 'startScanBatch', IMAGE_BATCH);
    checkImageSizes(request.images);
    const jobId = newJobId();
    const started = unwrap(await jobStub(c.env, jobId).startJob({ jobId, input: { pipeline: 'ai_scan', images: request.images } }));
    const accepted: ScanBatchAccepted = {
      jobId,
      token: started.token,
      expiresAt: started.expiresAt,
      pipeline: 'ai_scan',
      totalPhotos: request.images.length,
    };
    return sendData(c, accepted, 202);
  })
  .get(OPERATIONS.getScanResults.honoPath, operation('getScanResults'), async (c) => {
    // getScanResults
    const jobId = requireJobId(c.req.param('jobId'), 'jobId');
    const token = bearerToken(c);
    const results = unwrap(await jobStub(c.env, jobId).getResults(token, 'ai_scan'));
    return sendData(c, results as ScanResults);
  });
