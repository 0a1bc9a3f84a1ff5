// Vite's `?raw` suffix imports a file's text; the config test reads wrangler.jsonc and .dev.vars so.
declare module '*?raw' {
  const text: string;
  export default text;
}
