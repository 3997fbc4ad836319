-- The application's database login (PostgreSQL): read and write every table, but only read and append to the
-- audit log, own nothing, and never change the schema. `npm run db:roles` creates the login and calls this
-- function as the owner; migration 0002's rule for zhuashou_app is the same rule, now in one place. Idempotent:
-- it first takes back whatever the login held on the tables and sequences, then grants exactly this.
CREATE OR REPLACE FUNCTION zhuashou_grant_app_login(app_login name) RETURNS void
LANGUAGE plpgsql AS $$
DECLARE
  table_owner name;
BEGIN
  SELECT tableowner INTO table_owner FROM pg_catalog.pg_tables
    WHERE schemaname = 'public' AND tablename = 'audit_events';
  IF table_owner IS NULL THEN
    RAISE EXCEPTION 'audit_events does not exist: apply the migrations first';
  END IF;
  IF NOT EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = app_login) THEN
    RAISE EXCEPTION 'role % does not exist', app_login;
  END IF;
  -- A login that is, or can become, the owner or a superuser would keep every power this takes away.
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = app_login
             AND (rolsuper OR rolbypassrls OR rolcreaterole OR rolreplication))
     OR pg_catalog.pg_has_role(app_login, table_owner, 'MEMBER') THEN
    RAISE EXCEPTION 'role % is the owner, a member of it, a superuser or may create roles: not an application login', app_login
      USING ERRCODE = 'insufficient_privilege';
  END IF;
  EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), app_login);
  EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', app_login);
  EXECUTE format('REVOKE ALL PRIVILEGES ON ALL TABLES IN SCHEMA public FROM %I', app_login);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO %I', app_login);
  EXECUTE format('REVOKE ALL PRIVILEGES ON TABLE public.audit_events FROM %I', app_login);
  EXECUTE format('GRANT SELECT, INSERT ON TABLE public.audit_events TO %I', app_login);
  -- serial columns need USAGE for nextval(); audit_events.id is an identity column, which INSERT alone covers.
  EXECUTE format('REVOKE ALL PRIVILEGES ON ALL SEQUENCES IN SCHEMA public FROM %I', app_login);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO %I', app_login);
  -- Tables a later migration creates (as the owner) come with the same DML grants.
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
    table_owner, app_login);
  EXECUTE format('ALTER DEFAULT PRIVILEGES FOR ROLE %I IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO %I',
    table_owner, app_login);
  -- Read-only access to the migrations journal, so that the app can tell whether the schema is current.
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = 'drizzle') THEN
    EXECUTE format('GRANT USAGE ON SCHEMA drizzle TO %I', app_login);
    EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA drizzle TO %I', app_login);
  END IF;
END;
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION zhuashou_grant_app_login(name) FROM PUBLIC;
