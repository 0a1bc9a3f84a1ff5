// A job's items and outcomes as chunks: one JSON array per run of consecutive items, keyed by the
// index of its first item, so a step stores its outcomes in one row. A chunk over one row's limit
// is stored in UTF-8 parts (item-parts.ts) and joined on read.
import { joinItemParts, splitItemJson } from './item-parts';
import { SQL, type ChunkKind } from './storage-schema';

export interface Chunk<T> {
  /** Index of the chunk's first item. */
  start: number;
  /** One entry per item of the chunk. */
  values: T[];
}

export interface ChunkLayout {
  start: number;
  count: number;
}

type ChunkRow = { start: number; part: number; count: number; data: string | ArrayBuffer };

export class ChunkStore {
  constructor(private readonly sql: SqlStorage) {}

  /** Writes chunk (kind, start) whole, replacing any earlier copy and its parts: writing it again is harmless. */
  write(kind: ChunkKind, start: number, values: readonly unknown[]): void {
    const stored = splitItemJson(JSON.stringify(values));
    const parts = 'inline' in stored ? [stored.inline] : stored.parts;
    parts.forEach((data, part) => this.sql.exec(SQL.putChunkPart, kind, start, part, values.length, data));
    this.sql.exec(SQL.deleteChunkPartsFrom, kind, start, parts.length);
  }

  /** The chunks of `kind` holding any index in [from, to), in index order. */
  read<T>(kind: ChunkKind, from: number, to: number): Chunk<T>[] {
    const chunks: Chunk<T>[] = [];
    let rows: ChunkRow[] = [];
    const flush = (): void => {
      const first = rows[0];
      if (first && first.start + first.count > from) chunks.push({ start: first.start, values: parseChunk<T>(rows) });
      rows = [];
    };
    for (const row of this.sql.exec<ChunkRow>(SQL.selectChunks, kind, from, to)) {
      if (rows[0] && rows[0].start !== row.start) flush();
      rows.push(row);
    }
    flush();
    return chunks;
  }

  /** Where the chunks of `kind` holding any index in [from, to) start and how many items each has. */
  layout(kind: ChunkKind, from: number, to: number): ChunkLayout[] {
    return this.sql
      .exec<ChunkRow>(SQL.selectChunkLayout, kind, from, to)
      .toArray()
      .map((r) => ({ start: Number(r.start), count: Number(r.count) }))
      .filter((c) => c.start + c.count > from);
  }
}

/** One chunk's rows, in part order: a TEXT row is the whole JSON; BLOB rows are its UTF-8 parts. */
function parseChunk<T>(rows: readonly ChunkRow[]): T[] {
  const [first] = rows;
  if (rows.length === 1 && typeof first?.data === 'string') return JSON.parse(first.data) as T[];
  return JSON.parse(joinItemParts(rows.map((r) => r.data as ArrayBuffer))) as T[];
}
