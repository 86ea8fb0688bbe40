CREATE INDEX `clinicians_department_idx` ON `clinicians` (`institution_id`,`department`);--> statement-breakpoint
CREATE INDEX `clinicians_specialty_idx` ON `clinicians` (`institution_id`,lower(trim("specialty")));--> statement-breakpoint
CREATE INDEX `clinicians_registration_idx` ON `clinicians` (upper("registration_no"));