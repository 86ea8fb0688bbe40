CREATE TABLE `background_jobs` (
	`name` text PRIMARY KEY NOT NULL,
	`cursor` text,
	`done_at` integer
);
--> statement-breakpoint
CREATE TABLE `daily_totals` (
	`day` integer NOT NULL,
	`metric` text NOT NULL,
	`dimension` text DEFAULT '' NOT NULL,
	`n` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`day`, `metric`, `dimension`)
);
