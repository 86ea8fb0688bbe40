CREATE TABLE "consult_rule_firings" (
	"id" text PRIMARY KEY NOT NULL,
	"rule_id" text NOT NULL,
	"item_type" text NOT NULL,
	"item_id" text NOT NULL,
	"case_id" text NOT NULL,
	"referral_id" text,
	"fired_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "consult_rule_sets" (
	"id" text PRIMARY KEY NOT NULL,
	"rules_json" text NOT NULL,
	"version" integer NOT NULL,
	"updated_by" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "consult_rule_firings_item_uq" ON "consult_rule_firings" USING btree ("rule_id","item_type","item_id");--> statement-breakpoint
CREATE INDEX "consult_rule_firings_case_idx" ON "consult_rule_firings" USING btree ("case_id","fired_at");