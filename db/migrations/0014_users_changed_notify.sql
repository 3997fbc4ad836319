-- The embedded engine keeps the users' rows in its server process between changes (db/queries/session-users.ts):
-- every statement that changes the table tells it so, when its transaction commits, on this channel.
CREATE OR REPLACE FUNCTION users_changed_notify() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('zhuashou_users_changed', '');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER users_changed_notify
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON users
  FOR EACH STATEMENT EXECUTE FUNCTION users_changed_notify();
