// CPU time of the workerd that runs the bench's code, read from /proc (Linux): user + system time
// of the process. workerd freezes its clocks while JavaScript runs, so CPU cannot be timed from
// inside; this counts all of it - the Worker, the objects and the runtime work they cause (HTTP,
// SQLite, WebSockets) - in 10 ms ticks. wrangler dev starts two workerd processes in one process
// group: the entry proxy (dev only, not counted) and the one that runs the code (started with an
// inspector address).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

function statFields(pid: string): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name, which is in parentheses and may contain spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

function cmdline(pid: string): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/** The pid of the workerd running the code behind `origin`, or undefined (not Linux, not found). */
export function findRuntimeWorkerd(origin: string): string | undefined {
  const port = new URL(origin).port;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return undefined;
  }
  const workerds = pids.filter((pid) => cmdline(pid).includes('workerd serve'));
  const entry = workerds.find((pid) => cmdline(pid).includes(`--socket-addr=entry=127.0.0.1:${port} `));
  const group = entry === undefined ? undefined : statFields(entry)?.[2];
  return workerds.find((pid) => statFields(pid)?.[2] === group && cmdline(pid).includes('--inspector-addr'));
}

/** User + system CPU ms of `pid` so far (NaN when unreadable). */
export function cpuMs(pid: string | undefined): number {
  const fields = pid === undefined ? undefined : statFields(pid);
  if (!fields) return Number.NaN;
  // utime and stime are fields 14 and 15 of /proc/<pid>/stat: 11 and 12 after the command name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}
