// Plans an ai_scan job: one work item per photo, in request order. The photo is checked here (JPEG
// or PNG by magic bytes, decoded size within the contract's limit) so a bad upload fails at start
// with a contract code instead of mid-job.
//
// The engine stores an item in one SQLite row (2 MB at most) and counts every item as one unit
// of progress, so a photo cannot be split across items. A photo whose base64 exceeds
// PHOTO_ITEM_MAX_CHARS is therefore scanned here, while planning, and its item keeps the
// detections instead of the bytes; its step then only enriches them. Smaller photos (the usual
// case for phone uploads resized by the client) are scanned in their own step.
import { Buffer } from 'node:buffer';
import { LIMITS } from '@bookstrack/generated/constants';
import type { ApiError, ErrorCode, ScanImage } from '@bookstrack/generated/schemas';
import { toProviderApiError } from '../../providers/provider-error';
import { ImageDecodeError } from '../../vision/image-decode-error';
import type { JobInput } from '../../durable/job-api';
import { sniffImageMimeType } from '../../vision/image-format';
import type { Detection, ImageMimeType, VisionProvider } from '../../vision/vision-provider';
import type { PlannedJob, WorkItem } from '../pipeline';

export interface PhotoItem extends WorkItem {
  photoIndex: number;
  mimeType: ImageMimeType;
  /** The photo as the client sent it (base64); decoded in the step that scans it. */
  data?: string;
  /** Set instead of `data` for a photo too large for one item: it was scanned while planning. */
  detections?: Detection[];
  /** Set instead of `data` when scanning such a photo while planning failed. */
  scanError?: ApiError;
}

/** Well under the 1 MB per item the engine asks for (a SQLite row holds 2 MB at most). */
export const PHOTO_ITEM_MAX_CHARS = 900_000;

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
    throw planError('UNSUPPORTED_MEDIA_TYPE', `Image ${position} (index ${image.index}) is neither a JPEG nor a PNG`);
  }
  if (decodedLength(image.data) > LIMITS.SCAN_IMAGE_MAX_BYTES) {
    throw planError('FILE_TOO_LARGE', `Image ${position} is larger than ${LIMITS.SCAN_IMAGE_MAX_BYTES} bytes once decoded`);
  }
  // The bytes decide the format: a declared mimeType is only the client's hint.
  return mimeType;
}

/** Scans an oversized photo now; the job's signal does not exist yet, so this one never aborts. */
async function scanWhilePlanning(image: ScanImage, mimeType: ImageMimeType, vision: VisionProvider): Promise<PhotoItem> {
  const base = { photoIndex: image.index, mimeType };
  try {
    const bytes = new Uint8Array(Buffer.from(image.data, 'base64'));
    return { ...base, detections: await vision.detect(bytes, mimeType, new AbortController().signal) };
  } catch (error) {
    const scanError = error instanceof ImageDecodeError
      ? { code: 'INVALID_REQUEST' as const, message: `Photo ${image.index}: ${error.message}` }
      : toProviderApiError(error, vision.name);
    return { ...base, scanError };
  }
}

export async function planScan(input: JobInput, isLive: boolean, makeVision: () => VisionProvider): Promise<PlannedJob> {
  if (input.pipeline !== 'ai_scan') throw planError('INVALID_REQUEST', `ai_scan cannot plan a ${input.pipeline} job`);
  if (input.images.length === 0) throw planError('EMPTY_BATCH', 'A scan needs at least one photo');
  if (input.images.length > LIMITS.SCAN_MAX_IMAGES) {
    throw planError('BATCH_TOO_LARGE', `A scan takes at most ${LIMITS.SCAN_MAX_IMAGES} photos`);
  }
  const mimeTypes = input.images.map(checkPhoto);
  let vision: VisionProvider | undefined;
  const items = await Promise.all(input.images.map((image, i): PhotoItem | Promise<PhotoItem> => {
    const mimeType = mimeTypes[i] as ImageMimeType;
    if (image.data.length <= PHOTO_ITEM_MAX_CHARS) return { photoIndex: image.index, mimeType, data: image.data };
    vision ??= makeVision();
    return scanWhilePlanning(image, mimeType, vision);
  }));
  return {
    items,
    totalCount: items.length,
    estimatedDurationMs: items.length * ESTIMATED_MS_PER_PHOTO[isLive ? 'live' : 'offline'],
  };
}
