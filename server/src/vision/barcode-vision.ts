// The offline VisionProvider (default unless PROVIDER_MODE is "live"): finds ISBN barcodes
// (EAN-13 with prefix 978 or 979) in a JPEG or PNG photo with the ZXing WebAssembly reader.
import { ERROR_CODE } from '@bookstrack/generated/constants';
import { isValidIsbn13 } from '../books/isbn';
import { ProviderError } from '../providers/provider-error';
import { ImageDecodeError } from './image-decode-error';
import { readImageSize, type ImageSize } from './image-format';
import type { BoundingBox, Detection, VisionProvider } from './vision-provider';
import { readEan13Barcodes, type BarcodeRead } from './zxing/zxing-reader';

/** A decoded EAN-13 whose check digit verifies: the decoder leaves little room for doubt. */
export const CONFIDENCE_VERIFIED_ISBN = 0.95;
/** A read whose checksum failed: shown to the user for review, never auto-approved. */
export const CONFIDENCE_UNVERIFIED_ISBN = 0.4;

const ISBN_EAN = /^97[89]\d{10}$/;

function clamp01(value: number): number {
  return Math.min(1, Math.max(0, value));
}

function toBoundingBox(read: BarcodeRead, size: ImageSize | null): BoundingBox | undefined {
  if (!size || size.width === 0 || size.height === 0) return undefined;
  const { topLeft, topRight, bottomLeft, bottomRight } = read.position;
  const xs = [topLeft.x, topRight.x, bottomLeft.x, bottomRight.x];
  const ys = [topLeft.y, topRight.y, bottomLeft.y, bottomRight.y];
  const x = clamp01(Math.min(...xs) / size.width);
  const y = clamp01(Math.min(...ys) / size.height);
  return {
    x,
    y,
    width: clamp01(Math.max(...xs) / size.width) - x,
    height: clamp01(Math.max(...ys) / size.height) - y,
  };
}

function toDetection(read: BarcodeRead, size: ImageSize | null): Detection {
  const isVerified = read.isValid && isValidIsbn13(read.text);
  const box = toBoundingBox(read, size);
  return {
    isbn: read.text,
    confidence: isVerified ? CONFIDENCE_VERIFIED_ISBN : CONFIDENCE_UNVERIFIED_ISBN,
    ...(box ? { boundingBox: box } : {}),
  };
}

export function createBarcodeVision(wasmModule: WebAssembly.Module): VisionProvider {
  return {
    name: 'barcode',
    async detect(image, mimeType, signal) {
      signal.throwIfAborted();
      let scan;
      try {
        scan = await readEan13Barcodes(wasmModule, image);
      } catch (error) {
        throw new ProviderError(
          ERROR_CODE.PROVIDER_ERROR,
          `barcode reader failed: ${error instanceof Error ? error.message : String(error)}`,
          { provider: 'barcode' },
        );
      }
      if (scan.imageError) throw new ImageDecodeError(`the photo could not be decoded (${scan.imageError})`);
      const size = readImageSize(image, mimeType);
      // One book is often read on several scan lines or twice; keep its best read only.
      const best = new Map<string, Detection>();
      for (const read of scan.reads.filter((r) => ISBN_EAN.test(r.text))) {
        const detection = toDetection(read, size);
        const previous = best.get(read.text);
        if (!previous || previous.confidence < detection.confidence) best.set(read.text, detection);
      }
      return [...best.values()];
    },
  };
}
