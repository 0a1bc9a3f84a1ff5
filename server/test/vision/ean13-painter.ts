// Paints EAN-13 barcodes (GS1 General Specifications, section 5.2) into an RGBA pixel buffer, so
// tests and benchmarks can make realistic barcode photos without any binary fixture.
const L_CODES = [
  '0001101',
  '0011001',
  '0010011',
  '0111101',
  '0100011',
  '0110001',
  '0101111',
  '0111011',
  '0110111',
  '0001011',
];
const G_CODES = [
  '0100111',
  '0110011',
  '0011011',
  '0100001',
  '0011101',
  '0111001',
  '0000101',
  '0010001',
  '0001001',
  '0010111',
];
const R_CODES = [
  '1110010',
  '1100110',
  '1101100',
  '1000010',
  '1011100',
  '1001110',
  '1010000',
  '1000100',
  '1001000',
  '1110100',
];
/** The first digit is not drawn: it selects which left-half digits use the G (even) set. */
const FIRST_DIGIT_PARITY = [
  'LLLLLL',
  'LLGLGG',
  'LLGGLG',
  'LLGGGL',
  'LGLLGG',
  'LGGLLG',
  'LGGGLL',
  'LGLGLG',
  'LGLGGL',
  'LGGLGL',
];

/** The 95 modules of an EAN-13 symbol as '1' (bar) and '0' (space). */
export function ean13Modules(digits: string): string {
  if (!/^\d{13}$/.test(digits)) throw new Error(`EAN-13 needs 13 digits, got ${digits}`);
  const parity = FIRST_DIGIT_PARITY[Number(digits[0])] as string;
  let modules = '101';
  for (let i = 1; i <= 6; i++) {
    const set = parity[i - 1] === 'L' ? L_CODES : G_CODES;
    modules += set[Number(digits[i])];
  }
  modules += '01010';
  for (let i = 7; i <= 12; i++) modules += R_CODES[Number(digits[i])];
  return modules + '101';
}

export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8Array;
}

export function createImage(width: number, height: number, rgb: [number, number, number]): RgbaImage {
  const data = new Uint8Array(width * height * 4);
  for (let i = 0; i < data.length; i += 4) {
    data[i] = rgb[0];
    data[i + 1] = rgb[1];
    data[i + 2] = rgb[2];
    data[i + 3] = 255;
  }
  return { width, height, data };
}

export function fillRect(
  image: RgbaImage,
  x: number,
  y: number,
  w: number,
  h: number,
  rgb: [number, number, number],
): void {
  for (let row = Math.max(0, y); row < Math.min(image.height, y + h); row++) {
    for (let col = Math.max(0, x); col < Math.min(image.width, x + w); col++) {
      const i = (row * image.width + col) * 4;
      image.data[i] = rgb[0];
      image.data[i + 1] = rgb[1];
      image.data[i + 2] = rgb[2];
    }
  }
}

/** Draws the symbol on a white label with quiet zones; returns the label's box in pixels. */
export function paintEan13(
  image: RgbaImage,
  digits: string,
  x: number,
  y: number,
  moduleWidth: number,
  barHeight: number,
): { x: number; y: number; width: number; height: number } {
  const quietModules = 11;
  const labelWidth = (95 + 2 * quietModules) * moduleWidth;
  const labelHeight = barHeight + 4 * moduleWidth;
  fillRect(image, x, y, labelWidth, labelHeight, [255, 255, 255]);
  const modules = ean13Modules(digits);
  for (let m = 0; m < modules.length; m++) {
    if (modules[m] === '1') {
      fillRect(image, x + (quietModules + m) * moduleWidth, y + 2 * moduleWidth, moduleWidth, barHeight, [0, 0, 0]);
    }
  }
  return { x, y, width: labelWidth, height: labelHeight };
}
