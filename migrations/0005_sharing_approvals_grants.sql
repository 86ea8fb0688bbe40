CREATE TABLE `access_request_steps` (
	`request_id` text NOT NULL,
	`step_index` integer NOT NULL,
	`step` text NOT NULL,
	`decider_id` text NOT NULL,
	`decision` text NOT NULL,
	`note` text,
	`decided_at` integer NOT NULL,
	PRIMARY KEY(`request_id`, `step_index`),
	FOREIGN KEY (`request_id`) REFERENCES `access_requests`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `access_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`document_id` text NOT NULL,
	`case_id` text NOT NULL,
	`requester_id` text NOT NULL,
	`reason_code` text NOT NULL,
	`chain` text NOT NULL,
	`step_index` integer DEFAULT 0 NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`decided_at` integer,
	`grant_id` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `access_requests_pending_uq` ON `access_requests` (`document_id`,`requester_id`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `access_requests_expiry_idx` ON `access_requests` (`status`,`expires_at`);--> statement-breakpoint
CREATE TABLE `break_glass_reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`grant_id` text NOT NULL,
	`case_id` text NOT NULL,
	`clinician_id` text NOT NULL,
	`reason` text NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`reviewer_id` text,
	`note` text,
	`reviewed_at` integer,
	`created_at` integer NOT NULL,
	FOREIGN KEY (`grant_id`) REFERENCES `grants`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `break_glass_reviews_grantId_unique` ON `break_glass_reviews` (`grant_id`);--> statement-breakpoint
CREATE INDEX `break_glass_reviews_status_idx` ON `break_glass_reviews` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `grants` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`document_id` text,
	`case_id` text NOT NULL,
	`clinician_id` text NOT NULL,
	`created_at` integer NOT NULL,
	`expires_at` integer NOT NULL,
	`request_id` text,
	`revoked_at` integer,
	`expiry_recorded_at` integer
);
--> statement-breakpoint
CREATE INDEX `grants_clinician_idx` ON `grants` (`clinician_id`,`expires_at`);--> statement-breakpoint
CREATE INDEX `grants_expiry_idx` ON `grants` (`expires_at`);--> statement-breakpoint
CREATE UNIQUE INDEX `grants_request_uq` ON `grants` (`request_id`);--> statement-breakpoint
CREATE TABLE `document_receipts` (
	`document_id` text NOT NULL,
	`clinician_id` text NOT NULL,
	`notified_at` integer,
	`first_opened_at` integer,
	`last_viewed_at` integer,
	`view_count` integer DEFAULT 0 NOT NULL,
	PRIMARY KEY(`document_id`, `clinician_id`),
	FOREIGN KEY (`document_id`) REFERENCES `documents`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `documents` (
	`id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`author_id` text NOT NULL,
	`author_institution_id` text,
	`kind` text NOT NULL,
	`restricted_category` text,
	`media_type` text NOT NULL,
	`size` integer NOT NULL,
	`created_at` integer NOT NULL,
	`card_out_track_id` text,
	`status` text DEFAULT 'active' NOT NULL
);
--> statement-breakpoint
CREATE INDEX `documents_case_idx` ON `documents` (`case_id`,`created_at`);