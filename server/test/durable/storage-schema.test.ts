// The ProgressSocket's schema: created by one exec of the whole script, a no-op once it exists.
import { runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { SCHEMA_SQL, TABLE, ensureSchema } from '../../src/durable/storage-schema';
import { newJobId, stubFor } from '../helpers/durable';

function tableNames(sql: SqlStorage): string[] {
  return sql
    .exec<{ name: string }>(
      "SELECT name FROM sqlite_master WHERE type = 'table' AND name IN (SELECT value FROM json_each(?)) ORDER BY name",
      JSON.stringify(Object.values(TABLE)),
    )
    .toArray()
    .map((r) => r.name);
}

describe('ensureSchema', () => {
  it('creates every table of the script in one exec, and rerunning it writes nothing', async () => {
    await runInDurableObject(stubFor(newJobId()), (_, state) => {
      const sql = state.storage.sql;
      for (const table of Object.values(TABLE)) sql.exec(`DROP TABLE IF EXISTS ${table}`);
      expect(tableNames(sql)).toEqual([]);
      ensureSchema(sql);
      expect(tableNames(sql)).toEqual([...Object.values(TABLE)].sort());
      const again = sql.exec(SCHEMA_SQL);
      again.toArray();
      expect(again.rowsWritten).toBe(0);
    });
  });
});
