CREATE TABLE "vault_blobs" (
	"key" text PRIMARY KEY NOT NULL,
	"bytes" "bytea" NOT NULL,
	"created_at" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vault_kek_versions" (
	"version" integer PRIMARY KEY NOT NULL,
	"created_at" bigint NOT NULL,
	"fingerprint" text NOT NULL,
	CONSTRAINT "vault_kek_versions_fingerprint_unique" UNIQUE("fingerprint")
);
