import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { casePageQuery } from '../../contract/case-pages.js';
import { caseCodeParams, composeRouteDocs } from '../../contract/compose.js';
import { errorBody } from '../../contract/errors.js';
import {
  addMedicationBody,
  medicationAddedDto,
  medicationListDto,
  medicationParams,
  medicationsImportedDto,
  medicationStoppedDto,
} from '../../contract/medications.js';
import { addMedication, type AddMedicationDeps } from '../../usecases/medications/add-medication.js';
import { importEhrMedications, type ImportEhrMedicationsDeps } from '../../usecases/medications/import-ehr-medications.js';
import { listMedications, type ListMedicationsDeps } from '../../usecases/medications/list-medications.js';
import { stopMedication, type StopMedicationDeps } from '../../usecases/medications/stop-medication.js';
import { medicationView, type MedicationViewDeps } from './medication-view.js';

const { errors, security, tags } = composeRouteDocs;

export type MedicationRouteDeps = AddMedicationDeps & ListMedicationsDeps & StopMedicationDeps & ImportEhrMedicationsDeps & MedicationViewDeps;

/**
 * A case's medication list (issue 13 item 1), for signed-in, verified, active clinicians (the trusted
 * hook); the use cases ask the policy (`readMedications`, `addMedication`) and audit. Never cached:
 * the answers carry drug names.
 */
export const medicationRoutes: FastifyPluginAsyncZod<MedicationRouteDeps> = async (app, deps) => {
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
  });

  app.get(
    '/api/cases/:code/medications',
    { schema: { tags, security, summary: 'The case’s medication list (care team only), keyset pages: active first, then stopped, each newest first', params: caseCodeParams, querystring: casePageQuery, response: { 200: medicationListDto, ...errors } } },
    async (req) => {
      const { entries, nextCursor } = await listMedications(deps, req.clinician!, req.params.code, req.query);
      return { entries: await Promise.all(entries.map((e) => medicationView(deps, e))), nextCursor };
    },
  );

  app.post(
    '/api/cases/:code/medications',
    {
      schema: {
        tags, security, summary: 'Record a medication on the case (prescribers on the care team); ingredients from the confirmed lexicon ids',
        params: caseCodeParams, body: addMedicationBody, response: { 201: medicationAddedDto, ...errors },
      },
    },
    async (req, reply) => {
      const { entry, unresolved } = await addMedication(deps, req.clinician!, req.params.code, req.body);
      return reply.status(201).send({ entry: await medicationView(deps, entry), unresolved });
    },
  );

  app.post(
    '/api/cases/:code/medications/:id/stop',
    { schema: { tags, security, summary: 'Stop an active medication today', params: medicationParams, response: { 200: medicationStoppedDto, ...errors } } },
    async (req) => ({ entry: await medicationView(deps, await stopMedication(deps, req.clinician!, req.params.code, req.params.id)) }),
  );

  app.post(
    '/api/cases/:code/medications/import',
    {
      schema: {
        tags, security, summary: 'Import the patient’s medications from the health record (FHIR MedicationRequest / MedicationStatement); idempotent',
        params: caseCodeParams, response: { 200: medicationsImportedDto, ...errors, 502: errorBody, 503: errorBody },
      },
    },
    async (req) => ({ imported: (await importEhrMedications(deps, req.clinician!, req.params.code)).imported }),
  );
};
