// Plans an ai_scan job: one work item per photo, in request order. The photo is checked here (JPEG
// or PNG by magic bytes, decoded size within the contract's limit) so a bad upload fails at start
// with a contract code instead of mid-job. Nothing is scanned here: every photo, however large,
// is scanned in its own step (the job store splits an item too large for one SQLite row).
import { Buffer } from 'node:buffer';
import { ERROR_CODE, LIMITS } from '@bookstrack/generated/constants';
import type { ErrorCode, ScanImage } from '@bookstrack/generated/schemas';
import { sniffImageMimeType } from '../../vision/image-format';
import type { ImageMimeType } from '../../vision/vision-provider';
import type { JobInput, PlannedJob, WorkItem } from '../pipeline';

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

function planError(code: ErrorCode, message: string): Error {
  return Object.assign(new Error(message), { code });
}

/** Bytes a base64 string decodes to, without decoding it. */
export function decodedLength(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return Math.floor((base64.length * 3) / 4) - padding;
}

function checkPhoto(image: ScanImage, position: number): ImageMimeType {
  const head = Buffer.from(image.data.slice(0, MAGIC_BASE64_CHARS), 'base64');
  const mimeType = sniffImageMimeType(new Uint8Array(head));
  if (!mimeType) {
    throw planError(ERROR_CODE.UNSUPPORTED_MEDIA_TYPE, `Image ${position} (index ${image.index}) is neither a JPEG nor a PNG`);
  }
  if (decodedLength(image.data) > LIMITS.SCAN_IMAGE_MAX_BYTES) {
    throw planError(ERROR_CODE.FILE_TOO_LARGE, `Image ${position} is larger than ${LIMITS.SCAN_IMAGE_MAX_BYTES} bytes once decoded`);
  }
  // The bytes decide the format: a declared mimeType is only the client's hint.
  return mimeType;
}

export function planScan(input: JobInput, isLive: boolean): PlannedJob {
  if (input.pipeline !== 'ai_scan') throw planError(ERROR_CODE.INVALID_REQUEST, `ai_scan cannot plan a ${input.pipeline} job`);
  if (input.images.length === 0) throw planError(ERROR_CODE.EMPTY_BATCH, 'A scan needs at least one photo');
  if (input.images.length > LIMITS.SCAN_MAX_IMAGES) {
    throw planError(ERROR_CODE.BATCH_TOO_LARGE, `A scan takes at most ${LIMITS.SCAN_MAX_IMAGES} photos`);
  }
  const items = input.images.map((image, position): PhotoItem => (
    { photoIndex: image.index, mimeType: checkPhoto(image, position), data: image.data }));
  return {
    items,
    totalCount: items.length,
    estimatedDurationMs: items.length * ESTIMATED_MS_PER_PHOTO[isLive ? 'live' : 'offline'],
  };
}
