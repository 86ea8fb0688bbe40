import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sectionRoute } from './admin-auth.js';
import type { Dashboard } from '../../domain/reports/dashboard.js';
import type { DataAccessReports } from '../../domain/reports/data-access-report.js';
import type { ResidencyDto } from '../../contract/admin-reports.js';
import { denialReasonLabel } from '../../contract/denial-reasons.js';
import { errorResponses } from './admin-schemas.js';
import { dataAccessReportJson } from './report-json.js';

import { dashboardDto, dashboardQuery, dataAccessBody, dataAccessReportDto } from './admin-report-schemas.js';

export interface AdminReportsDeps {
  dataAccess: Pick<DataAccessReports, 'build'>;
  dashboard: Pick<Dashboard, 'build'>;
  /** Entries still waiting for their group commit must be in what is reported. */
  audit: { flush(): Promise<void> };
  /** The declared data region and the destinations of patient data (hosts only), shown beside the figures. */
  residency: ResidencyDto;
}

/**
 * Reports: the PDPO data access report (the privacy officer only — it decrypts patient identity, and
 * "admins manage but never decrypt"; everyone else gets the same 403 before the body is read, so the
 * answer never says whether an HKID is a patient; the HKID comes in the body only and is looked up by
 * its keyed hash; a reason is required and audited) and the dashboard figures with the data residency (admins).
 */
export const adminReportsRoutes: FastifyPluginAsyncZod<AdminReportsDeps> = async (app, { dataAccess: reports, dashboard, audit, residency }) => {
  app.post(
    '/reports/data-access',
    {
      config: sectionRoute('report'),
      schema: { body: dataAccessBody, response: { 200: dataAccessReportDto, ...errorResponses } },
    },
    async (req, reply) => {
      // Accesses still waiting for their group commit must be in the report.
      await audit.flush();
      const report = await reports.build(req.body, req.admin!.id);
      const stamp = report.requestReceivedAt.slice(0, 10).replaceAll('-', '');
      return reply
        .header('content-disposition', `attachment; filename="data-access-report-${stamp}-${report.reportId.slice(0, 8)}.json"`)
        .header('cache-control', 'no-store')
        // A string with a JSON type goes out as it is: the schema's check and the stringify ran in turns (report-json.ts).
        .type('application/json; charset=utf-8')
        .send((await dataAccessReportJson(report)) as unknown as typeof report);
    },
  );

  app.get(
    '/dashboard',
    { config: sectionRoute('dashboard'), schema: { querystring: dashboardQuery, response: { 200: dashboardDto, ...errorResponses } } },
    async (req) => {
      await audit.flush();
      const figures = await dashboard.build(req.query.days === '30' ? 30 : 7);
      const reasonLabels = Object.fromEntries(Object.keys(figures.totals.denials.byReason).map((code) => [code, denialReasonLabel(code)]));
      return { ...figures, residency, reasonLabels };
    },
  );
};
