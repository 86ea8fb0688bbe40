CREATE INDEX "allergy_alerts_item_idx" ON "allergy_alerts" USING btree ("ephemeral_item_id");--> statement-breakpoint
CREATE INDEX "consult_rule_firings_for_item_idx" ON "consult_rule_firings" USING btree ("item_type","item_id","rule_id");--> statement-breakpoint
CREATE INDEX "mdt_actions_meeting_idx" ON "mdt_actions" USING btree ("meeting_id","position");--> statement-breakpoint
CREATE INDEX "patient_hkid_aliases_patient_idx" ON "patient_hkid_aliases" USING btree ("patient_id");