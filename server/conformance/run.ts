// `npm run conformance -- --base-url <url>`: walks the contract against a running server (health,
// bundles, error envelopes, one job per pipeline over HTTP and WebSocket, bad tokens, and on the
// simulator its scenarios), prints a pass/fail table and exits 1 on any failure.
// `--all` also plays the minute-long slow-job scenario.
import { formatTable, runConformance } from './checks';

function argument(name: string): string | undefined {
  const argv = process.argv.slice(2);
  const at = argv.indexOf(name);
  const inline = argv.find((arg) => arg.startsWith(`${name}=`));
  return at >= 0 ? argv[at + 1] : inline?.slice(name.length + 1);
}

async function main(): Promise<number> {
  const baseUrl = argument('--base-url');
  if (!baseUrl) {
    console.error('usage: npm run conformance -- --base-url http://127.0.0.1:8787 [--all]');
    return 2;
  }
  console.log(`conformance: ${baseUrl}`);
  const results = await runConformance({ baseUrl, includeSlowScenarios: process.argv.includes('--all') });
  console.log(formatTable(results));
  return results.every((r) => r.ok) ? 0 : 1;
}

process.exitCode = await main();
