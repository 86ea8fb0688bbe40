CREATE TABLE `roster_settings` (
	`institution_id` text NOT NULL,
	`specialty` text NOT NULL,
	`owner_clinician_id` text,
	`escalation_contact_id` text,
	PRIMARY KEY(`institution_id`, `specialty`)
);
--> statement-breakpoint
CREATE TABLE `roster_shifts` (
	`id` text PRIMARY KEY NOT NULL,
	`institution_id` text NOT NULL,
	`specialty` text NOT NULL,
	`clinician_id` text NOT NULL,
	`level` text NOT NULL,
	`starts_at` integer NOT NULL,
	`ends_at` integer NOT NULL,
	`created_by` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `roster_shifts_on_idx` ON `roster_shifts` (`institution_id`,`specialty`,`ends_at`,`starts_at`);--> statement-breakpoint
CREATE INDEX `roster_shifts_clinician_idx` ON `roster_shifts` (`clinician_id`,`ends_at`,`starts_at`);