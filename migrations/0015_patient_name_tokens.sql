CREATE TABLE `patient_name_tokens` (
	`patient_id` text NOT NULL,
	`token_hash` text NOT NULL,
	PRIMARY KEY(`patient_id`, `token_hash`),
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `patient_name_tokens_hash_idx` ON `patient_name_tokens` (`token_hash`);