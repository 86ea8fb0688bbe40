CREATE INDEX "audit_entries_action_idx" ON "audit_entries" USING btree ("action");--> statement-breakpoint
CREATE INDEX "audit_entries_outcome_idx" ON "audit_entries" USING btree ("outcome");