CREATE TYPE "public"."actual_status" AS ENUM('draft', 'submitted', 'approved', 'returned');--> statement-breakpoint
CREATE TYPE "public"."direction" AS ENUM('up', 'down');--> statement-breakpoint
CREATE TYPE "public"."frequency" AS ENUM('monthly', 'quarterly', 'annual');--> statement-breakpoint
CREATE TYPE "public"."indicator_kind" AS ENUM('cumulative', 'level', 'rate', 'milestone');--> statement-breakpoint
CREATE TYPE "public"."indicator_section" AS ENUM('area', 'highlights', 'review', 'custom');--> statement-breakpoint
CREATE TYPE "public"."phasing" AS ENUM('none', 'monthly', 'quarterly');--> statement-breakpoint
CREATE TYPE "public"."plan_type" AS ENUM('expected', 'binding');--> statement-breakpoint
CREATE TYPE "public"."qualifier" AS ENUM('exact', 'at_least', 'about', 'over', 'at_most', 'all_done');--> statement-breakpoint
CREATE TYPE "public"."role" AS ENUM('admin', 'official', 'reviewer', 'leader', 'auditor');--> statement-breakpoint
CREATE TABLE "actuals" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"value" numeric(20, 6),
	"value_text" text,
	"qualifier" "qualifier" DEFAULT 'exact' NOT NULL,
	"status" "actual_status" DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"note" text,
	"explanation" text,
	"evidence_url" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"is_derived" boolean DEFAULT false NOT NULL,
	"derived_note" text,
	"source_text" text,
	"entered_by" integer,
	"entered_at" timestamp with time zone,
	"submitted_by" integer,
	"submitted_at" timestamp with time zone,
	"approved_by" integer,
	"approved_at" timestamp with time zone,
	"returned_by" integer,
	"returned_at" timestamp with time zone,
	"return_reason" text,
	"returned_value" numeric(20, 6),
	"reopened_by" integer,
	"reopened_at" timestamp with time zone,
	"reopen_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "actuals_month" CHECK ("actuals"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "audit_events" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_events_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"occurred_at" timestamp (3) with time zone NOT NULL,
	"actor_id" integer,
	"actor_username" text,
	"actor_role" text,
	"action" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"department_id" integer,
	"indicator_id" integer,
	"before" jsonb,
	"after" jsonb,
	"reason" text,
	"client_address" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "audit_events_hash_unique" UNIQUE("hash")
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "departments_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"kind" "indicator_kind" NOT NULL,
	"direction" "direction" DEFAULT 'up' NOT NULL,
	"frequency" "frequency" NOT NULL,
	"plan_type" "plan_type" DEFAULT 'expected' NOT NULL,
	"definition" text DEFAULT '' NOT NULL,
	"area_id" smallint,
	"section" "indicator_section" DEFAULT 'area' NOT NULL,
	"review_group" text,
	"department_id" integer NOT NULL,
	"min_value" numeric(20, 6),
	"max_value" numeric(20, 6),
	"milestone_total" numeric(20, 6),
	"headline_order" smallint,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"source_text" text,
	"is_retired" boolean DEFAULT false NOT NULL,
	"retired_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "indicators_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "instruction_answers" (
	"id" serial PRIMARY KEY NOT NULL,
	"instruction_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "instructions" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"author_id" integer NOT NULL,
	"body" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"address" text PRIMARY KEY NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "period_locks" (
	"year" smallint NOT NULL,
	"month" smallint NOT NULL,
	"locked_by" integer,
	"locked_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text,
	CONSTRAINT "period_locks_year_month_pk" PRIMARY KEY("year","month")
);
--> statement-breakpoint
CREATE TABLE "seed_runs" (
	"name" text PRIMARY KEY NOT NULL,
	"applied_at" timestamp with time zone DEFAULT now() NOT NULL,
	"details" jsonb
);
--> statement-breakpoint
CREATE TABLE "settings" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"updated_by" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "target_phases" (
	"target_id" integer NOT NULL,
	"month" smallint NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	CONSTRAINT "target_phases_target_id_month_pk" PRIMARY KEY("target_id","month"),
	CONSTRAINT "target_phases_month" CHECK ("target_phases"."month" between 1 and 12)
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"value" numeric(20, 6),
	"value_text" text,
	"qualifier" "qualifier" DEFAULT 'exact' NOT NULL,
	"phasing" "phasing" DEFAULT 'none' NOT NULL,
	"baseline" numeric(20, 6),
	"is_sample" boolean DEFAULT false NOT NULL,
	"is_revised" boolean DEFAULT false NOT NULL,
	"revision_reason" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" serial PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"display_name" text NOT NULL,
	"role" "role" NOT NULL,
	"department_id" integer,
	"password_hash" text NOT NULL,
	"must_change_password" boolean DEFAULT true NOT NULL,
	"password_changed_at" timestamp with time zone,
	"totp_secret" text,
	"totp_enabled" boolean DEFAULT false NOT NULL,
	"recovery_codes" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"first_failed_at" timestamp with time zone,
	"locked_until" timestamp with time zone,
	"session_version" integer DEFAULT 1 NOT NULL,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "users_username_unique" UNIQUE("username"),
	CONSTRAINT "users_department_for_role" CHECK (("users"."role" in ('official', 'reviewer')) = ("users"."department_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "work_areas" (
	"id" smallint PRIMARY KEY NOT NULL,
	"slug" text NOT NULL,
	"name" text NOT NULL,
	"short_name" text NOT NULL,
	CONSTRAINT "work_areas_slug_unique" UNIQUE("slug")
);
--> statement-breakpoint
ALTER TABLE "actuals" ADD CONSTRAINT "actuals_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actuals" ADD CONSTRAINT "actuals_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actuals" ADD CONSTRAINT "actuals_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actuals" ADD CONSTRAINT "actuals_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actuals" ADD CONSTRAINT "actuals_returned_by_users_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "actuals" ADD CONSTRAINT "actuals_reopened_by_users_id_fk" FOREIGN KEY ("reopened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_area_id_work_areas_id_fk" FOREIGN KEY ("area_id") REFERENCES "public"."work_areas"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_answers" ADD CONSTRAINT "instruction_answers_instruction_id_instructions_id_fk" FOREIGN KEY ("instruction_id") REFERENCES "public"."instructions"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instruction_answers" ADD CONSTRAINT "instruction_answers_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "instructions" ADD CONSTRAINT "instructions_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "period_locks" ADD CONSTRAINT "period_locks_locked_by_users_id_fk" FOREIGN KEY ("locked_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settings" ADD CONSTRAINT "settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "target_phases" ADD CONSTRAINT "target_phases_target_id_targets_id_fk" FOREIGN KEY ("target_id") REFERENCES "public"."targets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_id_departments_id_fk" FOREIGN KEY ("department_id") REFERENCES "public"."departments"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actuals_indicator_period_uq" ON "actuals" USING btree ("indicator_id","year","month");--> statement-breakpoint
CREATE INDEX "actuals_period_idx" ON "actuals" USING btree ("year","month");--> statement-breakpoint
CREATE INDEX "actuals_status_idx" ON "actuals" USING btree ("status","year","month");--> statement-breakpoint
CREATE INDEX "audit_events_occurred_idx" ON "audit_events" USING btree ("occurred_at","id");--> statement-breakpoint
CREATE INDEX "audit_events_actor_idx" ON "audit_events" USING btree ("actor_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_action_idx" ON "audit_events" USING btree ("action","id");--> statement-breakpoint
CREATE INDEX "audit_events_entity_idx" ON "audit_events" USING btree ("entity_type","entity_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_indicator_idx" ON "audit_events" USING btree ("indicator_id","id");--> statement-breakpoint
CREATE INDEX "audit_events_department_idx" ON "audit_events" USING btree ("department_id","id");--> statement-breakpoint
CREATE INDEX "indicators_area_idx" ON "indicators" USING btree ("area_id","sort_order");--> statement-breakpoint
CREATE INDEX "indicators_department_idx" ON "indicators" USING btree ("department_id");--> statement-breakpoint
CREATE INDEX "instruction_answers_instruction_idx" ON "instruction_answers" USING btree ("instruction_id");--> statement-breakpoint
CREATE INDEX "instructions_indicator_idx" ON "instructions" USING btree ("indicator_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "targets_indicator_year_uq" ON "targets" USING btree ("indicator_id","year");--> statement-breakpoint
CREATE INDEX "targets_year_idx" ON "targets" USING btree ("year");