import { describe, expect, it } from 'vitest';
import { leadingKey, pgFullReads, type Indexes } from '../helpers/pg-plans.js';
import { fullScans } from '../helpers/sqlite-plans.js';

/** The query-plan tests' checkers on plans written by hand: each disguise of a full read fails, each narrow read passes. */
describe('SQLite plan checker', () => {
  const growing = new Set(['grants', 'mdt_meetings']);
  const check = (sql: string, plan: string[], walks: RegExp[] = []) => fullScans({ sql, plan }, growing, [], walks);

  it('fails a scan of a growing table, with or without an index, naming the plan line', () => {
    expect(check('SELECT * FROM grants', ['SCAN grants'])).toEqual([expect.stringContaining('grants: SCAN grants (reads the whole table')]);
    expect(check('SELECT id FROM grants', ['SCAN grants USING COVERING INDEX grants_expiry_idx'])[0]).toContain('walks the whole index');
    expect(check('SELECT * FROM grants ORDER BY expires_at LIMIT 5', ['SCAN grants USING INDEX grants_expiry_idx'])[0]).toContain('needs an allowance');
    expect(check('SELECT * FROM grants g JOIN x ON 1', ['SEARCH g USING AUTOMATIC COVERING INDEX (id=?)'])[0]).toContain('temporary index');
  });

  it('fails an open range with no LIMIT, or one sorted before its LIMIT; passes a closed or equality seek', () => {
    expect(check('SELECT * FROM grants WHERE expires_at > ?', ['SEARCH grants USING INDEX grants_expiry_idx (expires_at>?)'])).toHaveLength(1);
    expect(check('SELECT * FROM grants WHERE expires_at > ? ORDER BY id LIMIT 5', ['SEARCH grants USING INDEX grants_expiry_idx (expires_at>?)', 'USE TEMP B-TREE FOR ORDER BY'])).toHaveLength(1);
    expect(check('SELECT * FROM grants WHERE expires_at > ? ORDER BY expires_at LIMIT 5', ['SEARCH grants USING INDEX grants_expiry_idx (expires_at>?)'])).toEqual([]);
    // A sort of the last ORDER BY term only (runs of equal expires_at) still stops at the LIMIT.
    expect(check('SELECT * FROM grants WHERE expires_at > ? ORDER BY expires_at, id LIMIT 5', ['SEARCH grants USING INDEX grants_expiry_idx (expires_at>?)', 'USE TEMP B-TREE FOR LAST TERM OF ORDER BY'])).toEqual([]);
    expect(check('SELECT * FROM grants WHERE expires_at > ? AND expires_at < ?', ['SEARCH grants USING INDEX grants_expiry_idx (expires_at>? AND expires_at<?)'])).toEqual([]);
    expect(check('SELECT * FROM grants WHERE case_id = ? AND created_at > ?', ['SEARCH grants USING INDEX grants_case_idx (case_id=? AND created_at>?)'])).toEqual([]);
  });

  it('passes an allowed ordered walk only with a LIMIT and no sort', () => {
    const walk = [/FROM mdt_meetings ORDER BY/];
    expect(check('SELECT * FROM mdt_meetings ORDER BY scheduled_at DESC LIMIT 20', ['SCAN mdt_meetings USING INDEX mdt_meetings_time_idx'], walk)).toEqual([]);
    expect(check('SELECT * FROM mdt_meetings ORDER BY scheduled_at DESC', ['SCAN mdt_meetings USING INDEX mdt_meetings_time_idx'], walk)).toHaveLength(1);
    expect(check('SELECT * FROM mdt_meetings ORDER BY round LIMIT 20', ['SCAN mdt_meetings', 'USE TEMP B-TREE FOR ORDER BY'], walk)).toHaveLength(1);
  });
});

describe('PostgreSQL plan checker', () => {
  const indexes: Indexes = new Map([['mdt_meetings_time_idx', { table: 'mdt_meetings', first: 'scheduled_at' }], ['grants_expiry_idx', { table: 'grants', first: 'expires_at' }]]);
  const scan = (extra: Record<string, unknown>) => ({ 'Node Type': 'Index Scan', 'Index Name': 'mdt_meetings_time_idx', ...extra });
  const limit = (child: Record<string, unknown>) => ({ 'Node Type': 'Limit', Plans: [child] });

  it('fails an index scan with only a Filter, or under a Limit unless allowed', () => {
    expect(pgFullReads(scan({ Filter: "(status = 'open')" }), indexes)[0]).toMatch(/mdt_meetings: Index Scan using mdt_meetings_time_idx with no Index Cond \(Filter: .*\): walks the whole index/);
    expect(pgFullReads(limit(scan({})), indexes)).toHaveLength(1);
    expect(pgFullReads(limit(scan({})), indexes, [], { limited: false, allowed: true, paged: true })).toEqual([]);
    expect(pgFullReads(limit({ 'Node Type': 'Sort', Plans: [scan({})] }), indexes, [], { limited: false, allowed: true, paged: true })).toHaveLength(1);
  });

  it('fails an open range with no LIMIT; passes an equality or a closed range', () => {
    const range = (cond: string) => ({ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'grants_expiry_idx', 'Index Cond': cond });
    expect(pgFullReads(range("(expires_at > '5'::bigint)"), indexes)[0]).toContain('an open range with no LIMIT');
    expect(pgFullReads(range("(expires_at > '5'::bigint)"), indexes, [], { limited: false, allowed: false, paged: true })).toEqual([]);
    expect(pgFullReads(range("((expires_at >= '5'::bigint) AND (expires_at < '9'::bigint))"), indexes)).toEqual([]);
    expect(pgFullReads(range("(expires_at = '5'::bigint)"), indexes)).toEqual([]);
  });

  it("reads an index's leading key, an expression's whole; an expression index seeks on its expression only", () => {
    expect(leadingKey('CREATE INDEX a ON public.grants USING btree (expires_at, id)')).toBe('expires_at');
    expect(leadingKey('CREATE INDEX t ON public.clinician_name_tokens USING btree (token text_pattern_ops, clinician_id)')).toBe('token');
    expect(leadingKey('CREATE UNIQUE INDEX u ON public.x USING btree ("order") WHERE (a = 1)')).toBe('order');
    const def = 'CREATE INDEX clinicians_registration_idx ON public.clinicians USING btree (upper(registration_no))';
    expect(leadingKey(def)).toBe('upper(registration_no)');
    expect(leadingKey('CREATE INDEX s ON public.clinicians USING btree (institution_id, lower(TRIM(BOTH FROM specialty)))')).toBe('institution_id');
    const expr: Indexes = new Map([['clinicians_registration_idx', { table: 'clinicians', first: leadingKey(def) }]]);
    const scanOn = (cond: string) => ({ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'clinicians_registration_idx', 'Index Cond': cond });
    expect(pgFullReads(scanOn("(upper(registration_no) = ANY ('{M1,M2}'::text[]))"), expr)).toEqual([]);
    expect(pgFullReads(scanOn("(registration_no = 'M1'::text)"), expr)[0]).toContain('on a later column only');
  });

  it('reads a key compared byte-wise (an index in collation "C", the column printed cast) as a seek', () => {
    const def = 'CREATE INDEX outbox_idem_key_c_idx ON public.outbox_messages USING btree (idem_key COLLATE "C")';
    expect(leadingKey(def)).toBe('idem_key');
    const c: Indexes = new Map([['outbox_idem_key_c_idx', { table: 'outbox_messages', first: leadingKey(def) }]]);
    const scanOn = (cond: string) => ({ 'Node Type': 'Index Scan', 'Index Name': 'outbox_idem_key_c_idx', 'Index Cond': cond });
    expect(pgFullReads(scanOn("(((idem_key)::text >= 'req:1:'::text) AND ((idem_key)::text < 'req:1;'::text))"), c)).toEqual([]);
    expect(pgFullReads(scanOn("((idem_key)::text >= 'req:1:'::text)"), c)[0]).toContain('an open range with no LIMIT');
  });

  it("passes a walk of one index filtered by an equality another index of the table seeks (the empty test tables' pick); fails one nothing seeks", () => {
    const t: Indexes = new Map([
      ['access_requests_pkey', { table: 'access_requests', first: 'id' }],
      ['access_requests_pending_uq', { table: 'access_requests', first: 'document_id' }],
      ['grants_expiry_idx', { table: 'grants', first: 'expires_at' }],
    ]);
    const walk = (filter: string) => ({ 'Node Type': 'Index Scan', 'Index Name': 'access_requests_pending_uq', Filter: filter });
    expect(pgFullReads(walk("((id = 'a1'::text) AND (status = 'pending'::text))"), t)).toEqual([]);
    expect(pgFullReads(walk("(requester_id = 'u1'::text)"), t)[0]).toContain('walks the whole index');
    expect(pgFullReads(walk("(expires_at = '5'::bigint)"), t)[0]).toContain('walks the whole index');
  });
});
