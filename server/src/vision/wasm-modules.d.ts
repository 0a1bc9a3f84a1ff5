// Wrangler and the Workers Vitest pool load `*.wasm` imports as compiled WebAssembly.Module
// objects (workerd forbids compiling WebAssembly from bytes at run time).
declare module '*.wasm' {
  const compiledModule: WebAssembly.Module;
  export default compiledModule;
}
