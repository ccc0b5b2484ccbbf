-- The two database roles of Buurtbudget, with the least privileges that work (docs/deploy.md,
-- "Database roles and PgBouncer"). Run it as a superuser, connected to the application's database,
-- once before the first `migrate` and again after every `migrate` (it is idempotent):
--
--   psql -v ON_ERROR_STOP=1 -d buurtbudget -f deploy/postgres/roles.sql \
--        -v owner=buurtbudget_owner -v app=buurtbudget_app -v app_connection_limit=90
--
-- optionally with -v owner_password=... -v app_password=... (otherwise set them yourself, or use
-- peer/certificate authentication in pg_hba.conf).
--
-- * owner: owns the schema, the tables and the trigger functions; `migrate` runs as this role and
--   nothing else does. It is not a superuser and cannot create databases or roles.
-- * app: what the web nodes, task workers and scheduler connect as. It may connect, read and write
--   rows (SELECT, INSERT, UPDATE, DELETE) and use the sequences: no DDL (it owns nothing, so it can
--   neither drop nor alter a table, a trigger or a function), no superuser, no TRUNCATE, a
--   CONNECTION LIMIT (so one runaway deployment cannot take the connections an operator needs), and
--   only SELECT and INSERT on the append-only audit log: it cannot change or delete an entry even
--   with the audit trigger's maintenance switch (`buurtbudget.audit_maintenance`), which any role
--   can set.

\set ON_ERROR_STOP on
\if :{?owner}
\else
  \set owner buurtbudget_owner
\endif
\if :{?app}
\else
  \set app buurtbudget_app
\endif
\if :{?app_connection_limit}
\else
  \set app_connection_limit 90
\endif

SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', :'owner')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'owner') \gexec
SELECT format('CREATE ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS', :'app')
WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = :'app') \gexec
ALTER ROLE :"owner" NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS;
ALTER ROLE :"app" NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
    CONNECTION LIMIT :app_connection_limit;
-- Django works in UTC; with it set on the role, Django never sends a SET TIME ZONE (session state a
-- PgBouncer in transaction mode would hand to another client).
ALTER ROLE :"owner" SET timezone TO 'UTC';
ALTER ROLE :"app" SET timezone TO 'UTC';
\if :{?owner_password}
  ALTER ROLE :"owner" PASSWORD :'owner_password';
\endif
\if :{?app_password}
  ALTER ROLE :"app" PASSWORD :'app_password';
\endif

-- The database and its schema belong to the owner; others may not create anything in them.
SELECT format('ALTER DATABASE %I OWNER TO %I', current_database(), :'owner') \gexec
SELECT format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database()) \gexec
SELECT format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), :'app') \gexec
ALTER SCHEMA public OWNER TO :"owner";
REVOKE ALL ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app";

-- Whatever a superuser created before (a database migrated as postgres) goes to the owner.
SELECT format('ALTER TABLE %I.%I OWNER TO %I', schemaname, tablename, :'owner')
FROM pg_tables WHERE schemaname = 'public' AND tableowner <> :'owner' \gexec
SELECT format('ALTER SEQUENCE %I.%I OWNER TO %I', sequence_schema, sequence_name, :'owner')
FROM information_schema.sequences s
JOIN pg_class c ON c.relname = s.sequence_name AND c.relkind = 'S'
JOIN pg_namespace n ON n.oid = c.relnamespace AND n.nspname = s.sequence_schema
WHERE sequence_schema = 'public' AND pg_get_userbyid(c.relowner) <> :'owner'
  AND NOT EXISTS (SELECT FROM pg_depend d WHERE d.objid = c.oid AND d.deptype IN ('a', 'i')) \gexec
SELECT format('ALTER FUNCTION %s OWNER TO %I', p.oid::regprocedure, :'owner')
FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
WHERE n.nspname = 'public' AND pg_get_userbyid(p.proowner) <> :'owner' \gexec

-- The app's rows: what exists now, and what the owner's later migrations create.
GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO :"app";
GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public
    GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app";

-- Append-only and owner-only tables (they exist after the first migrate).
SELECT format('REVOKE UPDATE, DELETE, TRUNCATE ON %I FROM %I', t, :'app')
FROM unnest(ARRAY['audit_auditentry']) AS t WHERE to_regclass(t) IS NOT NULL \gexec
-- The migrations table is read (readiness checks for unapplied migrations) but only migrate writes it.
SELECT format('REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON %I FROM %I', t, :'app')
FROM unnest(ARRAY['django_migrations']) AS t WHERE to_regclass(t) IS NOT NULL \gexec
