CREATE TABLE `vault_blobs` (
	`key` text PRIMARY KEY NOT NULL,
	`bytes` blob NOT NULL,
	`created_at` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `vault_kek_versions` (
	`version` integer PRIMARY KEY NOT NULL,
	`created_at` integer NOT NULL,
	`fingerprint` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `vault_kek_versions_fingerprint_unique` ON `vault_kek_versions` (`fingerprint`);