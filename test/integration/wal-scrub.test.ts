import { existsSync, readFileSync, statSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client.js';
import { tempDb } from '../helpers/temp-db.js';

/**
 * secure_delete zeroes the database file; the WAL still holds page images of rows since blanked or
 * destroyed. The handle's scrub checkpoints and truncates it, and never blocks on another reader.
 */
let cleanup: (() => void) | undefined;
afterEach(() => cleanup?.());

const MARK = 'A123456(3) QZWALMARKERX';

describe('WAL scrub', () => {
  it('When a blanked payload is still in the WAL, then a scrub leaves no copy in the WAL or the file', () => {
    const h = tempDb();
    cleanup = h.cleanup;
    h.sqlite.exec('create table probe (id integer primary key, payload text)');
    h.sqlite.prepare('insert into probe (payload) values (?)').run(JSON.stringify({ text: MARK }));
    h.sqlite.prepare('update probe set payload = null').run();
    const wal = `${h.path}-wal`;
    expect(readFileSync(wal).includes(Buffer.from('QZWALMARKERX'))).toBe(true);
    expect(h.scrubWal()).toBe(true);
    expect(!existsSync(wal) || statSync(wal).size === 0).toBe(true);
    expect(readFileSync(h.path).includes(Buffer.from('QZWALMARKERX'))).toBe(false);
    // The database goes on working after the truncation.
    h.sqlite.prepare('insert into probe (payload) values (?)').run('later');
    expect(h.sqlite.prepare('select count(*) from probe').pluck().get()).toBe(2);
  });

  it('When another connection holds a read transaction, then the scrub returns at once and a later one succeeds', () => {
    const h = tempDb();
    cleanup = h.cleanup;
    h.sqlite.exec('create table probe (id integer primary key, payload text)');
    h.sqlite.prepare('insert into probe (payload) values (?)').run(MARK);
    const other = openDatabase(`file:${h.path}`);
    other.sqlite.exec('begin');
    other.sqlite.prepare('select count(*) from probe').get();
    h.sqlite.prepare('update probe set payload = null').run();
    expect(h.scrubWal()).toBe(false);
    other.sqlite.exec('commit');
    other.close();
    expect(h.scrubWal()).toBe(true);
  });
});
