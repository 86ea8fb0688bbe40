CREATE TABLE `care_team` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`clinician_id` text NOT NULL,
	`role` text NOT NULL,
	`via_conversation_id` text,
	`effective_from` integer NOT NULL,
	`effective_to` integer,
	`added_by` text NOT NULL,
	`removed_by` text,
	`removed_reason` text,
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`clinician_id`) REFERENCES `clinicians`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `care_team_case_idx` ON `care_team` (`case_id`,`clinician_id`);--> statement-breakpoint
CREATE INDEX `care_team_via_idx` ON `care_team` (`via_conversation_id`);--> statement-breakpoint
CREATE TABLE `case_groups` (
	`case_id` text NOT NULL,
	`conversation_id` text NOT NULL,
	`bound_by` text NOT NULL,
	`bound_at` integer NOT NULL,
	PRIMARY KEY(`case_id`, `conversation_id`),
	FOREIGN KEY (`case_id`) REFERENCES `cases`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `case_groups_conversationId_unique` ON `case_groups` (`conversation_id`);--> statement-breakpoint
CREATE TABLE `cases` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`patient_id` text NOT NULL,
	`opened_by` text NOT NULL,
	`opened_at` integer NOT NULL,
	`status` text NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by`) REFERENCES `clinicians`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `cases_code_unique` ON `cases` (`code`);--> statement-breakpoint
CREATE INDEX `cases_patient_idx` ON `cases` (`patient_id`,`status`);--> statement-breakpoint
CREATE TABLE `link_tokens` (
	`token_hash` text PRIMARY KEY NOT NULL,
	`purpose` text NOT NULL,
	`clinician_id` text NOT NULL,
	`case_id` text,
	`conversation_id` text,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer
);
--> statement-breakpoint
CREATE INDEX `link_tokens_clinician_idx` ON `link_tokens` (`clinician_id`,`case_id`);--> statement-breakpoint
CREATE TABLE `patient_consents` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`institution_id` text NOT NULL,
	`status` text NOT NULL,
	`reference` text,
	`attested_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_consents_lookup_idx` ON `patient_consents` (`patient_id`,`institution_id`,`recorded_at`);--> statement-breakpoint
CREATE TABLE `patients` (
	`id` text PRIMARY KEY NOT NULL,
	`hkid_hash` text NOT NULL,
	`hkid_cipher` text NOT NULL,
	`name_cipher` text NOT NULL,
	`dob_cipher` text NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `patients_hkidHash_unique` ON `patients` (`hkid_hash`);--> statement-breakpoint
CREATE TABLE `restricted_consents` (
	`id` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`category` text NOT NULL,
	`reference` text NOT NULL,
	`attested_by` text NOT NULL,
	`recorded_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `restricted_consents_lookup_idx` ON `restricted_consents` (`patient_id`,`category`);