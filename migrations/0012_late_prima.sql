ALTER TABLE `processed_messages` ADD `owner` text;--> statement-breakpoint
ALTER TABLE `processed_messages` ADD `lease_until` integer;--> statement-breakpoint
ALTER TABLE `processed_messages` ADD `attempts` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE `processed_messages` ADD `reason` text;--> statement-breakpoint
CREATE INDEX `processed_messages_state_idx` ON `processed_messages` (`state`,`topic`);--> statement-breakpoint
ALTER TABLE `outbox_messages` ADD `process_query_key` text;--> statement-breakpoint
ALTER TABLE `outbox_messages` ADD `owner` text;