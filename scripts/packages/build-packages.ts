// `npm run build:packages`: builds packages/contract and packages/client (ESM + .d.ts in dist/), ready
// for `npm pack`; see packages/README.md.
import { relative } from 'node:path';
import { REPO_ROOT } from '../core/paths';
import { buildPackages } from './build';

for (const built of buildPackages()) {
  process.stdout.write(
    `${built.name}@${built.version}: ${built.files.length} files in ${relative(REPO_ROOT, built.dir)}/dist\n`,
  );
}
