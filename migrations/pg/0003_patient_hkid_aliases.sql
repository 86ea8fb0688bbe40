CREATE TABLE "patient_hkid_aliases" (
	"hkid_hash" text PRIMARY KEY NOT NULL,
	"patient_id" text NOT NULL,
	"merged_from" text NOT NULL,
	"merged_by" text NOT NULL,
	"merged_at" bigint NOT NULL
);
--> statement-breakpoint
ALTER TABLE "patient_hkid_aliases" ADD CONSTRAINT "patient_hkid_aliases_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;