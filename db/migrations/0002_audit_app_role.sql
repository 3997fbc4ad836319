-- The application's own database role may only add to and read the audit log: never change, remove or empty it.
-- By convention that role is named zhuashou_app (README: "Retention and the audit log"). Where it does not
-- exist (the embedded database, or an installation that connects as the table owner) this does nothing;
-- the triggers of 0001 refuse UPDATE, DELETE and TRUNCATE for every role in any case.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = 'zhuashou_app') THEN
    REVOKE ALL PRIVILEGES ON TABLE audit_events FROM zhuashou_app;
    GRANT SELECT, INSERT ON TABLE audit_events TO zhuashou_app;
  END IF;
END
$$;
