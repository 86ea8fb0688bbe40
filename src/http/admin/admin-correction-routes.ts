import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { importBody, importReportDto, mergeBody, mergedDto, mergePreviewDto, registerCheckDto, registerCheckQuery } from '../../contract/correction.js';
import { importClinicians, type ImportCliniciansDeps } from '../../usecases/admin/import-clinicians.js';
import { mergePatients, previewPatientMerge, type MergePatientsDeps } from '../../usecases/admin/merge-patients.js';
import { checkRegister, type RegisterCheckDeps } from '../../usecases/admin/register-check.js';
import { sectionRoute } from './admin-auth.js';
import { errorResponses } from './admin-schemas.js';

export interface AdminCorrectionDeps {
  merge: MergePatientsDeps;
  importer: ImportCliniciansDeps;
  register: RegisterCheckDeps;
}

/**
 * Onboarding and correction from the console: bulk clinician import (dry run, then import) and the
 * register check (admins, the clinicians section), merging duplicate patient records (the privacy
 * officer alone, the patients section; the use case checks the role again).
 */
export const adminCorrectionRoutes: FastifyPluginAsyncZod<AdminCorrectionDeps> = async (app, deps) => {
  const clinicians = sectionRoute('clinicians');
  const patients = sectionRoute('patients');

  app.post(
    '/clinicians/import',
    { config: clinicians, bodyLimit: 1_200_000, schema: { body: importBody, response: { 200: importReportDto, ...errorResponses } } },
    async (req) => importClinicians(deps.importer, req.body.csv, { dryRun: req.body.dryRun, by: req.admin!.id }),
  );

  app.get(
    '/register-check',
    { config: clinicians, schema: { querystring: registerCheckQuery, response: { 200: registerCheckDto, ...errorResponses } } },
    async (req) => checkRegister(deps.register, req.admin!, req.query.no),
  );

  app.post(
    '/patients/merge/preview',
    { config: patients, schema: { body: mergeBody, response: { 200: mergePreviewDto, ...errorResponses } } },
    async (req) => previewPatientMerge(deps.merge, req.admin!, req.body.survivor, req.body.duplicate),
  );

  app.post(
    '/patients/merge',
    { config: patients, schema: { body: mergeBody, response: { 200: mergedDto, ...errorResponses } } },
    async (req) => mergePatients(deps.merge, req.admin!, req.body.survivor, req.body.duplicate),
  );
};
