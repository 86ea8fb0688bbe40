CREATE TABLE `patient_hkid_aliases` (
	`hkid_hash` text PRIMARY KEY NOT NULL,
	`patient_id` text NOT NULL,
	`merged_from` text NOT NULL,
	`merged_by` text NOT NULL,
	`merged_at` integer NOT NULL,
	FOREIGN KEY (`patient_id`) REFERENCES `patients`(`id`) ON UPDATE no action ON DELETE no action
);
