// Scans one photo: the vision provider finds books, each is enriched through the provider chain,
// and the photo's outcome lists its DetectedBooks. A photo the vision provider cannot read fails
// alone; a book the providers cannot find is still reported, without work/edition. Transient
// provider trouble (the vision call or a lookup) is also told to `onFailure`, for the step's frame.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { Buffer } from 'node:buffer';
import { EnrichedBookSchema, type ApiError, type DetectedBook } from '@bookstrack/generated/schemas';
import type { BookProvider } from '../../providers/book-provider';
import { lookupBook, type OnProviderFailure } from '../../providers/provider-chain';
import { toProviderApiError } from '../../providers/provider-error';
import { ImageDecodeError } from '../../vision/image-decode-error';
import type { Detection, VisionProvider } from '../../vision/vision-provider';
import type { ItemOutcome } from '../pipeline';
import type { PhotoItem } from './scan-plan';
import { reviewStatusFor, type PhotoOutcomeValue } from './scan-results';

async function toDetectedBook(
  photoIndex: number,
  detection: Detection,
  providers: readonly BookProvider[],
  signal: AbortSignal,
  onFailure: OnProviderFailure,
): Promise<DetectedBook> {
  const found = await lookupBook(
    providers,
    {
      title: detection.title ?? '',
      ...(detection.author ? { author: detection.author } : {}),
      ...(detection.isbn ? { isbn: detection.isbn } : {}),
    },
    signal,
    onFailure,
  );
  const record = found.status === EnrichedBookSchema.shape.status.enum.found ? found.record : undefined;
  const title = detection.title ?? record?.work.title;
  const author = detection.author ?? record?.authors[0]?.name;
  return {
    photoIndex,
    confidence: detection.confidence,
    reviewStatus: reviewStatusFor(detection.confidence),
    ...(title ? { title } : {}),
    ...(author ? { author } : {}),
    ...(detection.isbn ? { isbn: detection.isbn } : {}),
    ...(detection.boundingBox ? { boundingBox: detection.boundingBox } : {}),
    ...(record ? { work: record.work, authors: record.authors } : {}),
    ...(record?.edition ? { edition: record.edition } : {}),
  };
}

function photoFailure(photoIndex: number, error: ApiError): ItemOutcome {
  const value: PhotoOutcomeValue = { photoIndex, books: [] };
  return { ok: false, error, value: { ...value } };
}

export async function scanPhoto(
  item: PhotoItem,
  vision: VisionProvider,
  providers: readonly BookProvider[],
  signal: AbortSignal,
  onFailure: OnProviderFailure = () => undefined,
): Promise<ItemOutcome> {
  let detections: Detection[];
  try {
    detections = await vision.detect(new Uint8Array(Buffer.from(item.data, 'base64')), item.mimeType, signal);
  } catch (error) {
    signal.throwIfAborted();
    onFailure(error);
    if (error instanceof ImageDecodeError) {
      return photoFailure(item.photoIndex, {
        code: ERROR_CODE.INVALID_REQUEST,
        message: `Photo ${item.photoIndex}: ${error.message}`,
      });
    }
    return photoFailure(item.photoIndex, toProviderApiError(error, vision.name));
  }
  // lookupBook never throws for provider failures, only for a canceled job.
  const books = await Promise.all(
    detections.map((d) => toDetectedBook(item.photoIndex, d, providers, signal, onFailure)),
  );
  const value: PhotoOutcomeValue = { photoIndex: item.photoIndex, books };
  return { ok: true, value: { ...value } };
}
