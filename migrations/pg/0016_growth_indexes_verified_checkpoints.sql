CREATE TABLE "audit_verified_checkpoints" (
	"checkpoint_id" bigint PRIMARY KEY NOT NULL,
	"tree_size" bigint NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"verified_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_data_upgrades" (
	"name" text PRIMARY KEY NOT NULL,
	"done_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "access_requests_requester_idx" ON "access_requests" USING btree ("requester_id","created_at");--> statement-breakpoint
CREATE INDEX "access_requests_document_idx" ON "access_requests" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "access_requests_decided_idx" ON "access_requests" USING btree ("decided_at");--> statement-breakpoint
CREATE INDEX "audit_entries_at_idx" ON "audit_entries" USING btree ("at");--> statement-breakpoint
CREATE INDEX "care_team_clinician_idx" ON "care_team" USING btree ("clinician_id","effective_to");--> statement-breakpoint
CREATE INDEX "clinicians_role_idx" ON "clinicians" USING btree ("role");--> statement-breakpoint
CREATE INDEX "escalations_type_created_idx" ON "escalations" USING btree ("item_type","created_at");--> statement-breakpoint
CREATE INDEX "escalations_stopped_idx" ON "escalations" USING btree ("stopped_at");--> statement-breakpoint
CREATE INDEX "grants_case_idx" ON "grants" USING btree ("case_id","created_at");--> statement-breakpoint
CREATE INDEX "grants_unrecorded_expiry_idx" ON "grants" USING btree ("expires_at") WHERE expiry_recorded_at is null and revoked_at is null;--> statement-breakpoint
CREATE INDEX "documents_kind_created_idx" ON "documents" USING btree ("kind","created_at");--> statement-breakpoint
CREATE INDEX "documents_status_created_idx" ON "documents" USING btree ("status","created_at");