import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sectionRoute } from './admin-auth.js';
import { z } from 'zod';
import { checkpointJson } from '../../domain/audit/audit-checkpoint.js';
import { entryJson } from '../../domain/audit/audit-commands.js';
import { traceLookupKey } from '../../domain/viewing/trace-code.js';
import type { AuditEntry } from '../../domain/audit/audit-entry.js';
import type { AuditLog } from '../../domain/audit/audit-log.js';
import type { AuditReadRepository } from '../../domain/audit/audit-reader.js';
import type { AuditFilter } from '../../domain/audit/audit-repository.js';
import type { CheckpointVerifier } from '../../domain/audit/audit-signer.js';
import type { Clock } from '../../shared/clock.js';
import { DomainError } from '../../shared/errors.js';
import { exportAudit } from '../../usecases/admin/export-audit.js';
import type { TargetRef } from '../../usecases/admin/audit-targets.js';
import { errorResponses } from './admin-schemas.js';
import { auditEntryDto, auditExportQuery, auditFilterQuery, auditListQuery, checkpointResponse, verifyResponse } from './admin-console-schemas.js';

const toMs = (v: number | string | undefined): number | undefined => (v === undefined ? undefined : typeof v === 'number' ? v : Date.parse(v));

function filterOf(q: z.infer<typeof auditFilterQuery>): AuditFilter {
  return { actor: q.actor, action: q.action, outcome: q.outcome, target: q.target, from: toMs(q.from), to: toMs(q.to) };
}

export interface AdminAuditDeps {
  log: Pick<AuditLog, 'flush' | 'verify' | 'append'> & { repo: Pick<AuditReadRepository, 'list' | 'latestCheckpoint' | 'findByTrace'> };
  /** The checkpoint signature's public key (read when asked), or null when there is none. */
  verifier(): CheckpointVerifier | null;
  clock: Clock;
  /** Names for the people among the ids (src/usecases/admin/people-names.ts). */
  names(ids: Iterable<string | null | undefined>): Promise<Map<string, string>>;
  /** What the other targets holding an id are: a document, a request… and its case (src/usecases/admin/audit-targets.ts). */
  targets(entries: Iterable<{ action: string; target: string | null }>): Promise<Map<string, TargetRef>>;
}

type Describers = Pick<AdminAuditDeps, 'names' | 'targets'>;

const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const HAS_UUID = new RegExp(UUIDS.source, 'i');

/** Entries as JSON with the names of the people they mention (also inside a reason), and what their other targets are. */
async function named(entries: readonly AuditEntry[], { names, targets }: Describers) {
  const known = await names(entries.flatMap((e) => [e.actor, e.target, ...(e.reason?.match(UUIDS) ?? [])]));
  const things = await targets(entries.filter((e) => !(e.target && known.has(e.target))));
  // A reason naming someone by id (`clinician:<id>`) reads with their name; any other id as "…".
  const reasonName = (reason: string | null) => (reason && HAS_UUID.test(reason) ? reason.replace(UUIDS, (id) => known.get(id) ?? '…') : null);
  return entries.map((e) => ({
    ...entryJson(e),
    actorName: known.get(e.actor) ?? null,
    targetName: (e.target && known.get(e.target)) ?? null,
    targetRef: (e.target ? things.get(e.target) : undefined) ?? null,
    reasonName: reasonName(e.reason),
  }));
}

/** FHIR bundles are generic JSON; the schema checks the envelope and lets the resources through. */
const fhirBundle = z.looseObject({ resourceType: z.literal('Bundle'), type: z.literal('collection'), timestamp: z.string(), entry: z.array(z.looseObject({})) });

/**
 * The audit browser: filtered listing (newest first, keyset paging by leaf index), full chain
 * verification, the latest signed head, trace-code lookup and a FHIR AuditEvent export. Entries
 * hold ids and codes only. Readers: admins, privacy officers and auditors — oversight is their job,
 * and nothing here can change the log.
 */
export const adminAuditRoutes: FastifyPluginAsyncZod<AdminAuditDeps> = async (app, { log, verifier, clock, names, targets }) => {
  const readers = sectionRoute('audit');

  app.get(
    '/audit',
    {
      config: readers,
      schema: { querystring: auditListQuery, response: { 200: z.object({ entries: z.array(auditEntryDto), nextBefore: z.number().nullable() }), ...errorResponses } },
    },
    async (req) => {
      // Entries still waiting for their group commit belong in what an admin sees.
      await log.flush();
      const page = await log.repo.list(filterOf(req.query), { before: req.query.before, limit: req.query.limit });
      return { entries: await named(page.entries, { names, targets }), nextBefore: page.nextBefore };
    },
  );

  app.post(
    '/audit/verify',
    { config: readers, schema: { response: { 200: verifyResponse, ...errorResponses } } },
    async () => {
      const result = await log.verify();
      return result.ok ? result : { ok: false, size: result.size, problem: result.problem };
    },
  );

  app.get(
    '/audit/checkpoint',
    { config: readers, schema: { response: { 200: checkpointResponse, ...errorResponses } } },
    async () => {
      const latest = await log.repo.latestCheckpoint();
      if (!latest) throw new DomainError('not_found', 'no checkpoint has been written yet');
      return checkpointJson(latest, verifier());
    },
  );

  app.get(
    '/audit/trace/:code',
    {
      config: readers,
      schema: {
        params: z.object({ code: z.string().regex(/^[A-Za-z0-9-]{4,32}$/) }),
        response: { 200: z.object({ code: z.string(), entries: z.array(auditEntryDto) }), ...errorResponses },
      },
    },
    async (req) => {
      await log.flush();
      const entries = await log.repo.findByTrace(traceLookupKey(req.params.code));
      if (entries.length === 0) throw new DomainError('not_found');
      return { code: req.params.code, entries: await named(entries, { names, targets }) };
    },
  );

  app.get(
    '/audit/export',
    { config: readers, schema: { querystring: auditExportQuery, response: { 200: fhirBundle, ...errorResponses } } },
    async (req, reply) => {
      const { bundle, at } = await exportAudit({ log, clock }, req.admin!.id, filterOf(req.query), req.query.limit);
      const stamp = new Date(at).toISOString().slice(0, 10).replaceAll('-', '');
      return reply
        .header('content-disposition', `attachment; filename="consultbridge-audit-${stamp}.fhir.json"`)
        .header('cache-control', 'no-store')
        .type('application/fhir+json')
        .send(bundle);
    },
  );
};
