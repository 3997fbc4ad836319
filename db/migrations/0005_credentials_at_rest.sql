ALTER TABLE "users" ADD COLUMN "password_history" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
-- Hand-written (issue 12, finding 1). The signing secret is never kept in the database any more: a copy an
-- earlier version generated here (PostgreSQL without AUTH_SECRET) is deleted, so no backup carries it.
DELETE FROM "settings" WHERE "key" = 'auth.secret';--> statement-breakpoint
-- Recovery codes of the earlier format (40 bits, unsalted SHA-256) could be recovered from a leaked backup:
-- they are withdrawn. Users keep their authenticator app; a lost device is handled by an administrator's
-- TOTP reset, after which enrolment issues new (80-bit, argon2id) codes.
UPDATE "users" SET "recovery_codes" = '[]'::jsonb WHERE "recovery_codes" <> '[]'::jsonb AND NOT ("recovery_codes"::text LIKE '%$argon2id$%');
