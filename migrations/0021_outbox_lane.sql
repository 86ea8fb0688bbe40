ALTER TABLE `outbox_messages` ADD `lane` text;--> statement-breakpoint
CREATE INDEX `outbox_lane_idx` ON `outbox_messages` (`lane`,`status`,`id`);