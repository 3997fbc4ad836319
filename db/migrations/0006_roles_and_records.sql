ALTER TYPE "public"."role" ADD VALUE 'security';--> statement-breakpoint
CREATE TABLE "auditor_alert_acks" (
	"alert_id" integer NOT NULL,
	"auditor_id" integer NOT NULL,
	"acknowledged_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "auditor_alert_acks_alert_id_auditor_id_pk" PRIMARY KEY("alert_id","auditor_id")
);
--> statement-breakpoint
CREATE TABLE "auditor_alerts" (
	"id" serial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"subject_user_id" integer NOT NULL,
	"subject_username" text NOT NULL,
	"actor_username" text,
	"actor_role" text,
	"client_address" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "data_version" (
	"id" smallint PRIMARY KEY NOT NULL,
	"version" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "refusal_windows" (
	"address" text NOT NULL,
	"reason" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"count" integer NOT NULL,
	"previous_window_start" timestamp with time zone,
	"previous_count" integer,
	CONSTRAINT "refusal_windows_address_reason_pk" PRIMARY KEY("address","reason")
);
--> statement-breakpoint
ALTER TABLE "auditor_alert_acks" ADD CONSTRAINT "auditor_alert_acks_alert_id_auditor_alerts_id_fk" FOREIGN KEY ("alert_id") REFERENCES "public"."auditor_alerts"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auditor_alert_acks" ADD CONSTRAINT "auditor_alert_acks_auditor_id_users_id_fk" FOREIGN KEY ("auditor_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "auditor_alerts" ADD CONSTRAINT "auditor_alerts_subject_user_id_users_id_fk" FOREIGN KEY ("subject_user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;