// generated/docs/ws.html: the AsyncAPI HTML template (React) rendered as one offline file.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { asyncApiDocsView } from './docs-view-asyncapi';
import { assertGlobalNpm } from './global-npm';
import type { HeaderInfo } from './header';
import { assertOffline, withHtmlHeader } from './html-checks';
import type { JsonSchema } from './json-schema';

const TEMPLATE = '@asyncapi/html-template';

/**
 * Transpiling the template's React sources costs ~15 s, so a usable earlier result is reused. The
 * npm tarball ships a `__transpiled` folder built on its publisher's machine, with absolute
 * `require`s into paths that exist only there: such a build is not usable and is redone.
 */
function isTemplateTranspiled(): boolean {
  const templateDir = dirname(createRequire(import.meta.url).resolve(`${TEMPLATE}/package.json`));
  const entry = join(templateDir, '__transpiled', 'index.html.js');
  if (!existsSync(entry)) return false;
  return absoluteRequires(readFileSync(entry, 'utf8')).every((path) => existsSync(path));
}

/** The absolute paths a transpiled module requires. */
export function absoluteRequires(source: string): string[] {
  return [...source.matchAll(/require\((['"])(\/[^'"]+)\1\)/g)].map((match) => match[2] ?? '');
}

export async function emitWsDocs(asyncapi: JsonSchema, header: HeaderInfo): Promise<string> {
  // Loaded only after the check: the generator's module body itself crashes without a global npm.
  assertGlobalNpm();
  const { default: Generator } = await import('@asyncapi/generator');
  const dir = mkdtempSync(join(tmpdir(), 'bookstrack-ws-docs-'));
  try {
    const generator = new Generator(TEMPLATE, dir, {
      forceWrite: true,
      install: false,
      compile: !isTemplateTranspiled(),
      templateParams: { singleFile: 'true', outFilename: 'ws.html' },
    });
    await generator.generateFromString(JSON.stringify(asyncApiDocsView(asyncapi)));
    const html = readFileSync(join(dir, 'ws.html'), 'utf8');
    assertOffline(html, 'docs/ws.html');
    return withHtmlHeader(html, header);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
