ALTER TABLE "documents" ADD COLUMN "doc_type" text DEFAULT 'report' NOT NULL;--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "title" text;