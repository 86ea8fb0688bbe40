CREATE TABLE `clinician_name_tokens` (
	`clinician_id` text NOT NULL,
	`token` text NOT NULL,
	PRIMARY KEY(`clinician_id`, `token`),
	FOREIGN KEY (`clinician_id`) REFERENCES `clinicians`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `clinician_name_tokens_token_idx` ON `clinician_name_tokens` (`token`,`clinician_id`);--> statement-breakpoint
CREATE INDEX `clinicians_name_idx` ON `clinicians` (`display_name`,`id`);--> statement-breakpoint
CREATE INDEX `clinicians_verified_name_idx` ON `clinicians` (`verified`,`display_name`,`id`);