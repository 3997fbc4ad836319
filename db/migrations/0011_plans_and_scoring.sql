CREATE TABLE "plan_indicators" (
	"id" serial PRIMARY KEY NOT NULL,
	"plan_id" integer NOT NULL,
	"indicator_id" integer NOT NULL,
	"path_kind" text NOT NULL,
	"final_target" numeric(20, 6),
	"annual_growth" numeric(20, 6),
	"typed_values" jsonb,
	"source_text" text,
	"is_sample" boolean DEFAULT false NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_indicators_path_kind" CHECK ("plan_indicators"."path_kind" in ('straight', 'compound', 'typed'))
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"first_year" smallint NOT NULL,
	"last_year" smallint NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plans_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "score_snapshots" (
	"id" serial PRIMARY KEY NOT NULL,
	"scheme_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"scheme_version" integer NOT NULL,
	"subject_kind" text NOT NULL,
	"subject_id" integer NOT NULL,
	"subject_code" text NOT NULL,
	"subject_name" text NOT NULL,
	"rank" smallint NOT NULL,
	"total" numeric(20, 6) NOT NULL,
	"base" numeric(20, 6) NOT NULL,
	"deduction" numeric(20, 6) NOT NULL,
	"bonus" numeric(20, 6) NOT NULL,
	"inputs" jsonb NOT NULL,
	"formula" text NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"published_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "scoring_schemes" (
	"id" serial PRIMARY KEY NOT NULL,
	"year" smallint NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"subject_kind" text DEFAULT 'department' NOT NULL,
	"body" jsonb NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"created_by" integer,
	"updated_by" integer,
	"published_by" integer,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "scoring_schemes_status" CHECK ("scoring_schemes"."status" in ('draft', 'published'))
);
--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_indicators" ADD CONSTRAINT "plan_indicators_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "score_snapshots" ADD CONSTRAINT "score_snapshots_scheme_id_scoring_schemes_id_fk" FOREIGN KEY ("scheme_id") REFERENCES "public"."scoring_schemes"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_schemes" ADD CONSTRAINT "scoring_schemes_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_schemes" ADD CONSTRAINT "scoring_schemes_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scoring_schemes" ADD CONSTRAINT "scoring_schemes_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "plan_indicators_plan_indicator_uq" ON "plan_indicators" USING btree ("plan_id","indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "score_snapshots_scheme_subject_uq" ON "score_snapshots" USING btree ("scheme_id","subject_kind","subject_id");--> statement-breakpoint
CREATE INDEX "score_snapshots_year_idx" ON "score_snapshots" USING btree ("year","scheme_version");--> statement-breakpoint
CREATE UNIQUE INDEX "scoring_schemes_year_version_uq" ON "scoring_schemes" USING btree ("year","version");--> statement-breakpoint
-- A published score is a snapshot: the database refuses to change or delete one, whoever asks. A later scheme
-- version publishes new rows. (The app login's DML grants on these tables come from 0007's default privileges.)
CREATE OR REPLACE FUNCTION score_snapshots_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'score_snapshots is append-only: % refused', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER score_snapshots_no_update_delete
  BEFORE UPDATE OR DELETE ON score_snapshots
  FOR EACH ROW EXECUTE FUNCTION score_snapshots_refuse_change();
