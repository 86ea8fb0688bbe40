import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { alertStatusDto, alertStatusParams } from '../../contract/alert-status.js';
import { composeRouteDocs } from '../../contract/compose.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { alertDeliveryStatus, type AlertStatusDeps } from '../../usecases/alerts/alert-status.js';
import { personOf } from './people.js';

const { errors, security, tags } = composeRouteDocs;

export type AlertStatusRouteDeps = AlertStatusDeps & { people: Pick<DirectoryRepository, 'findById' | 'institution'> };

/** The raiser's live view of their allergy alert (the mini-app's /alert/:id polls it). Never cached. */
export const alertStatusRoutes: FastifyPluginAsyncZod<AlertStatusRouteDeps> = async (app, deps) => {
  app.get(
    '/api/app/alerts/:id/status',
    { schema: { tags, security, summary: 'Per-recipient delivered / opened status of an allergy alert, for its raiser', params: alertStatusParams, response: { 200: alertStatusDto, ...errors } } },
    async (req, reply) => {
      reply.header('cache-control', 'no-store');
      const s = await alertDeliveryStatus(deps, req.clinician!, req.params.id);
      const recipients = [];
      for (const r of s.recipients) {
        recipients.push({ ...r, person: await personOf(deps.people, r.clinicianId), askedFor: r.askedFor ? await personOf(deps.people, r.askedFor) : null });
      }
      return { ...s, recipients };
    },
  );
};
