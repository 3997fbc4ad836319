CREATE TABLE "evidence_files" (
	"id" serial PRIMARY KEY NOT NULL,
	"actual_id" integer NOT NULL,
	"file_name" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content_type" text NOT NULL,
	"storage" text NOT NULL,
	"content" "bytea",
	"uploaded_by" integer,
	"uploaded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"removed_by" integer,
	"removed_at" timestamp with time zone,
	CONSTRAINT "evidence_files_sha256" CHECK ("evidence_files"."sha256" ~ '^[0-9a-f]{64}$'),
	CONSTRAINT "evidence_files_size" CHECK ("evidence_files"."size" > 0),
	CONSTRAINT "evidence_files_storage" CHECK (("evidence_files"."storage" = 'database' and "evidence_files"."content" is not null) or ("evidence_files"."storage" = 'folder' and "evidence_files"."content" is null))
);
--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_actual_id_actuals_id_fk" FOREIGN KEY ("actual_id") REFERENCES "public"."actuals"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evidence_files" ADD CONSTRAINT "evidence_files_removed_by_users_id_fk" FOREIGN KEY ("removed_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evidence_files_actual_idx" ON "evidence_files" USING btree ("actual_id");--> statement-breakpoint
-- A stored evidence file is what its audit event says it is: its bytes, hash, size, name and figure never change;
-- only its removal may be recorded, once. (The app login gets its DML grants from 0007's default privileges.)
CREATE OR REPLACE FUNCTION evidence_files_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.actual_id IS DISTINCT FROM OLD.actual_id OR NEW.file_name IS DISTINCT FROM OLD.file_name
     OR NEW.size IS DISTINCT FROM OLD.size OR NEW.sha256 IS DISTINCT FROM OLD.sha256
     OR NEW.content_type IS DISTINCT FROM OLD.content_type OR NEW.storage IS DISTINCT FROM OLD.storage
     OR NEW.content IS DISTINCT FROM OLD.content OR NEW.uploaded_by IS DISTINCT FROM OLD.uploaded_by
     OR NEW.uploaded_at IS DISTINCT FROM OLD.uploaded_at OR OLD.removed_at IS NOT NULL THEN
    RAISE EXCEPTION 'evidence_files: a stored file cannot be changed'
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER evidence_files_immutable
  BEFORE UPDATE ON evidence_files
  FOR EACH ROW EXECUTE FUNCTION evidence_files_refuse_change();
