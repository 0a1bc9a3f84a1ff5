// `npm run lint`: lints spec/ with Spectral, Redocly, `asyncapi validate`, the example check and the
// cross-document operationId check, and the sources' imports with dependency-cruiser; exits 1 on any
// error or warning.
import { countBySeverity, formatReport } from './lint/report';
import { isFailing } from './lint/finding';
import { REPO_ROOT } from './core/paths';
import { runLint } from './lint/run-lint';

const started = performance.now();
const result = await runLint();
const failing = result.findings.filter(isFailing);
for (const line of formatReport(failing, REPO_ROOT)) console.log(line);

const { infos } = countBySeverity(result.findings);
const steps = Object.entries(result.timingsMs)
  .map(([step, ms]) => `${step} ${ms} ms`)
  .join(', ');
const verdict = failing.length === 0 ? 'lint passed' : `lint FAILED: ${failing.length} problem(s)`;
console.log(
  `${verdict}; ${result.examplesChecked} examples validated; ${infos} info note(s) not shown; ${Math.round(
    performance.now() - started,
  )} ms (${steps})`,
);
process.exitCode = failing.length === 0 ? 0 : 1;
