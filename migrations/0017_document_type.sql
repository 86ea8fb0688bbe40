ALTER TABLE `documents` ADD `doc_type` text DEFAULT 'report' NOT NULL;--> statement-breakpoint
ALTER TABLE `documents` ADD `title` text;