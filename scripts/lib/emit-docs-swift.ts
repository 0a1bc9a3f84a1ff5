// generated/docs/swift.html: client/SWIFT.md (the hand-written Swift guide) rendered to one offline
// page in the docs site's layout, so the Worker can serve it at /docs/swift.
import { markdown, renderPage } from './docs-site-layout';
import type { HeaderInfo } from './header';

/** The guide's first `# ` heading, which the browser tab shows. */
export function guideTitle(source: string): string {
  const heading = /^# +(.+?)\s*$/m.exec(source);
  if (!heading?.[1]) throw new Error('client/SWIFT.md needs a "# " title line');
  return heading[1];
}

export function emitSwiftDocs(source: string, contractVersion: string, header: HeaderInfo): string {
  return renderPage(
    { path: '/docs/swift', title: guideTitle(source), contractVersion, body: markdown(source) },
    header,
  );
}
