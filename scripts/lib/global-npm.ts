// The @asyncapi/generator precondition: it resolves a global npm when it is loaded
// (`requireg.resolve('npm').replace(...)`) and dies with a TypeError when none sits beside node.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

type Resolve = (name: string) => string | undefined;

/** Where @asyncapi/generator will find npm, or undefined when it will crash looking for it. */
export function findGlobalNpm(resolve: Resolve = generatorRequireg()): string | undefined {
  try {
    return resolve('npm') || undefined;
  } catch {
    return undefined;
  }
}

/** Throws one line saying what to do when the generator cannot find a global npm. */
export function assertGlobalNpm(resolve?: Resolve, nodePath = process.execPath): void {
  if (findGlobalNpm(resolve)) return;
  throw new Error(
    `@asyncapi/generator needs npm installed beside node (${nodePath} has none): ` +
      "run `source scripts/node-env.sh` for the project's Node with npm, then rerun `npm run generate`",
  );
}

function generatorRequireg(): Resolve {
  const fromGenerator = createRequire(require.resolve('@asyncapi/generator/package.json'));
  return (fromGenerator('requireg') as { resolve: Resolve }).resolve;
}
