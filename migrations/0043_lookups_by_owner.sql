CREATE INDEX `allergy_alerts_item_idx` ON `allergy_alerts` (`ephemeral_item_id`);--> statement-breakpoint
CREATE INDEX `consult_rule_firings_for_item_idx` ON `consult_rule_firings` (`item_type`,`item_id`,`rule_id`);--> statement-breakpoint
CREATE INDEX `mdt_actions_meeting_idx` ON `mdt_actions` (`meeting_id`,`position`);--> statement-breakpoint
CREATE INDEX `patient_hkid_aliases_patient_idx` ON `patient_hkid_aliases` (`patient_id`);