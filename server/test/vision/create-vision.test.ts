import { describe, expect, it } from 'vitest';
import { createVisionProvider } from '../../src/vision/create-vision';
import { ZXING_READER_WASM } from '../../src/vision/zxing/zxing-wasm-module';

describe('createVisionProvider', () => {
  it('uses the barcode reader offline, even with a Gemini key', () => {
    expect(createVisionProvider({ PROVIDER_MODE: 'offline', GEMINI_API_KEY: 'k' }, ZXING_READER_WASM).name).toBe(
      'barcode',
    );
  });

  it('uses Gemini in live mode (also when PROVIDER_MODE is unset) only once its key is set', () => {
    expect(createVisionProvider({ PROVIDER_MODE: 'live' }, ZXING_READER_WASM).name).toBe('barcode');
    expect(createVisionProvider({}, ZXING_READER_WASM).name).toBe('barcode');
    expect(createVisionProvider({ PROVIDER_MODE: 'live', GEMINI_API_KEY: 'k' }, ZXING_READER_WASM).name).toBe('gemini');
    expect(createVisionProvider({ GEMINI_API_KEY: 'k' }, ZXING_READER_WASM).name).toBe('gemini');
  });
});
