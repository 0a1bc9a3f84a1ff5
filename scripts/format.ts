// `npm run format`: rewrites the tree as Prettier formats it (.prettierrc.json, .prettierignore),
// with the Prettier the lint's format step checks with (a transitive Prettier 2 also sits in node_modules).
import { REPO_ROOT } from './core/paths';
import { captureTool } from './core/run-tool';

const run = await captureTool('prettier', ['--write', '--ignore-unknown', '--log-level', 'warn', '.'], {
  cwd: REPO_ROOT,
});
process.stdout.write(run.stdout);
process.stderr.write(run.stderr);
process.exitCode = run.code;
