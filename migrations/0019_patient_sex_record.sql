ALTER TABLE `patients` ADD `sex_cipher` text;--> statement-breakpoint
ALTER TABLE `patients` ADD `record_cipher` text;