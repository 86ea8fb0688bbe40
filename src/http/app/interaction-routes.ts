import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { casePageQuery } from '../../contract/case-pages.js';
import { composeRouteDocs } from '../../contract/compose.js';
import {
  caseInteractionAlertsDto, interactionAlertDto, interactionCaseParams, interactionDecidedDto, interactionParams, overrideBody, type CitationDto, type InteractionAlertDto,
} from '../../contract/interactions.js';
import type { Citation } from '../../domain/clinical/interaction-rule-schema.js';
import type { DirectoryRepository } from '../../domain/directory/directory-repository.js';
import { decideInteractionAlert, type DecideInteractionDeps } from '../../usecases/interactions/decide-interaction-alert.js';
import { caseInteractionAlerts, interactionAlertDetails, type InteractionAlertDetails, type InteractionReadDeps, type InteractionSide } from '../../usecases/interactions/interaction-alerts.js';
import { personOf } from './people.js';

const { errors, security, tags } = composeRouteDocs;

export type InteractionRouteDeps = InteractionReadDeps & DecideInteractionDeps & { people: Pick<DirectoryRepository, 'findById' | 'institution'> };

/** A rule's citation as one checkable line (and a PubMed link for a PMID). */
export function citationLine(c: Citation): CitationDto {
  if ('pmid' in c) return { kind: 'pmid', text: `PMID ${c.pmid}${c.note ? ` — ${c.note}` : ''}`, url: `https://pubmed.ncbi.nlm.nih.gov/${c.pmid}/` };
  if ('label' in c) return { kind: 'label', text: `${c.label} (${c.jurisdiction} product label), ${c.section}`, url: null };
  if ('regulator' in c) return { kind: 'regulator', text: `${c.regulator}: ${c.title} (${c.date})`, url: null };
  return { kind: 'article', text: c.article, url: null };
}

async function sideDto(people: InteractionRouteDeps['people'], s: InteractionSide) {
  const institution = s.institutionId ? people.institution(s.institutionId) : undefined;
  return {
    entryId: s.entryId, text: s.text, canonical: s.canonical, status: s.status, source: s.source,
    prescriber: s.prescriberId ? await personOf(people, s.prescriberId) : null,
    prescriberName: s.prescriberName,
    institutionCode: (await institution)?.code ?? null,
  };
}

async function detailsDto(people: InteractionRouteDeps['people'], d: InteractionAlertDetails): Promise<InteractionAlertDto> {
  const recipients = [];
  for (const r of d.recipients) recipients.push({ person: await personOf(people, r.clinicianId), role: r.role as 'prescriber' | 'attending', readAt: r.readAt });
  return {
    ...d,
    pair: [await sideDto(people, d.pair[0]), await sideDto(people, d.pair[1])],
    alternatives: [...d.alternatives],
    sources: d.sources.map(citationLine),
    decidedBy: d.decidedBy ? await personOf(people, d.decidedBy) : null,
    recipients,
  };
}

/**
 * Drug interaction alerts for the case's care team: the details (pair as entered and as resolved,
 * severity, mechanism, action, alternatives, sources), a case's list, and acknowledge / override with a
 * reason. Every answer is audited by the use cases; never cached.
 */
export const interactionRoutes: FastifyPluginAsyncZod<InteractionRouteDeps> = async (app, deps) => {
  app.addHook('onSend', async (_req, reply) => void reply.header('cache-control', 'no-store'));

  app.get(
    '/api/interaction-alerts/:id',
    { schema: { tags, security, summary: 'A drug interaction alert in full (the case’s care team; a recipient’s first look counts as read)', params: interactionParams, response: { 200: interactionAlertDto, ...errors } } },
    async (req) => detailsDto(deps.people, await interactionAlertDetails(deps, req.clinician!, req.params.id)),
  );

  app.get(
    '/api/cases/:code/interaction-alerts',
    { schema: { tags, security, summary: 'A case’s drug interaction alerts, keyset pages: open first, then decided, each newest first (the case’s care team)', params: interactionCaseParams, querystring: casePageQuery, response: { 200: caseInteractionAlertsDto, ...errors } } },
    async (req) => caseInteractionAlerts(deps, req.clinician!, req.params.code, req.query),
  );

  app.post(
    '/api/interaction-alerts/:id/acknowledge',
    { schema: { tags, security, summary: 'Acknowledge a drug interaction alert (once)', params: interactionParams, response: { 200: interactionDecidedDto, ...errors } } },
    async (req) => {
      const out = await decideInteractionAlert(deps, req.clinician!, req.params.id, { kind: 'acknowledge' });
      return { ...out, decidedBy: await personOf(deps.people, out.decidedBy) };
    },
  );

  app.post(
    '/api/interaction-alerts/:id/override',
    { schema: { tags, security, summary: 'Override a drug interaction alert with a reason (required; sealed at rest)', params: interactionParams, body: overrideBody, response: { 200: interactionDecidedDto, ...errors } } },
    async (req) => {
      const out = await decideInteractionAlert(deps, req.clinician!, req.params.id, { kind: 'override', reason: req.body.reason });
      return { ...out, decidedBy: await personOf(deps.people, out.decidedBy) };
    },
  );
};
