import { describe, expect, it } from 'vitest';
import { CONFIDENCE_VERIFIED_ISBN, createBarcodeVision } from '../../src/vision/barcode-vision';
import { ImageDecodeError } from '../../src/vision/image-decode-error';
import { ZXING_READER_WASM } from '../../src/vision/zxing/zxing-wasm-module';
import { makeShelfPhoto } from './shelf-photo';

const vision = createBarcodeVision(ZXING_READER_WASM);
const signal = () => new AbortController().signal;

describe('barcode vision (offline)', () => {
  it('reads every ISBN barcode in a JPEG shelf photo', async () => {
    const isbns = ['9780141439518', '9780441172719', '9791032305690'];
    const photo = await makeShelfPhoto({ width: 1200, height: 900, isbns, format: 'jpeg', seed: 7 });
    const detections = await vision.detect(photo, 'image/jpeg', signal());
    expect(detections.map((d) => d.isbn).sort()).toEqual([...isbns].sort());
    expect(detections.every((d) => d.confidence === CONFIDENCE_VERIFIED_ISBN)).toBe(true);
  });

  it('reads an ISBN barcode in a PNG and places its box on the label', async () => {
    const photo = await makeShelfPhoto({ width: 800, height: 600, isbns: ['9780553293357'], format: 'png', seed: 3 });
    const [detection, ...rest] = await vision.detect(photo, 'image/png', signal());
    expect(rest).toEqual([]);
    expect(detection?.isbn).toBe('9780553293357');
    // The label is painted at (20, 20), 117 modules of 2 px wide: the bars span x ≈ 42..232.
    const box = detection?.boundingBox;
    expect(box?.x).toBeGreaterThan(0.04);
    expect(box?.x).toBeLessThan(0.06);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeGreaterThan(0.27);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThan(0.3);
    expect(box?.y).toBeGreaterThan(0.03);
    expect(box?.y).toBeLessThan(0.25);
  });

  it('ignores EAN-13 codes that are not ISBNs', async () => {
    const photo = await makeShelfPhoto({ width: 800, height: 600, isbns: ['5012345678900'], format: 'png' });
    expect(await vision.detect(photo, 'image/png', signal())).toEqual([]);
  });

  it('finds nothing in a photo without barcodes', async () => {
    const photo = await makeShelfPhoto({ width: 640, height: 480, isbns: [], format: 'jpeg' });
    expect(await vision.detect(photo, 'image/jpeg', signal())).toEqual([]);
  });

  it('rejects bytes that are not a decodable image', async () => {
    const notJpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 4, 5]);
    await expect(vision.detect(notJpeg, 'image/jpeg', signal())).rejects.toBeInstanceOf(ImageDecodeError);
  });
});
