#!/bin/sh
# Creates the two roles the services log in with, on the first start of an empty data volume
# (the image runs /docker-entrypoint-initdb.d/* once, after its own 000_install_timescaledb.sh,
# which creates the timescaledb extension; migration V2 also creates it if missing, as the
# database owner may: verified with TimescaleDB 2.28.3).
#
#   cfx_ingest  owns the database: its Flyway migrations create the event store, turn the
#               time-series tables into hypertables and set the compression/retention policies.
#               pg_read_all_settings lets migration V2 read shared_preload_libraries (it checks
#               that TimescaleDB is preloaded; without it PostgreSQL answers "must be superuser or
#               have privileges of pg_read_all_settings").
#   cfx_query   reads only: SELECT on everything cfx_ingest creates in schema public, now and later.
#
# Passwords come from the environment (compose passes them in) and reach SQL as psql variables,
# never spliced into the SQL text. docker/src/test/.../InitScriptTest runs this SQL against
# PostgreSQL 15 and migrates and reads the store with the two roles.
set -eu
: "${INGEST_DB_PASSWORD:?INGEST_DB_PASSWORD is not set}"
: "${QUERY_DB_PASSWORD:?QUERY_DB_PASSWORD is not set}"

psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
     -v db="$POSTGRES_DB" -v ingest_pw="$INGEST_DB_PASSWORD" -v query_pw="$QUERY_DB_PASSWORD" <<'SQL'
CREATE ROLE cfx_ingest LOGIN PASSWORD :'ingest_pw';
CREATE ROLE cfx_query LOGIN PASSWORD :'query_pw';
ALTER DATABASE :"db" OWNER TO cfx_ingest;
GRANT pg_read_all_settings TO cfx_ingest;
REVOKE ALL ON DATABASE :"db" FROM PUBLIC;
GRANT CONNECT ON DATABASE :"db" TO cfx_query;
GRANT USAGE ON SCHEMA public TO cfx_query;
ALTER DEFAULT PRIVILEGES FOR ROLE cfx_ingest IN SCHEMA public GRANT SELECT ON TABLES TO cfx_query;
SQL
