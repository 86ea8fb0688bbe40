CREATE INDEX `audit_entries_action_idx` ON `audit_entries` (`action`);--> statement-breakpoint
CREATE INDEX `audit_entries_outcome_idx` ON `audit_entries` (`outcome`);