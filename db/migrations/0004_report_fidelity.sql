ALTER TYPE "public"."indicator_kind" ADD VALUE 'qualitative';--> statement-breakpoint
ALTER TYPE "public"."qualifier" ADD VALUE 'breakthrough';--> statement-breakpoint
ALTER TABLE "actuals" ADD COLUMN "stated_change" numeric(20, 6);--> statement-breakpoint
ALTER TABLE "actuals" ADD COLUMN "stated_change_unit" text;--> statement-breakpoint
ALTER TABLE "actuals" ADD COLUMN "stated_change_basis" text;--> statement-breakpoint
ALTER TABLE "actuals" ADD COLUMN "stated_change_text" text;--> statement-breakpoint
ALTER TABLE "actuals" ADD CONSTRAINT "actuals_stated_change" CHECK (("actuals"."stated_change" is null and "actuals"."stated_change_unit" is null and "actuals"."stated_change_basis" is null and "actuals"."stated_change_text" is null)
        or ("actuals"."stated_change" is not null and "actuals"."stated_change_unit" in ('percent', 'points', 'absolute')
          and "actuals"."stated_change_basis" in ('prior_year', 'plan_start') and "actuals"."stated_change_text" is not null));