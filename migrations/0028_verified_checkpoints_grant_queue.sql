CREATE TABLE `audit_verified_checkpoints` (
	`checkpoint_id` integer PRIMARY KEY NOT NULL,
	`tree_size` integer NOT NULL,
	`root_hash` blob NOT NULL,
	`verified_at` integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX `grants_unrecorded_expiry_idx` ON `grants` (`expires_at`) WHERE expiry_recorded_at is null and revoked_at is null;