CREATE TABLE "interaction_rule_reviews" (
	"rule_id" text PRIMARY KEY NOT NULL,
	"rule_hash" text NOT NULL,
	"rule_set_version" text NOT NULL,
	"signed_off_by" text,
	"signed_off_at" bigint,
	"disabled_by" text,
	"disabled_at" bigint,
	"disabled_reason" text,
	"enabled_by" text,
	"enabled_at" bigint,
	"enabled_reason" text,
	"updated_at" bigint NOT NULL
);
