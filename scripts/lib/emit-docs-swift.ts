// generated/docs/swift.html: client/SWIFT.md (the hand-written Swift guide) rendered to one offline
// page in the landing page's style, so the Worker can serve it at /docs/swift.
import MarkdownIt from 'markdown-it';
import { DOCS_STYLE, escapeHtml } from './emit-docs-index';
import type { HeaderInfo } from './header';
import { assertOffline, withHtmlHeader } from './html-checks';

// Raw HTML stays escaped: the guide writes `<token>` and Swift generics, and the page must not
// pick up markup (or a remote resource) from prose.
const markdown = new MarkdownIt({ html: false, linkify: false, typographer: false });

/** Code blocks scroll instead of widening the page; the rest is the landing page's style. */
const GUIDE_STYLE =
  `${DOCS_STYLE}pre{background:#f6f8fa;padding:.75rem 1rem;border-radius:6px;overflow-x:auto;line-height:1.4}` +
  'pre code{background:none;padding:0;font-size:.875rem}';

/** The guide's first `# ` heading, which the browser tab shows. */
export function guideTitle(source: string): string {
  const heading = /^# +(.+?)\s*$/m.exec(source);
  if (!heading?.[1]) throw new Error('client/SWIFT.md needs a "# " title line');
  return heading[1];
}

export function emitSwiftDocs(source: string, header: HeaderInfo): string {
  const html =
    `<!DOCTYPE html>\n<html lang="en">\n<head>\n  <meta charset="utf-8">\n` +
    `  <meta name="viewport" content="width=device-width, initial-scale=1">\n  <title>${escapeHtml(
      guideTitle(source),
    )}</title>\n` +
    `  <style>${GUIDE_STYLE}</style>\n</head>\n<body>\n  <p><a href="/docs">BooksTrack API docs</a></p>\n` +
    `${markdown.render(source)}</body>\n</html>\n`;
  assertOffline(html, 'docs/swift.html');
  return withHtmlHeader(html, header);
}
