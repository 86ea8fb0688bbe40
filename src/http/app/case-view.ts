import type { z } from 'zod';
import type { ClinicianRow } from '../../domain/directory/directory-repository.js';
import type { Service } from '../../service.js';
import { DomainError } from '../../shared/errors.js';
import type { caseViewDto } from '../../contract/doctor.js';
import { personOf } from './people.js';

/**
 * One case as the care team sees it: code, team with roles and verification, documents with read
 * receipts. Only for a current team member or someone holding a live grant on the case; others get
 * access.denied (an unknown code too, so codes cannot be probed).
 */
export async function buildCaseView(service: Service, me: ClinicianRow, code: string): Promise<z.infer<typeof caseViewDto>> {
  const { secure, directoryRepo: dir, clock } = service;
  let row;
  try {
    row = await secure.cases.queries.findCase(code);
  } catch {
    throw new DomainError('access.denied');
  }
  const myRole = await secure.cases.queries.teamRoleNow(row.id, me.id);
  const docs = await secure.documentsRepo.listByCase(row.id);
  let hasGrant = false;
  for (const d of docs) {
    const g = await secure.grants.activeGrantFor(me.id, d.id, row.id, clock.now());
    if ((hasGrant = g.hasGrant || g.hasBreakGlass)) break;
  }
  if (!myRole && !hasGrant) throw new DomainError('access.denied');

  const teamRows = await secure.cases.queries.teamOf(row.id);
  const team = teamRows.map((m) => ({ ...personOf(dir, m.clinicianId), careRole: m.careRole, since: m.since }));
  const recipients = teamRows.map((m) => m.clinicianId);
  const documents = (await secure.receipts.receiptsForCase(row.id, recipients)).map((r) => ({
    documentId: r.documentId,
    kind: r.kind,
    status: r.status,
    createdAt: r.createdAt,
    author: personOf(dir, r.authorId),
    openedBy: r.openedBy.map((o) => ({ person: personOf(dir, o.clinicianId), firstOpenedAt: o.firstOpenedAt, viewCount: o.viewCount })),
    notOpened: r.notOpened.map((n) => personOf(dir, n.clinicianId)),
  }));
  return { code: row.code, status: row.status, openedAt: row.openedAt, myCareRole: myRole || null, team, documents };
}
