CREATE TABLE "clinician_name_tokens" (
	"clinician_id" text NOT NULL,
	"token" text NOT NULL,
	CONSTRAINT "clinician_name_tokens_clinician_id_token_pk" PRIMARY KEY("clinician_id","token")
);
--> statement-breakpoint
ALTER TABLE "clinician_name_tokens" ADD CONSTRAINT "clinician_name_tokens_clinician_id_clinicians_id_fk" FOREIGN KEY ("clinician_id") REFERENCES "public"."clinicians"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "clinician_name_tokens_token_idx" ON "clinician_name_tokens" USING btree ("token" text_pattern_ops,"clinician_id");--> statement-breakpoint
CREATE INDEX "clinicians_name_idx" ON "clinicians" USING btree ("display_name","id");--> statement-breakpoint
CREATE INDEX "clinicians_verified_name_idx" ON "clinicians" USING btree ("verified","display_name","id");