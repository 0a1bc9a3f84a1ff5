import { describe, expect, it } from 'vitest';
import { createVisionProvider } from '../../src/vision/create-vision';
import { ZXING_READER_WASM } from '../../src/vision/zxing/zxing-wasm-module';

describe('createVisionProvider', () => {
  it('uses the offline barcode reader by default', () => {
    expect(createVisionProvider({}, ZXING_READER_WASM).name).toBe('barcode');
  });

  it('uses Gemini only in live mode with a key', () => {
    expect(createVisionProvider({ PROVIDER_MODE: 'live' }, ZXING_READER_WASM).name).toBe('barcode');
    expect(createVisionProvider({ PROVIDER_MODE: 'live', GEMINI_API_KEY: 'k' }, ZXING_READER_WASM).name).toBe('gemini');
  });
});
