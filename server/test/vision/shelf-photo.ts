// Builds synthetic bookshelf photos: coloured spines with light noise, and on some books a
// printed ISBN barcode label. Deterministic per seed, encoded as JPEG (jpeg-js) or PNG.
import jpeg from 'jpeg-js';
import { createImage, fillRect, paintEan13, type RgbaImage } from './ean13-painter';
import { encodePng } from './png-encoder';

export interface ShelfPhotoOptions {
  width: number;
  height: number;
  isbns: string[];
  format: 'jpeg' | 'png';
  seed?: number;
  jpegQuality?: number;
}

/** mulberry32: a tiny seeded PRNG, so every run draws the same photo. */
function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function drawSpines(image: RgbaImage, random: () => number): void {
  let x = 0;
  while (x < image.width) {
    const w = 30 + Math.floor(random() * 60);
    const shade = (): number => 40 + Math.floor(random() * 160);
    fillRect(image, x, 0, w, image.height, [shade(), shade(), shade()]);
    x += w;
  }
  // Sensor-like noise keeps the JPEG encoder honest about real-photo sizes.
  for (let i = 0; i < image.data.length; i += 4) {
    const n = Math.floor((random() - 0.5) * 16);
    for (let c = 0; c < 3; c++) image.data[i + c] = Math.min(255, Math.max(0, (image.data[i + c] as number) + n));
  }
}

export function renderShelf(options: ShelfPhotoOptions): RgbaImage {
  const random = seededRandom(options.seed ?? 1);
  const image = createImage(options.width, options.height, [90, 70, 50]);
  drawSpines(image, random);
  const moduleWidth = Math.max(2, Math.floor(options.width / 400));
  const labelWidth = 117 * moduleWidth;
  const columns = Math.max(1, Math.floor(options.width / (labelWidth + 40)));
  options.isbns.forEach((isbn, i) => {
    const x = 20 + (i % columns) * (labelWidth + 40);
    const y = 20 + Math.floor(i / columns) * (moduleWidth * 60 + 40);
    paintEan13(image, isbn, x, y, moduleWidth, moduleWidth * 50);
  });
  return image;
}

export async function makeShelfPhoto(options: ShelfPhotoOptions): Promise<Uint8Array> {
  const image = renderShelf(options);
  if (options.format === 'png') return encodePng(image);
  const encoded = jpeg.encode(
    { data: image.data, width: image.width, height: image.height },
    options.jpegQuality ?? 85,
  );
  return new Uint8Array(encoded.data);
}
