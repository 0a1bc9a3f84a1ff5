// Checks and plans an ai_scan job. The start route runs scanJob.toInput once: every photo must be a
// JPEG or PNG by its magic bytes (the bytes decide; a declared mimeType is only the client's hint)
// and within the decoded-size limit, so a bad upload fails at start with a contract code. The plan
// then makes one work item per photo; nothing is scanned until the photo's own step.
import { Buffer } from 'node:buffer';
import { ERROR_CODE, LIMITS } from '@bookstrack/generated/constants';
import type { ScanBatchAccepted, ScanBatchRequest, ScanImage } from '@bookstrack/generated/schemas';
import { sniffImageMimeType } from '../../vision/image-format';
import type { ImageMimeType } from '../../vision/vision-provider';
import { JobInputError, type JobInput, type PlannedJob, type WorkItem } from '../pipeline';

export interface PhotoItem extends WorkItem {
  photoIndex: number;
  mimeType: ImageMimeType;
  /** The photo as the client sent it (base64); decoded in the step that scans it. */
  data: string;
}

/** Rough cost of one photo (barcode read offline, a model call live), for job_started. */
const ESTIMATED_MS_PER_PHOTO = { offline: 400, live: 8_000 } as const;
/** 16 base64 characters decode to the 12 bytes that hold every magic number we check. */
const MAGIC_BASE64_CHARS = 16;

/** Bytes a base64 string decodes to, without decoding it. */
export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

function checkPhoto(image: ScanImage, position: number): ImageMimeType {
  if (decodedLength(image.data) > LIMITS.SCAN_IMAGE_MAX_BYTES) {
    throw new JobInputError(
      ERROR_CODE.FILE_TOO_LARGE,
      `Image ${position} is larger than ${LIMITS.SCAN_IMAGE_MAX_BYTES} bytes once decoded`,
      {
        issues: [
          { path: `images.${position}.data`, message: `decodes to more than ${LIMITS.SCAN_IMAGE_MAX_BYTES} bytes` },
        ],
      },
    );
  }
  const head = Buffer.from(image.data.slice(0, MAGIC_BASE64_CHARS), 'base64');
  const mimeType = sniffImageMimeType(new Uint8Array(head));
  if (!mimeType) {
    throw new JobInputError(
      ERROR_CODE.UNSUPPORTED_MEDIA_TYPE,
      `Image ${position} (index ${image.index}) is neither a JPEG nor a PNG`,
    );
  }
  return mimeType;
}

/** The scan input of a schema-valid request, each photo's type read from its bytes. */
export function toScanInput(body: ScanBatchRequest): JobInput {
  const images = body.images.map((image, position): ScanImage => ({ ...image, mimeType: checkPhoto(image, position) }));
  return { pipeline: 'ai_scan', images };
}

export function acceptedScan(
  started: { jobId: string; token: string; expiresAt: string },
  input: JobInput,
): ScanBatchAccepted {
  const totalPhotos = input.pipeline === 'ai_scan' ? input.images.length : 0;
  return { jobId: started.jobId, token: started.token, expiresAt: started.expiresAt, pipeline: 'ai_scan', totalPhotos };
}

export function planScan(input: JobInput, isLive: boolean): PlannedJob {
  if (input.pipeline !== 'ai_scan')
    throw new JobInputError(ERROR_CODE.INVALID_REQUEST, `ai_scan cannot plan a ${input.pipeline} job`);
  const items = input.images.map((image, position): PhotoItem => ({
    photoIndex: image.index,
    mimeType: image.mimeType ?? checkPhoto(image, position),
    data: image.data,
  }));
  return {
    items,
    totalCount: items.length,
    estimatedDurationMs: items.length * ESTIMATED_MS_PER_PHOTO[isLive ? 'live' : 'offline'],
  };
}
