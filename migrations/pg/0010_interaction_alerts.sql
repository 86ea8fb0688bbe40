CREATE TABLE "interaction_alert_recipients" (
	"alert_id" text NOT NULL,
	"clinician_id" text NOT NULL,
	"role" text NOT NULL,
	"read_at" bigint,
	CONSTRAINT "interaction_alert_recipients_alert_id_clinician_id_pk" PRIMARY KEY("alert_id","clinician_id")
);
--> statement-breakpoint
CREATE TABLE "interaction_alerts" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"entry_a" text NOT NULL,
	"entry_b" text NOT NULL,
	"rule_id" text NOT NULL,
	"severity" text NOT NULL,
	"rule_set_version" text NOT NULL,
	"cross_prescriber" boolean NOT NULL,
	"state" text NOT NULL,
	"decided_by" text,
	"decided_at" bigint,
	"reason" text,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "interaction_alerts_pair_idx" ON "interaction_alerts" USING btree ("entry_a","entry_b");--> statement-breakpoint
CREATE INDEX "interaction_alerts_case_idx" ON "interaction_alerts" USING btree ("case_id","created_at");