import { describe, expect, it } from 'vitest';
import { readImageSize, sniffImageMimeType } from '../../src/vision/image-format';
import { makeShelfPhoto } from './shelf-photo';

describe('image format', () => {
  it('recognises JPEG and PNG by magic bytes and reads their size', async () => {
    const jpeg = await makeShelfPhoto({ width: 320, height: 200, isbns: [], format: 'jpeg' });
    const png = await makeShelfPhoto({ width: 300, height: 180, isbns: [], format: 'png' });
    expect(sniffImageMimeType(jpeg)).toBe('image/jpeg');
    expect(sniffImageMimeType(png)).toBe('image/png');
    expect(readImageSize(jpeg, 'image/jpeg')).toEqual({ width: 320, height: 200 });
    expect(readImageSize(png, 'image/png')).toEqual({ width: 300, height: 180 });
  });

  it('refuses other formats', () => {
    expect(sniffImageMimeType(new TextEncoder().encode('GIF89a....'))).toBeNull();
    expect(sniffImageMimeType(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});
