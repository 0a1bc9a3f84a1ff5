// generated/MANIFEST.md: every generated file with its emitter and content hash. The JSON
// documents cannot carry a header comment (and must not gain an x- field), so their
// provenance lives here.
import { createHash } from 'node:crypto';
import { htmlHeader, type HeaderInfo } from './header';
import type { Output } from './output';

export function emitManifest(outputs: readonly Output[], header: HeaderInfo): string {
  const rows = outputs.map((output) => {
    const sha = createHash('sha256').update(output.content).digest('hex');
    return `| \`${output.path}\` | \`scripts/${output.emitter}\` | \`${sha}\` |`;
  });
  return (
    `${htmlHeader(header)}\n# generated/\n\nWritten by \`npm run generate\` from \`spec/\`; never edit by hand.\n\n` +
    `inputs-sha256 (spec files, generator sources and client/SWIFT.md): \`${header.inputsHash}\`\n\n` +
    `| file | written by | content sha256 |\n|---|---|---|\n${rows.join('\n')}\n`
  );
}
