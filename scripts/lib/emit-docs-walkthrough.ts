// generated/docs/walkthrough.html: the whole client flow (start a job, open the socket, read the
// frames, keep the newest token, react to each close code, fetch the results) for the web client
// and for iOS. Every fact it states (codes, reasons, reconnect policies, delays, token policy,
// limits, subprotocol names, rate limit) is read from the spec's x- extensions.
import { reconnectText } from './close-code-text';
import type { CloseCode, ContractExtensions } from './contract-extensions';
import { SAMPLE_ORIGIN } from './docs-samples';
import { codeBlock, escapeHtml, inlineMarkdown, markdown, renderPage } from './docs-site-layout';
import { humanDuration } from './emit-docs-index';
import type { HeaderInfo } from './header';

type Reconnect = CloseCode['reconnect'];

/** What each reconnect policy means for a client, in one line. */
const POLICY_TEXT: Record<Reconnect, string> = {
  none: 'stop: do not reconnect',
  after_delay: 'reconnect once after the stated delay (check the job state first)',
  backoff: 'reconnect with exponential backoff, checking the job state first',
  new_token: 'reconnect only with a newer token (token_refreshed, or POST /api/token/refresh)',
};

/** One row per (code, reason): the reaction that reason gets. */
export function closeReactions(
  codes: readonly CloseCode[],
): Array<{ code: number; reason: string; policy: Reconnect; entry: CloseCode }> {
  return codes.flatMap((entry) => {
    const reasons = entry.reasons.length > 0 ? entry.reasons : [''];
    return reasons.map((reason) => ({
      code: entry.code,
      reason,
      policy: entry.reasonReconnect?.[reason] ?? entry.reconnect,
      entry,
    }));
  });
}

/** Short node labels of the flowchart. */
const POLICY_LABEL: Record<Reconnect, string> = {
  none: 'stop',
  after_delay: 'retry after the delay',
  backoff: 'retry with backoff',
  new_token: 'retry with a newer token',
};

/** The close-code decision drawn as a mermaid flowchart: one edge per policy, labelled with its codes. */
export function closeFlowchart(codes: readonly CloseCode[]): string {
  const rows = closeReactions(codes);
  const isMixed = (code: number): boolean =>
    new Set(rows.filter((row) => row.code === code).map((row) => row.policy)).size > 1;
  const lines = ['flowchart LR', '  close([socket closed]) --> lookup{code and reason}'];
  for (const policy of [...new Set(rows.map((row) => row.policy))]) {
    const labels = rows
      .filter((row) => row.policy === policy)
      .map((row) => (isMixed(row.code) && row.reason ? `${row.code} ${row.reason}` : `${row.code}`));
    lines.push(`  lookup -->|${[...new Set(labels)].join(', ')}| ${policy}[${POLICY_LABEL[policy]}]`);
  }
  return lines.join('\n');
}

function reactionTable(codes: readonly CloseCode[]): string {
  const rows = closeReactions(codes).map(
    (row) =>
      `<tr><td>${row.code}</td><td>${row.reason ? `<code>${escapeHtml(row.reason)}</code>` : '— (no close frame)'}</td><td>${
        row.entry.sentBy
      }</td><td><code>${row.policy}</code>: ${escapeHtml(POLICY_TEXT[row.policy])}${
        row.entry.retryAfterMs !== undefined && row.policy === 'after_delay'
          ? ` ${escapeHtml(reconnectText(row.entry).replace(/^[a-z_]+ /, ''))}`
          : ''
      }</td><td>${inlineMarkdown(row.entry.clientAction)}</td></tr>`,
  );
  return `<table data-close-reactions><thead><tr><th>code</th><th>reason</th><th>sent by</th><th>reaction (reconnect policy)</th><th>client action (spec)</th></tr></thead><tbody>${rows.join(
    '',
  )}</tbody></table>`;
}

function tokenTable(ext: ContractExtensions): string {
  const rows = Object.entries(ext.tokenPolicy).map(
    ([key, seconds]) => `<tr><td><code>${escapeHtml(key)}</code></td><td>${humanDuration(seconds)}</td></tr>`,
  );
  return `<table><thead><tr><th>x-token-policy</th><th>value</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

/** The web flow with the typed client; type-checked by docs-samples.test.ts. */
export function webFlowSample(): string {
  return `import {
  BooksTrackApi,
  BooksTrackApiError,
  ProgressSocketClient,
  refreshingTokenProvider,
  type ProgressSocketEvents,
} from '@bookstrack/client';

const api = new BooksTrackApi({ baseUrl: '${SAMPLE_ORIGIN}' });

export async function importReadingList(csvText: string): Promise<void> {
  // 1. Start the job: 202 {jobId, token, expiresAt, pipeline}.
  let job;
  try {
    ({ data: job } = await api.importCsv(csvText));
  } catch (error) {
    if (error instanceof BooksTrackApiError && error.retryAfterSeconds !== undefined) {
      console.log(\`rate limited, retry in \${error.retryAfterSeconds} s\`);
      return;
    }
    throw error;
  }
  // 2. Follow it: the client offers both subprotocols, sends ready, validates every frame,
  //    keeps the newest token and reacts to each close code from the generated table.
  const socket = new ProgressSocketClient({
    baseUrl: '${SAMPLE_ORIGIN}',
    jobId: job.jobId,
    token: job.token,
    tokenProvider: refreshingTokenProvider(api),
  });
  socket.on('job_progress', (message) => console.log(message.payload.progress, message.payload.statusText));
  socket.on('reconnected', (message) => console.log('resumed at', message.payload.progress));
  socket.on('token', ({ token }) => sessionStorage.setItem(job.jobId, token));
  socket.on('gap', ({ expected, received }) => console.log(\`missed seq \${expected}..\${received - 1}\`));
  socket.on('closed', async (event: ProgressSocketEvents['closed']) => {
    // 3. Fetch the results with the newest token (the server may have rotated it).
    if (event.code === 1000 || event.state?.status === 'completed') {
      const { data } = await api.getResults(job.pipeline, job.jobId, socket.token);
      console.log(data);
    } else {
      console.log('stopped', event.code, event.reason, event.cause);
    }
  });
  socket.connect();
}
`;
}

/** The iOS flow with URLSessionWebSocketTask and the generated package; syntax-checked. */
export function iosFlowSample(): string {
  return `import Foundation
import BooksTrackContract

final class JobWatcher {
    private let baseURL = URL(string: "${SAMPLE_ORIGIN}")!
    private var task: URLSessionWebSocketTask?
    private(set) var token: String
    let jobId: String

    init(jobId: String, token: String) {
        self.jobId = jobId
        self.token = token
    }

    func connect() {
        var components = URLComponents(url: baseURL, resolvingAgainstBaseURL: false)!
        components.scheme = baseURL.scheme == "https" ? "wss" : "ws"
        components.path = "/ws/progress"
        components.queryItems = [URLQueryItem(name: "jobId", value: jobId)]
        var request = URLRequest(url: components.url!)
        // Sec-WebSocket-Protocol: bookstrack.v1, bookstrack-auth.<token>
        request.setValue(Subprotocol.protocols(token: token).joined(separator: ", "), forHTTPHeaderField: "Sec-WebSocket-Protocol")
        let task = URLSession.shared.webSocketTask(with: request)
        self.task = task
        task.resume()
        send(.ready(ReadyMessage()))
        receive()
    }

    private func send(_ message: ClientMessage) {
        guard let data = try? JSONEncoder.bookstrack.encode(message) else { return }
        task?.send(.string(String(decoding: data, as: UTF8.self))) { _ in }
    }

    private func receive() {
        task?.receive { [weak self] result in
            guard let self else { return }
            switch result {
            case .success(.string(let text)):
                self.handle(text)
                self.receive()
            case .success:
                self.receive()
            case .failure:
                self.closed(code: self.task?.closeCode.rawValue ?? 1006, reason: self.closeReason())
            }
        }
    }

    private func handle(_ text: String) {
        guard let message = try? JSONDecoder.bookstrack.decode(ServerMessage.self, from: Data(text.utf8)) else { return }
        switch message {
        case .jobProgress(let progress):
            print(progress.payload.progress, progress.payload.statusText)
        case .tokenRefreshed(let refreshed):
            token = refreshed.payload.token
        case .jobComplete(let complete):
            print("done", complete.payload.resultsUrl)
        default:
            break
        }
    }

    private func closeReason() -> String {
        guard let data = task?.closeReason else { return "" }
        return String(decoding: data, as: UTF8.self)
    }

    private func closed(code: Int, reason: String) {
        guard let closeCode = CloseCode(rawValue: code) else { return }
        switch closeCode.policy(forReason: reason) {
        case .stop:
            print("stop:", closeCode, reason)
        case .afterDelay:
            let delay = closeCode.retryDelayMs(jitterFraction: Double.random(in: 0..<1)) ?? 5000
            DispatchQueue.main.asyncAfter(deadline: .now() + .milliseconds(delay)) { self.connect() }
        case .backoff:
            DispatchQueue.main.asyncAfter(deadline: .now() + .seconds(1)) { self.connect() }
        case .newToken:
            print("reconnect only with a newer token than the rejected one")
        }
    }
}
`;
}

/** partysocket (any reconnecting WebSocket): stop on the codes whose policy says stop (type-checked by docs-samples.test.ts). */
export function partysocketSample(ext: ContractExtensions): string {
  const stops = closeReactions(ext.closeCodes).filter((row) => row.policy === 'none' || row.policy === 'new_token');
  const list = stops.map((row) => `  // ${row.code}${row.reason ? ` ${row.reason}` : ''}: ${row.policy}`).join('\n');
  return `import { WebSocket as ReconnectingWebSocket } from 'partysocket';
import { CLOSE_CODE_TABLE, SUBPROTOCOL, reconnectPolicyFor } from '@bookstrack/client';

let token = job.token; // keep it current from token_refreshed
const socket = new ReconnectingWebSocket(
  \`wss://books.example.com/ws/progress?jobId=\${job.jobId}\`,
  () => [SUBPROTOCOL.VERSION, SUBPROTOCOL.AUTH_PREFIX + token], // asked again before every reconnect
  { maxRetries: 10, minReconnectionDelay: 1000, maxReconnectionDelay: 60_000, reconnectionDelayGrowFactor: 2 },
);
socket.addEventListener('open', () => socket.send(JSON.stringify({ type: 'ready' })));
socket.addEventListener('message', (event) => {
  const message = JSON.parse(event.data);
  if (message.type === 'token_refreshed') token = message.payload.token;
});
socket.addEventListener('close', (event) => {
  const entry = CLOSE_CODE_TABLE.find((row) => row.code === event.code);
  const policy = entry ? reconnectPolicyFor(entry, event.reason) : 'backoff';
  // close() from inside the handler ends partysocket's retry loop for good:
${list}
  if (policy === 'none' || policy === 'new_token') socket.close();
});`;
}

function wscatRecipe(ext: ContractExtensions): string {
  const version = ext.subprotocol.versionProtocol ?? '';
  const prefix = ext.subprotocol.authPrefix ?? '';
  return `# 1. start a job (the 202 body carries data.jobId and data.token)
curl -sS -X POST ${SAMPLE_ORIGIN}/api/csv/import -H 'Content-Type: text/csv' --data-binary @server/public/sample-goodreads.csv
# 2. follow it: the token travels as a subprotocol, not as ?token= (off unless ${ext.subprotocol.queryTokenVar ?? ''}="true")
npx wscat -c "ws://127.0.0.1:8787/ws/progress?jobId=$JOB_ID" -s ${version} -s "${prefix}$TOKEN"
# 3. say you are listening; frames follow, then the close code and reason
> {"type":"ready"}`;
}

export function emitWalkthroughDocs(ext: ContractExtensions, header: HeaderInfo): string {
  const sub = ext.subprotocol;
  const policy = ext.tokenPolicy;
  const minutes = (key: string): string => humanDuration(policy[key] ?? 0);
  const body = [
    '<h1>Walkthrough: one job from start to results</h1>',
    `<p>The whole client flow, for the web (<code>@bookstrack/client</code>, <code>client/src</code>) and for iOS (<code>URLSessionWebSocketTask</code> with the generated Swift package <code>BooksTrackContract</code> in <code>generated/swift</code>). Codes, reasons, reactions, token times and limits on this page are generated from the spec (contract ${escapeHtml(
      ext.contractVersion,
    )}).</p>`,
    '<h2 id="start">1. Start a job over HTTP</h2>',
    markdown(
      `\`POST /api/csv/import\`, \`POST /v1/enrichment/batch\` or \`POST /api/scan-bookshelf/batch\` answers 202 with \`{jobId, token, expiresAt, pipeline}\`. ` +
        `Job starts are rate limited: ${ext.rateLimit.requests} per ${ext.rateLimit.windowSeconds} s per ${ext.rateLimit.scope} (429 with \`Retry-After\`). ` +
        `Pipelines: ${ext.pipelines.map((name) => `\`${name}\``).join(', ')}. Per-operation samples: [HTTP API](/docs/http).`,
    ),
    '<h2 id="socket">2. Open the socket with the subprotocols</h2>',
    markdown(
      `Open \`/ws/progress?jobId=<jobId>\` offering \`${sub.versionProtocol}\` and \`${sub.authPrefix}<token>\` in \`Sec-WebSocket-Protocol\`. ` +
        `${sub.echoRule} Then send \`{"type":"ready"}\`. A job with no \`ready\` starts by itself after ${ext.wsLimits.startDeadlineMs} ms. ` +
        `At most ${ext.wsLimits.maxConnectionsPerJob} sockets per job; more than ${ext.wsLimits.maxConnectAttemptsPerWindow} connects to one job within ${ext.wsLimits.connectAttemptWindowSeconds} s closes with 1013. Client frames: at most ${ext.wsLimits.maxFrameBytes} bytes.`,
    ),
    '<h2 id="frames">3. Read the frames</h2>',
    markdown(
      `Server messages: ${ext.serverMessageTypes.map((type) => `\`${type}\``).join(', ')}. ` +
        `${ext.perConnectionMessageTypes.map((type) => `\`${type}\``).join(' and ')} answer one socket and carry the last broadcast \`seq\`; every other message advances \`seq\` by one, so a jump is a missed message: re-sync with \`GET /api/job-state/{jobId}\`. Ignore types you do not know.`,
    ),
    '<h2 id="tokens">4. Keep the newest token</h2>',
    markdown(
      `A token lives ${minutes('lifetimeSeconds')}. While a socket of the job is connected, the server checks every ${minutes('checkIntervalSeconds')} and rotates the token when less than ${minutes('refreshWindowSeconds')} remain, pushing \`token_refreshed\` to every socket. The old token keeps working for ${minutes('graceSeconds')} (grace), then it is revoked. Results stay ${minutes('resultsRetentionSeconds')} after completion, readable with the token current at completion.`,
    ),
    tokenTable(ext),
    '<h2 id="close">5. React to each close code</h2>',
    markdown(`\`\`\`mermaid\n${closeFlowchart(ext.closeCodes)}\n\`\`\``),
    reactionTable(ext.closeCodes),
    '<p>The web client does this for you (<code>decideClose</code> in <code>client/src/close-policy.ts</code>, from the generated <code>CLOSE_CODE_TABLE</code>); in Swift <code>CloseCode.policy(forReason:)</code> and <code>retryDelayMs(jitterFraction:)</code> give the same answers.</p>',
    '<h2 id="web">The web flow (TypeScript client)</h2>',
    `<figure data-sample="ts"><figcaption>TypeScript, type-checked against client/src</figcaption>${codeBlock(webFlowSample(), 'ts')}</figure>`,
    '<h2 id="ios">The iOS flow (URLSessionWebSocketTask)</h2>',
    `<figure data-sample="swift"><figcaption>Swift, package BooksTrackContract</figcaption>${codeBlock(iosFlowSample(), 'swift')}</figure>`,
    '<h2 id="reconnecting">A generic reconnecting socket library</h2>',
    markdown(
      'Libraries such as `partysocket` (or `reconnecting-websocket`) reconnect after every close by default, 1000 included: tried against this server, partysocket reconnected after `1000 Job complete` forever and replayed the stored `job_complete` 7 times in 6 s. Give it the protocols as a function (so a reconnect uses the newest token), send `ready` on every open, and close it yourself on the codes whose policy is not a retry:',
    ),
    codeBlock(partysocketSample(ext), 'ts'),
    '<h2 id="wscat">By hand: curl and wscat</h2>',
    markdown(
      `The seed's recipe passed \`?token=\` and only the auth subprotocol; the query form is deprecated and off by default (\`${sub.queryTokenVar}\`), so offer both subprotocols:`,
    ),
    codeBlock(wscatRecipe(ext), 'sh'),
    '<p>Or use the <a href="/docs/ws#console">live console</a> on the WebSocket page.</p>',
  ].join('\n');
  return renderPage(
    {
      path: '/docs/walkthrough',
      title: 'Walkthrough',
      contractVersion: ext.contractVersion,
      body,
      toc: [
        { href: '#start', label: '1. start a job' },
        { href: '#socket', label: '2. open the socket' },
        { href: '#frames', label: '3. read the frames' },
        { href: '#tokens', label: '4. newest token' },
        { href: '#close', label: '5. close codes' },
        { href: '#web', label: 'web flow' },
        { href: '#ios', label: 'iOS flow' },
        { href: '#reconnecting', label: 'reconnecting libraries' },
        { href: '#wscat', label: 'curl and wscat' },
      ],
    },
    header,
  );
}
