ALTER TABLE "patients" ADD COLUMN "sex_cipher" text;--> statement-breakpoint
ALTER TABLE "patients" ADD COLUMN "record_cipher" text;