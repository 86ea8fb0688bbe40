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
--> statement-breakpoint
-- The running totals count what is written from now on; what is already there is counted once, after ready, in batches:
-- audit entries below the current size, and reports shared (and first views) before now. An empty table has nothing to count.
INSERT INTO `background_jobs` (`name`, `cursor`, `done_at`) SELECT 'daily_totals_audit', '0/' || COALESCE(MAX(`idx`) + 1, 0), CASE WHEN COUNT(*) = 0 THEN 0 END FROM `audit_entries`;
--> statement-breakpoint
INSERT INTO `background_jobs` (`name`, `cursor`, `done_at`) SELECT 'daily_totals_reports', CAST((julianday('now') - 2440587.5) * 86400000 AS INTEGER) || '/', CASE WHEN EXISTS (SELECT 1 FROM `documents` WHERE `kind` = 'report') THEN NULL ELSE 0 END;
