-- The dashboard's approval turnaround and alert figures are running totals from now on (daily_totals); what is already
-- there is counted once, after ready, in batches: requests decided before now, alert recipients raised before now.
-- An empty table has nothing to count.
INSERT INTO "background_jobs" ("name", "cursor", "done_at") SELECT 'daily_totals_approvals', ((extract(epoch from clock_timestamp()) * 1000)::bigint)::text || '/', CASE WHEN EXISTS (SELECT 1 FROM "access_requests" WHERE "decided_at" IS NOT NULL) THEN NULL ELSE 0 END;
--> statement-breakpoint
INSERT INTO "background_jobs" ("name", "cursor", "done_at") SELECT 'daily_totals_alerts', ((extract(epoch from clock_timestamp()) * 1000)::bigint)::text || '/', CASE WHEN EXISTS (SELECT 1 FROM "escalations" WHERE "item_type" = 'alert') THEN NULL ELSE 0 END;
