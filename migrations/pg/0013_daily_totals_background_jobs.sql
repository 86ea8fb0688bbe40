CREATE TABLE "background_jobs" (
	"name" text PRIMARY KEY NOT NULL,
	"cursor" text,
	"done_at" bigint
);
--> statement-breakpoint
CREATE TABLE "daily_totals" (
	"day" integer NOT NULL,
	"metric" text NOT NULL,
	"dimension" text DEFAULT '' NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "daily_totals_day_metric_dimension_pk" PRIMARY KEY("day","metric","dimension")
);
