import { z } from 'zod';
import { REPORT_REASONS } from '../../domain/reports/data-access-report.js';

/** The report and dashboard answers live in the contract (src/contract/admin-reports.ts); the body's reasons come from the domain. */
export { dashboardDto, dashboardQuery, dataAccessReportDto } from '../../contract/admin-reports.js';

/** Who the report is about, and why identity is being decrypted (required; goes into the audit log). */
const reason = z.enum(REPORT_REASONS);
export const dataAccessBody = z.union([
  z.object({ caseCode: z.string().min(3).max(16), reason }).strict(),
  z.object({ hkid: z.string().min(8).max(16), reason }).strict(),
]);
