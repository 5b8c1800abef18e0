#!/bin/sh
# Runs once, when the Postgres volume is first created. The orders service owns its own
# database, so the two services never share tables. The name comes from ORDERS_DB in .env.
set -eu
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v orders_db="${ORDERS_DB:-orders}" <<'SQL'
CREATE DATABASE :"orders_db";
SQL
