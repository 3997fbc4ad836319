CREATE TYPE "public"."rollup_rule" AS ENUM('sum', 'entered', 'weighted', 'all_done');--> statement-breakpoint
CREATE TYPE "public"."unit_kind" AS ENUM('city', 'district', 'county', 'zone');--> statement-breakpoint
CREATE TABLE "unit_targets" (
	"id" serial PRIMARY KEY NOT NULL,
	"indicator_id" integer NOT NULL,
	"year" smallint NOT NULL,
	"unit_id" integer NOT NULL,
	"value" numeric(20, 6) NOT NULL,
	"qualifier" "qualifier" DEFAULT 'exact' NOT NULL,
	"is_sample" boolean DEFAULT false NOT NULL,
	"updated_by" integer,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"kind" "unit_kind" NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	"is_active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "units_code_unique" UNIQUE("code")
);
--> statement-breakpoint
ALTER TABLE "users" DROP CONSTRAINT "users_department_for_role";--> statement-breakpoint
DROP INDEX "actuals_indicator_period_uq";--> statement-breakpoint
ALTER TABLE "actuals" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "tracked_by_unit" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "rollup_rule" "rollup_rule";--> statement-breakpoint
ALTER TABLE "indicators" ADD COLUMN "rollup_weight_indicator_id" integer;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "unit_id" integer;--> statement-breakpoint
ALTER TABLE "unit_targets" ADD CONSTRAINT "unit_targets_indicator_id_indicators_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_targets" ADD CONSTRAINT "unit_targets_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_targets" ADD CONSTRAINT "unit_targets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "unit_targets_indicator_year_unit_uq" ON "unit_targets" USING btree ("indicator_id","year","unit_id");--> statement-breakpoint
ALTER TABLE "actuals" ADD CONSTRAINT "actuals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_rollup_weight_indicator_id_indicators_id_fk" FOREIGN KEY ("rollup_weight_indicator_id") REFERENCES "public"."indicators"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "actuals_unit_period_uq" ON "actuals" USING btree ("indicator_id","unit_id","year","month") WHERE "actuals"."unit_id" is not null;--> statement-breakpoint
CREATE INDEX "actuals_unit_idx" ON "actuals" USING btree ("unit_id","year","month");--> statement-breakpoint
CREATE UNIQUE INDEX "actuals_indicator_period_uq" ON "actuals" USING btree ("indicator_id","year","month") WHERE "actuals"."unit_id" is null;--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_rollup" CHECK (not "indicators"."tracked_by_unit" or "indicators"."rollup_rule" is not null);--> statement-breakpoint
ALTER TABLE "indicators" ADD CONSTRAINT "indicators_rollup_weight" CHECK (("indicators"."rollup_rule" = 'weighted') = ("indicators"."rollup_weight_indicator_id" is not null));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_unit_for_role" CHECK ("users"."unit_id" is null or "users"."role" in ('official', 'reviewer'));--> statement-breakpoint
ALTER TABLE "users" ADD CONSTRAINT "users_department_for_role" CHECK (("users"."role" in ('official', 'reviewer')) = ("users"."department_id" is not null or "users"."unit_id" is not null));