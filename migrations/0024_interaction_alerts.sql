CREATE TABLE `interaction_alert_recipients` (
	`alert_id` text NOT NULL,
	`clinician_id` text NOT NULL,
	`role` text NOT NULL,
	`read_at` integer,
	PRIMARY KEY(`alert_id`, `clinician_id`)
);
--> statement-breakpoint
CREATE TABLE `interaction_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`entry_a` text NOT NULL,
	`entry_b` text NOT NULL,
	`rule_id` text NOT NULL,
	`severity` text NOT NULL,
	`rule_set_version` text NOT NULL,
	`cross_prescriber` integer NOT NULL,
	`state` text NOT NULL,
	`decided_by` text,
	`decided_at` integer,
	`reason` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `interaction_alerts_pair_idx` ON `interaction_alerts` (`entry_a`,`entry_b`);--> statement-breakpoint
CREATE INDEX `interaction_alerts_case_idx` ON `interaction_alerts` (`case_id`,`created_at`);