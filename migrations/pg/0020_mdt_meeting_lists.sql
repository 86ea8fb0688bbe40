DROP INDEX "mdt_meetings_case_idx";--> statement-breakpoint
ALTER TABLE "mdt_meetings" ADD COLUMN "status_at" bigint;--> statement-breakpoint
CREATE INDEX "mdt_meetings_status_idx" ON "mdt_meetings" USING btree ("status","scheduled_at","id");--> statement-breakpoint
CREATE INDEX "mdt_meetings_time_idx" ON "mdt_meetings" USING btree ("scheduled_at","id");--> statement-breakpoint
CREATE INDEX "mdt_meetings_case_idx" ON "mdt_meetings" USING btree ("case_id","scheduled_at","id");