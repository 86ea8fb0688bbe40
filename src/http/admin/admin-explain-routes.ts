import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sectionRoute } from './admin-auth.js';
import { z } from 'zod';
import type { CaseQueries } from '../../domain/cases/case-queries.js';
import { decodeNameCursor, encodeNameCursor } from '../../domain/directory/clinician-tokens.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { describePeople } from '../../domain/reports/people.js';
import type { DocumentRepository } from '../../domain/sharing/document-repository.js';
import { errorResponses } from './admin-schemas.js';
import { caseDocumentsResponse, iso, peopleQuery, peopleResponse } from './admin-console-schemas.js';

export interface AdminExplainDeps {
  directory: Pick<DirectoryRepository, 'page' | 'findById' | 'institution'>;
  cases: Pick<CaseQueries, 'findCase'>;
  documents: Pick<DocumentRepository, 'listByCase'>;
}

/**
 * What the policy explain tool picks from: people by name, and a case's documents by case code.
 * Admins only, like explain itself. Documents are described by what the service knows without
 * opening them (kind, format, author, date): the vault keeps no titles or file names by design,
 * so the list can never show patient data.
 */
export const adminExplainRoutes: FastifyPluginAsyncZod<AdminExplainDeps> = async (app, { directory, cases, documents }) => {
  // The policies section's explain form picks people and documents through these.
  const admins = sectionRoute('policies');

  app.get(
    '/people',
    { config: admins, schema: { querystring: peopleQuery, response: { 200: peopleResponse, ...errorResponses } } },
    async (req) => {
      const { q, limit, cursor } = req.query;
      // Every word of `q` begins a word of a name, a run of a Chinese name or the DingTalk id (clinician-tokens.ts).
      const found = await directory.page({ q, limit, after: decodeNameCursor(cursor) });
      return {
        people: await Promise.all(found.items.map(async (c) => ({
          id: c.id,
          dingtalkUserId: c.dingtalkUserId,
          nameEn: c.nameEn ?? c.displayName,
          nameZh: c.nameZh,
          role: c.role,
          specialty: c.specialty,
          institution: c.institutionId ? ((await directory.institution(c.institutionId))?.code ?? null) : null,
          verified: c.verified,
          suspended: c.suspended,
        }))),
        more: found.next !== null,
        nextCursor: found.next && encodeNameCursor(found.next),
      };
    },
  );

  app.get(
    '/cases/:code/documents',
    { config: admins, schema: { params: z.object({ code: z.string().max(16) }), response: { 200: caseDocumentsResponse, ...errorResponses } } },
    async (req) => {
      const c = await cases.findCase(req.params.code);
      const person = describePeople(directory);
      // Oldest first, so a document's number in the list stays put when more are shared.
      const docs = await Promise.all((await documents.listByCase(c.id)).map(async (d, i) => ({
        id: d.id,
        seq: i + 1,
        kind: d.kind,
        docType: d.docType,
        mediaType: d.mediaType,
        sharedAt: iso(d.createdAt),
        author: await person(d.authorId),
        status: d.status,
        restricted: d.restrictedCategory !== null,
      })));
      return { caseCode: c.code, documents: docs.reverse() };
    },
  );
};
