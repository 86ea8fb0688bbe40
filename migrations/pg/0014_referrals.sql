CREATE TABLE "referrals" (
	"id" text PRIMARY KEY NOT NULL,
	"case_id" text NOT NULL,
	"requester_id" text,
	"institution_id" text,
	"specialty" text NOT NULL,
	"severity" text NOT NULL,
	"purpose_code" text NOT NULL,
	"reason" text,
	"trigger_rule_id" text,
	"trigger_item_type" text,
	"trigger_item_id" text,
	"assignee_id" text,
	"status" text NOT NULL,
	"decline_reason" text,
	"grant_id" text,
	"sent_at" bigint NOT NULL,
	"seen_at" bigint,
	"escalated_at" bigint,
	"accepted_at" bigint,
	"declined_at" bigint,
	"cancelled_at" bigint
);
--> statement-breakpoint
CREATE INDEX "referrals_assignee_status_idx" ON "referrals" USING btree ("assignee_id","status");--> statement-breakpoint
CREATE INDEX "referrals_case_idx" ON "referrals" USING btree ("case_id","sent_at");--> statement-breakpoint
CREATE INDEX "referrals_status_sent_idx" ON "referrals" USING btree ("status","sent_at");