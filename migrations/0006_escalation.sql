CREATE TABLE `escalation_steps` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`item_id` text NOT NULL,
	`recipient_id` text NOT NULL,
	`action` text NOT NULL,
	`target_id` text,
	`reason` text,
	`at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `escalation_steps_item_idx` ON `escalation_steps` (`item_id`,`at`);--> statement-breakpoint
CREATE TABLE `escalations` (
	`item_id` text NOT NULL,
	`recipient_id` text NOT NULL,
	`item_type` text NOT NULL,
	`case_id` text NOT NULL,
	`initiator_id` text,
	`status` text NOT NULL,
	`step` integer DEFAULT 0 NOT NULL,
	`next_at` integer,
	`created_at` integer NOT NULL,
	`stopped_at` integer,
	`stop_reason` text,
	PRIMARY KEY(`item_id`, `recipient_id`)
);
--> statement-breakpoint
CREATE INDEX `escalations_due_idx` ON `escalations` (`status`,`next_at`);