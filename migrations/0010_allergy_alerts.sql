CREATE TABLE `allergy_alerts` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`raised_by` text NOT NULL,
	`status` text NOT NULL,
	`ehr_pending_id` text NOT NULL,
	`ephemeral_item_id` text,
	`recipient_ids` text DEFAULT '[]' NOT NULL,
	`direct_ids` text DEFAULT '[]' NOT NULL,
	`member_user_ids` text DEFAULT '[]' NOT NULL,
	`scene_group_id` text,
	`card_ids` text DEFAULT '[]' NOT NULL,
	`created_at` integer NOT NULL,
	`sent_at` integer,
	`archive_at` integer NOT NULL,
	`archived_at` integer,
	`burn_noted_at` integer
);
--> statement-breakpoint
CREATE INDEX `allergy_alerts_status_idx` ON `allergy_alerts` (`status`,`archive_at`);--> statement-breakpoint
CREATE INDEX `allergy_alerts_case_idx` ON `allergy_alerts` (`case_id`);