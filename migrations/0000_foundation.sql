CREATE TABLE `audit_checkpoints` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`tree_size` integer NOT NULL,
	`root_hash` blob NOT NULL,
	`at` integer NOT NULL,
	`key_id` text NOT NULL,
	`signature` blob NOT NULL
);
--> statement-breakpoint
CREATE TABLE `audit_entries` (
	`idx` integer PRIMARY KEY NOT NULL,
	`at` integer NOT NULL,
	`actor` text NOT NULL,
	`action` text NOT NULL,
	`target` text,
	`outcome` text NOT NULL,
	`reason` text,
	`trace` text,
	`body` text NOT NULL,
	`leaf_hash` blob NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_entries_actor_idx` ON `audit_entries` (`actor`);--> statement-breakpoint
CREATE INDEX `audit_entries_trace_idx` ON `audit_entries` (`trace`);--> statement-breakpoint
CREATE TABLE `audit_nodes` (
	`level` integer NOT NULL,
	`idx` integer NOT NULL,
	`hash` blob NOT NULL,
	PRIMARY KEY(`level`, `idx`)
);
--> statement-breakpoint
CREATE TABLE `clinicians` (
	`id` text PRIMARY KEY NOT NULL,
	`dingtalk_user_id` text NOT NULL,
	`name_en` text,
	`name_zh` text,
	`display_name` text NOT NULL,
	`title` text,
	`department` text,
	`institution_id` text,
	`role` text,
	`specialty` text,
	`registration_no` text,
	`verified` integer DEFAULT false NOT NULL,
	`verified_by` text,
	`verified_at` integer,
	`suspended` integer DEFAULT false NOT NULL,
	`language` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL,
	FOREIGN KEY (`institution_id`) REFERENCES `institutions`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `clinicians_dingtalkUserId_unique` ON `clinicians` (`dingtalk_user_id`);--> statement-breakpoint
CREATE TABLE `institutions` (
	`id` text PRIMARY KEY NOT NULL,
	`code` text NOT NULL,
	`name_en` text NOT NULL,
	`name_zh` text,
	`sector` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `institutions_code_unique` ON `institutions` (`code`);--> statement-breakpoint
CREATE TABLE `processed_messages` (
	`msg_id` text PRIMARY KEY NOT NULL,
	`topic` text NOT NULL,
	`state` text NOT NULL,
	`received_at` integer NOT NULL,
	`completed_at` integer
);
--> statement-breakpoint
CREATE INDEX `processed_messages_received_idx` ON `processed_messages` (`received_at`);--> statement-breakpoint
CREATE TABLE `outbox_messages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`idem_key` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`result` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `outbox_messages_idemKey_unique` ON `outbox_messages` (`idem_key`);--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox_messages` (`status`,`next_attempt_at`);