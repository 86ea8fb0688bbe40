CREATE TABLE "sandbox_chat_items" (
	"id" integer PRIMARY KEY NOT NULL,
	"payload" text NOT NULL,
	"updated_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patient_name_tokens" (
	"patient_id" text NOT NULL,
	"token_hash" text NOT NULL,
	CONSTRAINT "patient_name_tokens_patient_id_token_hash_pk" PRIMARY KEY("patient_id","token_hash")
);
--> statement-breakpoint
ALTER TABLE "patient_name_tokens" ADD CONSTRAINT "patient_name_tokens_patient_id_patients_id_fk" FOREIGN KEY ("patient_id") REFERENCES "public"."patients"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "patient_name_tokens_hash_idx" ON "patient_name_tokens" USING btree ("token_hash");