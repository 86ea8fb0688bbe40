CREATE TABLE `mdt_actions` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`case_id` text NOT NULL,
	`position` integer NOT NULL,
	`text` text NOT NULL,
	`owner_id` text NOT NULL,
	`due_at` integer,
	`status` text NOT NULL,
	`done_at` integer,
	`reminded_at` integer
);
--> statement-breakpoint
CREATE INDEX `mdt_actions_owner_idx` ON `mdt_actions` (`owner_id`,`status`);--> statement-breakpoint
CREATE INDEX `mdt_actions_due_idx` ON `mdt_actions` (`status`,`due_at`);--> statement-breakpoint
CREATE TABLE `mdt_approval_steps` (
	`id` text PRIMARY KEY NOT NULL,
	`meeting_id` text NOT NULL,
	`round` integer NOT NULL,
	`position` integer NOT NULL,
	`role` text NOT NULL,
	`clinician_id` text NOT NULL,
	`decision` text,
	`comment` text,
	`decided_at` integer
);
--> statement-breakpoint
CREATE INDEX `mdt_steps_meeting_idx` ON `mdt_approval_steps` (`meeting_id`,`round`,`position`);--> statement-breakpoint
CREATE TABLE `mdt_meetings` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`scheduled_at` integer NOT NULL,
	`organiser_id` text NOT NULL,
	`status` text NOT NULL,
	`round` integer NOT NULL,
	`document_id` text,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `mdt_meetings_case_idx` ON `mdt_meetings` (`case_id`);--> statement-breakpoint
CREATE TABLE `mdt_minutes` (
	`meeting_id` text PRIMARY KEY NOT NULL,
	`transcript` text NOT NULL,
	`summary` text NOT NULL,
	`edited_by` text NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `mdt_participants` (
	`meeting_id` text NOT NULL,
	`clinician_id` text NOT NULL,
	`kind` text NOT NULL,
	PRIMARY KEY(`meeting_id`, `clinician_id`)
);
--> statement-breakpoint
CREATE INDEX `mdt_participants_clinician_idx` ON `mdt_participants` (`clinician_id`);