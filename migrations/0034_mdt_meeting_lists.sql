DROP INDEX `mdt_meetings_case_idx`;--> statement-breakpoint
ALTER TABLE `mdt_meetings` ADD `status_at` integer;--> statement-breakpoint
CREATE INDEX `mdt_meetings_status_idx` ON `mdt_meetings` (`status`,`scheduled_at`,`id`);--> statement-breakpoint
CREATE INDEX `mdt_meetings_time_idx` ON `mdt_meetings` (`scheduled_at`,`id`);--> statement-breakpoint
CREATE INDEX `mdt_meetings_case_idx` ON `mdt_meetings` (`case_id`,`scheduled_at`,`id`);