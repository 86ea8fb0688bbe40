CREATE TABLE "yida_form_mappings" (
	"form_uuid" text PRIMARY KEY NOT NULL,
	"mapping" text NOT NULL,
	"updated_at" bigint NOT NULL,
	"updated_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "yida_submissions" (
	"id" text PRIMARY KEY NOT NULL,
	"instance_id" text NOT NULL,
	"form_uuid" text NOT NULL,
	"app_type" text NOT NULL,
	"state" text NOT NULL,
	"error_code" text,
	"attempts" integer DEFAULT 0 NOT NULL,
	"form_data" text,
	"case_id" text,
	"document_id" text,
	"received_at" bigint NOT NULL,
	"updated_at" bigint NOT NULL,
	"decided_by" text,
	CONSTRAINT "yida_submissions_instanceId_unique" UNIQUE("instance_id")
);
--> statement-breakpoint
CREATE INDEX "yida_submissions_state_idx" ON "yida_submissions" USING btree ("state","received_at");