// The vendored zxing-wasm 3.1.4 reader binary, imported as a compiled module. It is a copy of
// node_modules/zxing-wasm/dist/reader/zxing_reader.wasm because the Workers Vitest pool cannot
// load `.wasm` files from outside the server package (hoisted node_modules); its SHA-256 must
// equal zxing-wasm's ZXING_WASM_SHA256, which the pipelines benchmark checks on every run.
import zxingReaderWasm from './zxing_reader.wasm';

export const ZXING_READER_WASM: WebAssembly.Module = zxingReaderWasm;
