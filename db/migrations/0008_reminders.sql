CREATE TABLE "reminder_outbox" (
	"id" serial PRIMARY KEY NOT NULL,
	"idempotency_key" text NOT NULL,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"recipient_user_id" integer,
	"recipient_name" text NOT NULL,
	"recipient" text NOT NULL,
	"subject" text NOT NULL,
	"body" text NOT NULL,
	"status" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lease_until" timestamp with time zone,
	"claim_token" text,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "reminder_outbox_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "reminder_outbox_status" CHECK ("reminder_outbox"."status" in ('queued', 'sending', 'sent', 'failed')),
	CONSTRAINT "reminder_outbox_channel" CHECK ("reminder_outbox"."channel" in ('email', 'webhook'))
);
--> statement-breakpoint
CREATE TABLE "worker_leases" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "email" text;--> statement-breakpoint
ALTER TABLE "reminder_outbox" ADD CONSTRAINT "reminder_outbox_recipient_user_id_users_id_fk" FOREIGN KEY ("recipient_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "reminder_outbox_due_idx" ON "reminder_outbox" USING btree ("status","next_attempt_at");--> statement-breakpoint
CREATE INDEX "reminder_outbox_created_idx" ON "reminder_outbox" USING btree ("created_at","id");--> statement-breakpoint
-- Grants: the application login gets SELECT, INSERT, UPDATE, DELETE on these two tables and USAGE on the outbox's
-- sequence from the default privileges zhuashou_grant_app_login (0007) set for tables the owner creates later, or
-- from its GRANT … ON ALL TABLES when `npm run db:roles` runs after this migration. Neither table is append-only:
-- rows change status (outbox) and holder (lease); what an auditor needs (a manual retry) is in audit_events.
COMMENT ON TABLE "reminder_outbox" IS '催报提醒 outbox: one row per message and channel; idempotency_key is the receiver''s dedup key';
