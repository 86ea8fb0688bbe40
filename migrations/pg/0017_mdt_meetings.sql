CREATE TABLE "mdt_actions" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"case_id" text NOT NULL,
	"position" integer NOT NULL,
	"text" text NOT NULL,
	"owner_id" text NOT NULL,
	"due_at" bigint,
	"status" text NOT NULL,
	"done_at" bigint,
	"reminded_at" bigint
);
--> statement-breakpoint
CREATE TABLE "mdt_approval_steps" (
	"id" text PRIMARY KEY NOT NULL,
	"meeting_id" text NOT NULL,
	"round" integer NOT NULL,
	"position" integer NOT NULL,
	"role" text NOT NULL,
	"clinician_id" text NOT NULL,
	"decision" text,
	"comment" text,
	"decided_at" bigint
);
--> statement-breakpoint
CREATE TABLE "mdt_meetings" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"scheduled_at" bigint NOT NULL,
	"organiser_id" text NOT NULL,
	"status" text NOT NULL,
	"round" integer NOT NULL,
	"document_id" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mdt_minutes" (
	"meeting_id" text PRIMARY KEY NOT NULL,
	"transcript" text NOT NULL,
	"summary" text NOT NULL,
	"edited_by" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "mdt_participants" (
	"meeting_id" text NOT NULL,
	"clinician_id" text NOT NULL,
	"kind" text NOT NULL,
	CONSTRAINT "mdt_participants_meeting_id_clinician_id_pk" PRIMARY KEY("meeting_id","clinician_id")
);
--> statement-breakpoint
CREATE INDEX "mdt_actions_owner_idx" ON "mdt_actions" USING btree ("owner_id","status");--> statement-breakpoint
CREATE INDEX "mdt_actions_due_idx" ON "mdt_actions" USING btree ("status","due_at");--> statement-breakpoint
CREATE INDEX "mdt_steps_meeting_idx" ON "mdt_approval_steps" USING btree ("meeting_id","round","position");--> statement-breakpoint
CREATE INDEX "mdt_meetings_case_idx" ON "mdt_meetings" USING btree ("case_id");--> statement-breakpoint
CREATE INDEX "mdt_participants_clinician_idx" ON "mdt_participants" USING btree ("clinician_id");