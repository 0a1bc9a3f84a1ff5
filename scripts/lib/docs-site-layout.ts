// The one look of every /docs page: the navigation, the stylesheet, Markdown with inline code as
// <code> and mermaid fences drawn as inline SVG at generate time, so a page needs no script and
// no request to render (the WebSocket page's console is the only script, from the same origin).
import { renderMermaidSVG } from 'beautiful-mermaid';
import MarkdownIt from 'markdown-it';
import { htmlHeader, type HeaderInfo } from './header';
import { assertOffline } from './html-checks';

export interface DocsNavLink {
  href: string;
  label: string;
}

/** Routes the Worker serves (server/src/routes/docs.ts, meta.ts); every page shows the same list. */
export const DOCS_NAV: readonly DocsNavLink[] = [
  { href: '/docs', label: 'Overview' },
  { href: '/docs/walkthrough', label: 'Walkthrough' },
  { href: '/docs/http', label: 'HTTP API' },
  { href: '/docs/ws', label: 'WebSocket API' },
  { href: '/docs/swift', label: 'Swift guide' },
  { href: '/openapi.json', label: 'openapi.json' },
  { href: '/asyncapi.json', label: 'asyncapi.json' },
];

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A mermaid diagram as inline SVG; its web-font @import is dropped (system fonts, no request). */
export function mermaidSvg(source: string): string {
  const svg = renderMermaidSVG(source.trim(), { bg: '#ffffff', fg: '#1f2328', font: 'system-ui' });
  return svg.replace(/@import url\([^)]*\);?/g, '').replace(/font-family: 'Inter', /g, 'font-family: ');
}

// Raw HTML stays escaped: descriptions write `<token>`, and prose must not bring in markup.
const markdownIt = new MarkdownIt({ html: false, linkify: false, typographer: false });
const defaultFence = markdownIt.renderer.rules.fence!;
markdownIt.renderer.rules.fence = (tokens, index, options, env, self) => {
  const token = tokens[index]!;
  if (token.info.trim() !== 'mermaid') return defaultFence(tokens, index, options, env, self);
  return `<figure class="diagram" data-mermaid>${mermaidSvg(token.content)}</figure>\n`;
};

/** Block Markdown → HTML, mermaid fences drawn as SVG. */
export function markdown(source: string): string {
  return markdownIt.render(source);
}

/** One line of Markdown (summaries, table cells) → inline HTML. */
export function inlineMarkdown(source: string): string {
  return markdownIt.renderInline(source.replace(/\s*\n\s*/g, ' '));
}

export function codeBlock(code: string, language = ''): string {
  const lang = language ? ` class="language-${language}"` : '';
  return `<pre><code${lang}>${escapeHtml(code)}</code></pre>`;
}

/** A JSON value, indented two spaces. */
export function jsonBlock(value: unknown): string {
  return codeBlock(JSON.stringify(value, null, 2), 'json');
}

export const DOCS_STYLE = `
:root{--fg:#1f2328;--muted:#59636e;--line:#d0d7de;--soft:#f6f8fa;--accent:#0969da;--nav:15rem}
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:#fff}
a{color:var(--accent)}
.site{display:grid;grid-template-columns:var(--nav) minmax(0,1fr);min-height:100vh}
.site-nav{border-right:1px solid var(--line);background:var(--soft);padding:1.25rem 1rem;font-size:.9rem}
.site-nav .brand{font-weight:700;font-size:1rem;display:block;margin-bottom:.25rem;color:var(--fg);text-decoration:none}
.site-nav .version{color:var(--muted);margin:0 0 1rem}
.site-nav ul{list-style:none;margin:0 0 1rem;padding:0}
.site-nav li{margin:.15rem 0}
.site-nav a{text-decoration:none;display:block;padding:.1rem .4rem;border-radius:4px}
.site-nav a[aria-current=page]{background:#ddf4ff;font-weight:600}
.site-nav .toc a{color:var(--muted);font-size:.85rem}
.site-nav h2{font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted);margin:1rem 0 .3rem}
main{padding:1.5rem 2.5rem 4rem;max-width:64rem}
h1{margin-top:0}
h2{border-bottom:1px solid var(--line);padding-bottom:.3rem;margin-top:2.5rem}
h3{margin-top:2rem}
table{border-collapse:collapse;margin:1rem 0;font-size:.9rem;display:block;overflow-x:auto}
th,td{border:1px solid var(--line);padding:.35rem .6rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
code{background:var(--soft);padding:0 .25rem;border-radius:3px;font-size:.875em}
pre{background:var(--soft);border:1px solid var(--line);padding:.75rem 1rem;border-radius:6px;overflow-x:auto;line-height:1.4;max-height:32rem}
pre code{background:none;padding:0;font-size:.85rem}
.item{border-top:1px solid var(--line);padding-top:.5rem;margin-top:2rem}
.method{display:inline-block;font:700 .8rem/1.6 ui-monospace,monospace;padding:0 .45rem;border-radius:4px;color:#fff;background:#1a7f37;margin-right:.5rem}
.method.get{background:#0969da}.method.send{background:#8250df}.method.receive{background:#bf3989}
.samples figure,.example{margin:.75rem 0}
figcaption{font-size:.8rem;color:var(--muted);font-weight:600;text-transform:uppercase;letter-spacing:.04em}
figure.diagram{margin:1rem 0;overflow-x:auto}
figure.diagram svg{max-width:100%;height:auto}
.note{color:var(--muted)}
details summary{cursor:pointer;color:var(--accent)}
.console{border:1px solid var(--line);border-radius:6px;padding:1rem;background:#fff}
.console .frames{font:.8rem/1.4 ui-monospace,monospace;max-height:28rem;overflow:auto;padding:0;margin:.75rem 0;list-style:none}
.console .frames li{border-bottom:1px solid var(--line);padding:.3rem 0;white-space:pre-wrap;word-break:break-word}
.console .ok{color:#1a7f37}.console .bad{color:#cf222e}.console .close{color:#9a6700}
button,select{font:inherit;padding:.3rem .8rem;margin-right:.5rem}
`.replace(/\n/g, '');

export interface DocsPage {
  /** The route, one of DOCS_NAV's hrefs. */
  path: string;
  title: string;
  contractVersion: string;
  body: string;
  /** In-page table of contents shown under the page's nav entry. */
  toc?: readonly DocsNavLink[];
  /** Same-origin module scripts. */
  scripts?: readonly string[];
}

function nav(page: DocsPage): string {
  const links = DOCS_NAV.map((link) => {
    const current = link.href === page.path ? ' aria-current="page"' : '';
    const toc =
      link.href === page.path && page.toc?.length
        ? `<ul class="toc">${page.toc
            .map((entry) => `<li><a href="${entry.href}">${escapeHtml(entry.label)}</a></li>`)
            .join('')}</ul>`
        : '';
    return `<li><a href="${link.href}"${current}>${escapeHtml(link.label)}</a>${toc}</li>`;
  }).join('\n');
  return (
    `<nav class="site-nav" aria-label="BooksTrack docs">\n<a class="brand" href="/docs">BooksTrack API</a>\n` +
    `<p class="version">contract ${escapeHtml(page.contractVersion)}</p>\n<ul>\n${links}\n</ul>\n</nav>`
  );
}

/** The complete HTML document of one docs page, checked to load nothing from another origin. */
export function renderPage(page: DocsPage, header: HeaderInfo): string {
  const scripts = (page.scripts ?? []).map((src) => `<script type="module" src="${src}"></script>\n`).join('');
  const html =
    `<!DOCTYPE html>\n${htmlHeader(header)}<html lang="en">\n<head>\n<meta charset="utf-8">\n` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">\n` +
    `<title>${escapeHtml(page.title)} · BooksTrack API ${escapeHtml(page.contractVersion)}</title>\n` +
    `<link rel="icon" href="data:,">\n<style>${DOCS_STYLE}</style>\n</head>\n<body>\n<div class="site">\n${nav(page)}\n` +
    `<main>\n${page.body}\n</main>\n</div>\n${scripts}</body>\n</html>\n`;
  assertOffline(html, `docs${page.path}`);
  assertNoRemoteAsset(html, `docs${page.path}`);
  return html;
}

/** Stricter than assertOffline: no image, media, or CSS url() from another origin either (links are fine). */
export function assertNoRemoteAsset(html: string, name: string): void {
  const remote =
    /<(?!a\b)[a-z]+\b[^>]*\b(?:src|href|srcset|poster|data)\s*=\s*["']?(?:https?:)?\/\/[^>]*>|url\(\s*["']?(?:https?:)?\/\//i.exec(
      html,
    );
  if (remote) throw new Error(`${name} would load a remote asset: ${remote[0].slice(0, 120)}`);
}
