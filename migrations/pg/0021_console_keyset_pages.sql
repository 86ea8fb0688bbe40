DROP INDEX "yida_submissions_state_idx";--> statement-breakpoint
CREATE INDEX "access_requests_status_created_idx" ON "access_requests" USING btree ("status","created_at","id");--> statement-breakpoint
CREATE INDEX "processed_messages_state_received_idx" ON "processed_messages" USING btree ("state","received_at","msg_id");--> statement-breakpoint
CREATE INDEX "yida_submissions_state_idx" ON "yida_submissions" USING btree ("state","received_at","id");