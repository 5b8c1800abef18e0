#!/bin/sh
# Runs once, when the Postgres volume is first created. The indexing service owns its own
# database, so documents and indexing never share tables. The name comes from INDEXING_DB.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v indexing_db="${INDEXING_DB:-indexing}" <<'SQL'
CREATE DATABASE :"indexing_db";
SQL
