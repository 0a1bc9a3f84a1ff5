// Bench-only cost counters: what Cloudflare bills per job, counted inside workerd without touching
// server/src. Each counted Durable Object wraps its own ctx.storage (sql.exec, setAlarm, deleteAll)
// before the real constructor runs, and tallies every event it handles (fetch, RPC, socket message,
// close, alarm). wrangler dev runs the Worker and its objects in one isolate, so one module-level
// tally per class is read and reset by the bench Worker's /bench/counters route.

/** Billed units of one Durable Object class (or of the Worker, for `requests`). */
export interface CostTally {
  /** Every billed event: fetch (incl. WebSocket upgrades), RPC calls, socket messages, alarms. */
  requests: number;
  rpcCalls: number;
  fetches: number;
  socketMessages: number;
  socketCloses: number;
  alarms: number;
  /** setAlarm() calls: each is billed as one row written (Durable Objects pricing, footnote 3). */
  alarmsSet: number;
  /** SqlStorageCursor.rowsRead / rowsWritten summed over every statement. */
  rowsRead: number;
  rowsWritten: number;
  statements: number;
  deleteAlls: number;
  /** Constructor runs: a new object, or one woken from hibernation or eviction. */
  constructed: number;
  /** The largest SQLite database (sql.databaseSize) seen after an event, in bytes. */
  peakDatabaseBytes: number;
}

export type CostClass = 'ProgressSocket' | 'RateLimiter' | 'Worker';

function emptyTally(): CostTally {
  return {
    requests: 0,
    rpcCalls: 0,
    fetches: 0,
    socketMessages: 0,
    socketCloses: 0,
    alarms: 0,
    alarmsSet: 0,
    rowsRead: 0,
    rowsWritten: 0,
    statements: 0,
    deleteAlls: 0,
    constructed: 0,
    peakDatabaseBytes: 0,
  };
}

const tallies: Record<CostClass, CostTally> = {
  ProgressSocket: emptyTally(),
  RateLimiter: emptyTally(),
  Worker: emptyTally(),
};

export function readTallies(): Record<CostClass, CostTally> {
  return structuredClone(tallies);
}

export function resetTallies(): void {
  for (const name of Object.keys(tallies) as CostClass[]) tallies[name] = emptyTally();
}

export function countWorkerRequest(): void {
  tallies.Worker.requests += 1;
}

export type EventKind = 'rpc' | 'fetch' | 'message' | 'close' | 'alarm';

/** Counts one object's storage use; the cursors' counters are final once the event that made them ends. */
export class StorageMeter {
  private open: SqlStorageCursor<Record<string, SqlStorageValue>>[] = [];
  private sql: SqlStorage | undefined;

  constructor(private readonly name: CostClass) {}

  /** Wraps ctx.storage in place (before the object's constructor reads ctx.storage.sql). */
  install(ctx: DurableObjectState): void {
    const storage = ctx.storage;
    const sql = storage.sql;
    this.sql = sql;
    const exec = sql.exec.bind(sql);
    const setAlarm = storage.setAlarm.bind(storage);
    const deleteAll = storage.deleteAll.bind(storage);
    const tally = (): CostTally => tallies[this.name];
    Object.assign(sql, {
      exec: (query: string, ...bindings: unknown[]) => {
        const cursor = exec(query, ...bindings);
        tally().statements += 1;
        this.open.push(cursor);
        return cursor;
      },
    });
    Object.assign(storage, {
      setAlarm: (...args: Parameters<DurableObjectStorage['setAlarm']>) => {
        tally().alarmsSet += 1;
        return setAlarm(...args);
      },
      deleteAll: (...args: Parameters<DurableObjectStorage['deleteAll']>) => {
        tally().deleteAlls += 1;
        return deleteAll(...args);
      },
    });
    tally().constructed += 1;
  }

  /** Adds the counters of every cursor made since the last settle (rows read grow while a cursor is read). */
  settle(): void {
    const tally = tallies[this.name];
    for (const cursor of this.open) {
      tally.rowsRead += cursor.rowsRead;
      tally.rowsWritten += cursor.rowsWritten;
    }
    this.open = [];
    tally.peakDatabaseBytes = Math.max(tally.peakDatabaseBytes, this.sql?.databaseSize ?? 0);
  }

  /** Runs one billed event and settles the storage counters it caused, whatever its outcome. */
  async event<T>(kind: EventKind, run: () => Promise<T>): Promise<T> {
    const tally = tallies[this.name];
    tally.requests += 1;
    if (kind === 'rpc') tally.rpcCalls += 1;
    else if (kind === 'fetch') tally.fetches += 1;
    else if (kind === 'message') tally.socketMessages += 1;
    else if (kind === 'close') tally.socketCloses += 1;
    else tally.alarms += 1;
    try {
      return await run();
    } finally {
      this.settle();
    }
  }
}
