CREATE TABLE `audit_verified_checkpoints` (
	`checkpoint_id` integer PRIMARY KEY NOT NULL,
	`tree_size` integer NOT NULL,
	`root_hash` blob NOT NULL,
	`verified_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `patient_data_upgrades` (
	`name` text PRIMARY KEY NOT NULL,
	`done_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `access_requests_requester_idx` ON `access_requests` (`requester_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `access_requests_document_idx` ON `access_requests` (`document_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `access_requests_decided_idx` ON `access_requests` (`decided_at`);--> statement-breakpoint
CREATE INDEX `audit_entries_at_idx` ON `audit_entries` (`at`);--> statement-breakpoint
CREATE INDEX `care_team_clinician_idx` ON `care_team` (`clinician_id`,`effective_to`);--> statement-breakpoint
CREATE INDEX `clinicians_role_idx` ON `clinicians` (`role`);--> statement-breakpoint
CREATE INDEX `escalations_type_created_idx` ON `escalations` (`item_type`,`created_at`);--> statement-breakpoint
CREATE INDEX `escalations_stopped_idx` ON `escalations` (`stopped_at`);--> statement-breakpoint
CREATE INDEX `grants_case_idx` ON `grants` (`case_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `grants_unrecorded_expiry_idx` ON `grants` (`expires_at`) WHERE expiry_recorded_at is null and revoked_at is null;--> statement-breakpoint
CREATE INDEX `documents_kind_created_idx` ON `documents` (`kind`,`created_at`);--> statement-breakpoint
CREATE INDEX `documents_status_created_idx` ON `documents` (`status`,`created_at`);