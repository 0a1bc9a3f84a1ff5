// Reads barcodes from JPEG/PNG bytes with zxing-wasm's reader build. The WebAssembly module is
// handed in precompiled (workerd cannot fetch it from a CDN or compile bytes at run time), and the
// Emscripten glue instantiates it through the instantiateWasm override.
import { prepareZXingModule, readBarcodes, type ReadResult } from 'zxing-wasm/reader';

let preparedWith: WebAssembly.Module | undefined;

function prepare(wasmModule: WebAssembly.Module): void {
  if (preparedWith === wasmModule) return;
  prepareZXingModule({
    overrides: {
      instantiateWasm(imports: WebAssembly.Imports, receiveInstance: (instance: WebAssembly.Instance) => void) {
        void WebAssembly.instantiate(wasmModule, imports).then(receiveInstance);
        // Emscripten's contract: an empty exports object means "instantiation is in progress".
        return {};
      },
    },
  });
  preparedWith = wasmModule;
}

export interface BarcodeRead {
  text: string;
  isValid: boolean;
  format: string;
  position: ReadResult['position'];
  lineCount: number;
}

export interface BarcodeScan {
  reads: BarcodeRead[];
  /** Set when the bytes could not be decoded as an image at all (zxing reports it as a result). */
  imageError?: string;
}

/** EAN-13 reads (ISBNs are EAN-13 with prefix 978/979), including checksum failures for review. */
export async function readEan13Barcodes(wasmModule: WebAssembly.Module, image: Uint8Array): Promise<BarcodeScan> {
  prepare(wasmModule);
  const results = await readBarcodes(image, {
    formats: ['EAN13'],
    tryHarder: true,
    returnErrors: true,
    maxNumberOfSymbols: 32,
  });
  // At run time a failed image load comes back as one result with an empty format (the typings
  // do not admit it), so the format is compared as a plain string.
  const hasFormat = (r: ReadResult): boolean => String(r.format) !== '';
  const imageError = results.find((r) => !hasFormat(r) && r.error !== '')?.error;
  const reads = results
    .filter((r) => hasFormat(r) && r.text !== '')
    .map((r) => ({ text: r.text, isValid: r.isValid, format: r.format, position: r.position, lineCount: r.lineCount }));
  return imageError === undefined ? { reads } : { reads, imageError };
}
