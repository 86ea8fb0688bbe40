DROP INDEX `mdt_actions_owner_idx`;--> statement-breakpoint
CREATE INDEX `mdt_actions_owner_done_idx` ON `mdt_actions` (`owner_id`,`status`,`done_at`,`id`);--> statement-breakpoint
CREATE INDEX `mdt_actions_owner_idx` ON `mdt_actions` (`owner_id`,`status`,`due_at`,`id`);