CREATE TABLE "audit_verified_checkpoints" (
	"checkpoint_id" bigint PRIMARY KEY NOT NULL,
	"tree_size" bigint NOT NULL,
	"root_hash" "bytea" NOT NULL,
	"verified_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "grants_unrecorded_expiry_idx" ON "grants" USING btree ("expires_at") WHERE expiry_recorded_at is null and revoked_at is null;