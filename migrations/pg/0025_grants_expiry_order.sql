DROP INDEX "grants_expiry_idx";--> statement-breakpoint
CREATE INDEX "grants_expiry_idx" ON "grants" USING btree ("expires_at","id");