// HTML files are bundled as text modules (wrangler.jsonc `rules`: **/*.html → Text).
declare module '*.html' {
  const html: string;
  export default html;
}
