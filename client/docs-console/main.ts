// The live console of /docs/ws (built into server/public/docs-console.js): starts a sample CSV
// import, or a simulator scenario when the server offers them, opens the socket with the
// subprotocols, and shows every frame as the generated reader judges it and every close code as
// the generated close-code table explains it. A bare WebSocket on purpose: no reconnect, every frame seen.
import { ClientMessageSchema } from '@bookstrack/generated/schemas';
import {
  BooksTrackApi,
  closeEntryFor,
  decodeServerFrame,
  isUnknown,
  reconnectPolicyFor,
  SeqTracker,
  SUBPROTOCOL,
  type ClientMessage,
} from '../src/index';

/** What the browser test reads: each frame's verdict and each close. */
export interface ConsoleHook {
  frames: Array<{ type: string; seq?: number; verdict: 'valid' | 'unknown' | 'invalid'; issues: string[] }>;
  closes: Array<{ code: number; reason: string; name?: string; reconnect?: string }>;
  scenarios: string[];
}

declare global {
  interface Window {
    __docsConsole: ConsoleHook;
  }
}

/** Three rows of a Goodreads-style export: a job of a few steps. */
const SAMPLE_CSV =
  'Title,Author,ISBN\nDune,Frank Herbert,9780441172719\nKindred,Octavia E. Butler,9780807083697\nThe Dispossessed,Ursula K. Le Guin,9780060512750\n';

const hook: ConsoleHook = { frames: [], closes: [], scenarios: [] };
window.__docsConsole = hook;

const byId = <T extends HTMLElement>(id: string): T => {
  const element = document.getElementById(id);
  if (!element) throw new Error(`#${id} is missing from the page`);
  return element as T;
};

const frames = byId<HTMLOListElement>('console-frames');
const status = byId<HTMLParagraphElement>('console-status');
const picker = byId<HTMLSelectElement>('console-scenario');
const start = byId<HTMLButtonElement>('console-start');
const cancel = byId<HTMLButtonElement>('console-cancel');
const api = new BooksTrackApi({ baseUrl: location.origin });
let socket: WebSocket | undefined;

/** Appends `text` with its Markdown code spans (the spec's prose writes them) as <code>. */
function line(text: string, className: string): void {
  const item = document.createElement('li');
  item.className = className;
  text.split('`').forEach((part, index) => {
    if (index % 2 === 0) item.append(part);
    else item.append(Object.assign(document.createElement('code'), { textContent: part }));
  });
  frames.append(item);
  frames.scrollTop = frames.scrollHeight;
}

/** A simulator Worker lists its scenarios; a normal server answers 404 and the picker stays hidden. */
async function loadScenarios(): Promise<void> {
  picker.parentElement!.hidden = true;
  try {
    const { data } = await api.listSimulatorScenarios();
    for (const scenario of data.scenarios) {
      // A scenario name newer than this console reads as `{unknown}`: offer it by its wire name.
      const name = isUnknown(scenario.name) ? scenario.name.unknown : scenario.name;
      const option = document.createElement('option');
      option.value = name;
      option.textContent = `${name}: ${scenario.description}`;
      picker.append(option);
      hook.scenarios.push(name);
    }
    picker.parentElement!.hidden = hook.scenarios.length === 0;
  } catch {
    // No simulator here (404 NOT_FOUND): only the sample job.
  }
}

async function startJob(): Promise<{ jobId: string; token: string }> {
  const scenario = picker.value;
  const { data } = scenario ? await api.startSimulatorJob(scenario) : await api.importCsv(SAMPLE_CSV);
  return data;
}

function send(message: ClientMessage): void {
  const checked = ClientMessageSchema.parse(message);
  socket?.send(JSON.stringify(checked));
  line(`→ ${JSON.stringify(checked)}  (valid ClientMessage)`, 'ok');
}

function onFrame(raw: unknown, seq: SeqTracker): void {
  const decoded = decodeServerFrame(raw);
  const text = typeof raw === 'string' ? raw : '(binary frame)';
  if (decoded.kind === 'message') {
    const { message } = decoded;
    const gap = seq.observe(message);
    hook.frames.push({ type: message.type, seq: message.seq, verdict: 'valid', issues: [] });
    line(
      `← ${message.type} seq ${message.seq}: valid against readers.ServerMessage${gap.kind === 'gap' ? ` (gap: expected ${gap.expected})` : ''}\n${text}`,
      'ok',
    );
  } else if (decoded.kind === 'unknown') {
    hook.frames.push({ type: decoded.type, verdict: 'unknown', issues: [] });
    line(`← ${decoded.type}: a type this contract version does not know (ignore it)\n${text}`, 'note');
  } else {
    const issues = decoded.issues.map((issue) => `${issue.path || '(frame)'}: ${issue.message}`);
    hook.frames.push({ type: 'invalid', verdict: 'invalid', issues });
    line(`← INVALID frame: ${issues.join('; ')}\n${text}`, 'bad');
  }
}

function onClose(event: CloseEvent): void {
  const entry = closeEntryFor(event.code);
  const reconnect = entry ? reconnectPolicyFor(entry, event.reason) : undefined;
  hook.closes.push({ code: event.code, reason: event.reason, name: entry?.name, reconnect });
  const explanation = entry
    ? `${entry.name}, sent by ${entry.sentBy}. ${entry.when} Client action: ${entry.clientAction} Reconnect: ${reconnect}.`
    : 'not in the close-code table: treat as a lost connection (back off and retry).';
  line(`✕ close ${event.code} ${event.reason ? `"${event.reason}"` : '(no reason)'}: ${explanation}`, 'close');
  status.textContent = `Closed with ${event.code}.`;
  start.disabled = false;
  cancel.disabled = true;
}

async function run(): Promise<void> {
  start.disabled = true;
  frames.replaceChildren();
  status.textContent = 'Starting a job…';
  const job = await startJob();
  line(`POST → 202 jobId ${job.jobId}`, 'ok');
  const url = `${location.origin.replace(/^http/, 'ws')}/ws/progress?jobId=${encodeURIComponent(job.jobId)}`;
  const protocols = [SUBPROTOCOL.VERSION, `${SUBPROTOCOL.AUTH_PREFIX}${job.token}`];
  const seq = new SeqTracker();
  socket = new WebSocket(url, protocols);
  socket.addEventListener('open', () => {
    status.textContent = `Open; the server echoed ${socket?.protocol || '(nothing)'}.`;
    line(
      `open: Sec-WebSocket-Protocol ${protocols[0]}, ${SUBPROTOCOL.AUTH_PREFIX}<token>; echoed ${socket?.protocol}`,
      'ok',
    );
    cancel.disabled = false;
    send({ type: 'ready' });
  });
  socket.addEventListener('message', (event) => onFrame(event.data, seq));
  socket.addEventListener('close', onClose);
}

start.addEventListener('click', () => {
  run().catch((error: unknown) => {
    status.textContent = `Could not start: ${error instanceof Error ? error.message : String(error)}`;
    start.disabled = false;
  });
});
cancel.addEventListener('click', () => send({ type: 'cancel' }));
status.textContent = 'Not connected.';
void loadScenarios();
