import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/domain/audit/audit-entry.js';
import type { CaseGroupRow } from '../../../src/domain/cases/cases-repository.js';
import type { AuditInput } from '../../../src/shared/audit-sink.js';
import { DomainError } from '../../../src/shared/errors.js';
import { bindCaseGroup, caseGroups, unbindCaseGroup, type CaseGroupDeps } from '../../../src/usecases/admin/case-groups.js';
import { exportAudit } from '../../../src/usecases/admin/export-audit.js';
import { issueAdminToken } from '../../../src/usecases/admin/issue-admin-token.js';
import { discardOutboxItem, retryOutboxItem } from '../../../src/usecases/admin/outbox-actions.js';

const recorder = () => {
  const entries: AuditInput[] = [];
  return { entries, audit: { append: (e: AuditInput) => entries.push(e) } };
};

describe('admin actions: outbox retry and discard', () => {
  /** Row 7 is dead (retry and discard work once); any other id is not found. */
  function world() {
    const rec = recorder();
    const dead = new Set([7]);
    const take = async (id: number) => {
      if (!dead.delete(id)) throw new DomainError('not_found');
    };
    return { ...rec, deps: { outbox: { retryDead: take, discard: take }, audit: rec.audit } };
  }

  it('When an admin retries or discards a row, then it is done and audited with the row id', async () => {
    const w = world();
    await retryOutboxItem(w.deps, 'admin-1', 7);
    expect(w.entries).toEqual([{ actor: 'admin-1', action: 'outbox.retried', target: 'outbox-7', outcome: 'success' }]);
  });

  it('When the row does not exist (or is not dead), then not_found, and the refusal is audited', async () => {
    const w = world();
    await expect(discardOutboxItem(w.deps, 'admin-1', 8)).rejects.toMatchObject({ code: 'not_found' });
    expect(w.entries).toEqual([{ actor: 'admin-1', action: 'outbox.discarded', target: 'outbox-8', outcome: 'denied', reason: 'not_found' }]);
  });
});

describe('admin actions: case groups', () => {
  function world(): CaseGroupDeps & { bound: CaseGroupRow[] } {
    const bound: CaseGroupRow[] = [];
    const known = (code: string) => {
      if (code.toUpperCase() !== 'C-7KQ2M') throw new DomainError('case.not_found');
      return { id: 'case-1', code: 'C-7KQ2M' };
    };
    return {
      bound,
      cases: { findCase: async (code) => known(code) as never },
      directory: { byIds: async (ids) => [...ids].filter((id) => id === 'admin-1').map((id) => ({ id, nameEn: 'Ms ADMIN', nameZh: '管理員', displayName: 'admin' }) as never) },
      caseAdmin: {
        groups: async (code) => (known(code), [...bound]),
        bindGroup: async (adminId, code, conversationId) => {
          const row = { caseId: known(code).id, conversationId, boundBy: adminId, boundAt: 1_000 } as CaseGroupRow;
          bound.push(row);
          return row;
        },
        unbindGroup: async (_adminId, code, conversationId) => {
          known(code);
          bound.splice(bound.findIndex((g) => g.conversationId === conversationId), 1);
          return 2;
        },
      },
    };
  }

  it('When an admin binds then unbinds a group, then each answer lists the groups after it under the case’s own code', async () => {
    const w = world();
    const afterBind = await bindCaseGroup(w, 'admin-1', 'c-7kq2m', 'cid-1');
    expect(afterBind.caseCode).toBe('C-7KQ2M');
    expect(afterBind.groups.map((g) => [g.conversationId, g.boundBy])).toEqual([['cid-1', 'admin-1']]);
    // Who bound it, by name: the console shows no person as an id (issue 12).
    expect(afterBind.groups.map((g) => g.boundByName)).toEqual(['管理員 Ms ADMIN']);
    const afterUnbind = await unbindCaseGroup(w, 'admin-1', 'C-7KQ2M', 'cid-1');
    expect(afterUnbind).toEqual({ caseCode: 'C-7KQ2M', groups: [], rolesEnded: 2 });
  });

  it('When the case is unknown, then case.not_found', async () => {
    await expect(caseGroups(world(), 'C-NOPE1')).rejects.toMatchObject({ code: 'case.not_found' });
  });
});

describe('admin actions: audit export', () => {
  const entry = (idx: number) => ({ idx, at: idx * 1000, actor: 'a', action: 'x.y', target: null, outcome: 'success', reason: null, trace: null, body: '{}', leafHash: Buffer.alloc(32) }) as AuditEntry;

  it('When an export is asked for, then pending entries are flushed first, pages are walked up to the limit, the bundle is oldest first and the export is audited', async () => {
    const steps: string[] = [];
    const rec = recorder();
    // Five entries on disk, newest first, two a page.
    const all = [5, 4, 3, 2, 1].map(entry);
    const log = {
      flush: async () => void steps.push('flush'),
      append: (e: AuditInput) => (steps.push('append'), rec.audit.append(e)),
      repo: {
        list: async (_f: object, page: { before?: number; limit?: number } = {}) => {
          steps.push(`list ${page.before ?? '-'} ${page.limit}`);
          const rest = all.filter((e) => page.before === undefined || e.idx < page.before).slice(0, Math.min(2, page.limit ?? 50));
          const last = rest.at(-1);
          return { entries: rest, nextBefore: last && last.idx > 1 ? last.idx : null };
        },
      },
    };
    const out = await exportAudit({ log, clock: { now: () => 86_400_000 } }, 'auditor-1', {}, 3);
    expect(steps).toEqual(['flush', 'list - 3', 'list 4 1', 'append']);
    expect(out.at).toBe(86_400_000);
    expect(out.bundle.timestamp).toBe('1970-01-02T00:00:00.000Z');
    expect(out.bundle.entry.map((e) => e.fullUrl)).toEqual(['urn:consultbridge:audit:3', 'urn:consultbridge:audit:4', 'urn:consultbridge:audit:5']);
    expect(rec.entries).toEqual([{ actor: 'auditor-1', action: 'audit.exported', outcome: 'success', reason: 'entries:3' }]);
  });
});

describe('admin actions: the admin console token', () => {
  function world() {
    const rec = recorder();
    const minted: string[] = [];
    const mint = async (clinicianId: string, sessionId: string) => (minted.push(`${clinicianId} ${sessionId}`), 'signed-token');
    return { ...rec, minted, deps: { audit: rec.audit, mint } };
  }

  it('When a privacy officer asks, then a token bound to their login is minted with the sections and actions the role may use, and the issue audited', async () => {
    const w = world();
    expect(await issueAdminToken(w.deps, { id: 'po-1', role: 'privacy_officer' }, 'fam-1')).toEqual({
      token: 'signed-token',
      role: 'privacy_officer',
      sections: ['audit', 'oversight', 'report', 'patients'],
      actions: ['breakglass.review', 'grant.revoke'],
    });
    expect(w.minted).toEqual(['po-1 fam-1']);
    expect(w.entries).toEqual([{ actor: 'po-1', action: 'admin.token_issued', target: 'po-1', outcome: 'success' }]);
  });

  it('When a doctor (or someone with no role) asks, then access.denied, nothing is minted and the refusal is audited', async () => {
    const w = world();
    await expect(issueAdminToken(w.deps, { id: 'doc-1', role: 'doctor' }, 'fam-1')).rejects.toMatchObject({ code: 'access.denied' });
    await expect(issueAdminToken(w.deps, { id: 'x-1', role: null }, 'fam-2')).rejects.toMatchObject({ code: 'access.denied' });
    expect(w.minted).toEqual([]);
    expect(w.entries.map((e) => [e.actor, e.outcome, e.reason])).toEqual([['doc-1', 'denied', 'role'], ['x-1', 'denied', 'role']]);
  });
});
