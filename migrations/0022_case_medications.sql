CREATE TABLE `case_medications` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`source` text NOT NULL,
	`ehr_ref` text,
	`prescriber_id` text,
	`prescriber_name` text,
	`institution_id` text,
	`start_on` text,
	`stop_on` text,
	`status` text NOT NULL,
	`payload` text NOT NULL,
	`created_at` integer NOT NULL,
	`created_by` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `case_medications_case_idx` ON `case_medications` (`case_id`,`status`);--> statement-breakpoint
CREATE UNIQUE INDEX `case_medications_ehr_ref_uq` ON `case_medications` (`case_id`,`ehr_ref`);