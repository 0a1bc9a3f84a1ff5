// generated/docs/http.html: Redocly's static reference of openapi.json, scripts inlined.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HeaderInfo } from './header';
import { assertOffline, withHtmlHeader } from './html-checks';
import type { JsonSchema } from './json-schema';
import { runTool } from '../core/run-tool';
import { toJsonText } from './sort-keys';

export async function emitHttpDocs(openapi: JsonSchema, header: HeaderInfo): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'bookstrack-http-docs-'));
  try {
    const input = join(dir, 'openapi.json');
    const output = join(dir, 'http.html');
    writeFileSync(input, toJsonText(openapi));
    // --inlineBundle embeds Redoc instead of loading it from Redocly's CDN.
    await runTool('@redocly/cli', ['build-docs', input, '--inlineBundle', '--output', output]);
    const html = readFileSync(output, 'utf8');
    assertOffline(html, 'docs/http.html');
    return withHtmlHeader(html, header);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
