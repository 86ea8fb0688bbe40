import { z } from 'zod';
import { dataAccessReportDto } from '../../contract/admin-reports.js';
import type { DataAccessReport } from '../../domain/reports/data-access-report.js';
import { yieldToLoop } from '../../shared/batches.js';

/** Access-log entries checked and written per turn of the event loop. */
const SLICE = 500;
const headDto = dataAccessReportDto.omit({ cases: true, accessLog: true });
const casesDto = dataAccessReportDto.shape.cases;
const entriesDto = dataAccessReportDto.shape.accessLog;

/** Array items checked against their schema (unknown keys dropped) and written as JSON, `per` at a time, a turn of the loop between. */
async function jsonItems<T>(rows: readonly T[], dto: z.ZodArray, per: number): Promise<string> {
  const parts: string[] = [];
  for (let i = 0; i < rows.length; i += per) {
    if (i > 0) await yieldToLoop();
    parts.push(JSON.stringify(dto.parse(rows.slice(i, i + per))).slice(1, -1));
  }
  return parts.join(',');
}

/**
 * The data access report as its response body: what Fastify's schema serializer would write (checked
 * against dataAccessReportDto, unknown keys dropped, same key order), but one case or SLICE access-log
 * entries at a time with a turn of the event loop between. The report grows with the patient's history
 * (up to 10,000 entries, ~3 MB), and checking and stringifying it in one go held the loop for >100 ms.
 */
export async function dataAccessReportJson(report: DataAccessReport): Promise<string> {
  const { cases, accessLog, ...head } = report;
  const start = JSON.stringify(headDto.parse(head)).slice(0, -1);
  const casesJson = await jsonItems(cases, casesDto, 1);
  await yieldToLoop();
  const logJson = await jsonItems(accessLog, entriesDto, SLICE);
  return `${start},"cases":[${casesJson}],"accessLog":[${logJson}]}`;
}
