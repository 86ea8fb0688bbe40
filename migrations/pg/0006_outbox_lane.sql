ALTER TABLE "outbox_messages" ADD COLUMN "lane" text;--> statement-breakpoint
CREATE INDEX "outbox_lane_idx" ON "outbox_messages" USING btree ("lane","status","id");