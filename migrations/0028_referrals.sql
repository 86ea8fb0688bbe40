CREATE TABLE `referrals` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`requester_id` text,
	`institution_id` text,
	`specialty` text NOT NULL,
	`severity` text NOT NULL,
	`purpose_code` text NOT NULL,
	`reason` text,
	`trigger_rule_id` text,
	`trigger_item_type` text,
	`trigger_item_id` text,
	`assignee_id` text,
	`status` text NOT NULL,
	`decline_reason` text,
	`grant_id` text,
	`sent_at` integer NOT NULL,
	`seen_at` integer,
	`escalated_at` integer,
	`accepted_at` integer,
	`declined_at` integer,
	`cancelled_at` integer
);
--> statement-breakpoint
CREATE INDEX `referrals_assignee_status_idx` ON `referrals` (`assignee_id`,`status`);--> statement-breakpoint
CREATE INDEX `referrals_case_idx` ON `referrals` (`case_id`,`sent_at`);--> statement-breakpoint
CREATE INDEX `referrals_status_sent_idx` ON `referrals` (`status`,`sent_at`);