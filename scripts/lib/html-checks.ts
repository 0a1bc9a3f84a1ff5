// Post-processing shared by the HTML emitters: the provenance header and the offline guarantee
// (the Worker serves these pages with no network access assumed on the client side).
import { htmlHeader, type HeaderInfo } from './header';

/** Inserts the header comment right after the doctype (before it would trigger quirks mode). */
export function withHtmlHeader(html: string, header: HeaderInfo): string {
  const doctype = /^\s*<!doctype html>\s*/i.exec(html);
  const comment = htmlHeader(header);
  if (!doctype) return comment + html;
  return `<!DOCTYPE html>\n${comment}${html.slice(doctype[0].length)}`;
}

/** Remote scripts, stylesheets, fonts or frames: anything the page would fetch when opened. */
const REMOTE_LOADS = [
  /<script\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i,
  /<link\b[^>]*\bhref\s*=\s*["']?(?:https?:)?\/\/[^>]*>/i,
  /<iframe\b[^>]*\bsrc\s*=\s*["']?(?:https?:)?\/\//i,
  /@import\s+(?:url\()?["']?(?:https?:)?\/\//i,
];

/** Throws when the page would load a script, stylesheet or font from the network. */
export function assertOffline(html: string, name: string): void {
  for (const pattern of REMOTE_LOADS) {
    const match = pattern.exec(html);
    // <link rel="icon"> with a data: URL never matches; a remote <a href> is just a link.
    if (match) throw new Error(`${name} loads a remote resource: ${match[0].slice(0, 120)}`);
  }
}
