CREATE TABLE `ephemeral_cards` (
	`out_track_id` text PRIMARY KEY NOT NULL,
	`item_id` text NOT NULL,
	`conversation_id` text,
	`user_id` text,
	FOREIGN KEY (`item_id`) REFERENCES `ephemeral_items`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `ephemeral_cards_item_idx` ON `ephemeral_cards` (`item_id`);--> statement-breakpoint
CREATE TABLE `ephemeral_items` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`author_id` text NOT NULL,
	`kind` text NOT NULL,
	`burn_after_ms` integer NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`due_at` integer NOT NULL,
	`status` text NOT NULL,
	`kek_version` integer,
	`wrapped_key` blob,
	`iv` blob,
	`tag` blob,
	`ciphertext` blob,
	`media_type` text,
	`destroyed_at` integer,
	`end_reason` text
);
--> statement-breakpoint
CREATE INDEX `ephemeral_items_due_idx` ON `ephemeral_items` (`status`,`due_at`);--> statement-breakpoint
CREATE INDEX `ephemeral_items_case_idx` ON `ephemeral_items` (`case_id`);--> statement-breakpoint
CREATE TABLE `ephemeral_recipients` (
	`item_id` text NOT NULL,
	`clinician_id` text NOT NULL,
	`opened_at` integer,
	`burn_at` integer,
	PRIMARY KEY(`item_id`, `clinician_id`),
	FOREIGN KEY (`item_id`) REFERENCES `ephemeral_items`(`id`) ON UPDATE no action ON DELETE no action
);
