import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { composeRouteDocs } from '../../contract/compose.js';
import { pageQuery } from '../../contract/doctor.js';
import { openableDocumentsPageDto } from '../../contract/openable-documents.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { listOpenableDocuments, type OpenableDocumentsDeps } from '../../usecases/viewing/openable-documents.js';
import { peopleOf } from './people.js';

const { errors, security, tags } = composeRouteDocs;

export interface OpenableDocumentsRouteDeps extends OpenableDocumentsDeps {
  directory: Pick<DirectoryRepository, 'findById' | 'institution'>;
}

/**
 * The Documents screen: every live document I may open now, newest first, in cursor pages. Codes,
 * types, authors and times only; opening one goes through the view token, decided and audited there.
 */
export const openableDocumentsRoutes: FastifyPluginAsyncZod<OpenableDocumentsRouteDeps> = async (app, deps) => {
  app.get(
    '/api/app/documents',
    { schema: { tags, security, summary: 'Documents I may open now (care role, approved request, consult, break-glass), newest first, cursor pages', querystring: pageQuery, response: { 200: openableDocumentsPageDto, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const page = await listOpenableDocuments(deps, req.clinician!, req.query);
      const person = peopleOf(deps.directory);
      const items = await Promise.all(page.items.map(async (d) => ({ documentId: d.id, caseCode: d.caseCode, docType: d.docType, author: await person(d.authorId), createdAt: d.createdAt, via: d.via })));
      return { items, nextCursor: page.nextCursor };
    },
  );
};
