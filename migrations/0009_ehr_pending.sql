CREATE TABLE `ehr_pending` (
	`id` text PRIMARY KEY NOT NULL,
	`idem_key` text NOT NULL,
	`kind` text NOT NULL,
	`payload` text NOT NULL,
	`status` text NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` integer NOT NULL,
	`last_error` text,
	`remote_id` text,
	`created_at` integer NOT NULL,
	`updated_at` integer NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `ehr_pending_idemKey_unique` ON `ehr_pending` (`idem_key`);--> statement-breakpoint
CREATE INDEX `ehr_pending_due_idx` ON `ehr_pending` (`status`,`next_attempt_at`);