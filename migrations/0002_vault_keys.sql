CREATE TABLE `vault_keys` (
	`document_id` text PRIMARY KEY NOT NULL,
	`case_id` text NOT NULL,
	`kek_version` integer NOT NULL,
	`wrapped_key` blob,
	`iv` blob,
	`tag` blob,
	`alg` text NOT NULL,
	`size` integer NOT NULL,
	`media_type` text NOT NULL,
	`sha256` text NOT NULL,
	`created_at` integer NOT NULL,
	`destroyed_at` integer
);
--> statement-breakpoint
CREATE INDEX `vault_keys_kek_idx` ON `vault_keys` (`kek_version`);--> statement-breakpoint
CREATE INDEX `vault_keys_case_idx` ON `vault_keys` (`case_id`);