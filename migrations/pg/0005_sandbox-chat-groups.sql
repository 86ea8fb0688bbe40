CREATE TABLE "sandbox_chat_groups" (
	"id" text PRIMARY KEY NOT NULL,
	"payload" text NOT NULL,
	"updated_at" bigint NOT NULL
);
