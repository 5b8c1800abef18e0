#!/bin/sh
# The replica's entrypoint. On the first start its data folder is empty: copy the primary with
# pg_basebackup (-R writes standby.signal and the connection settings), then run as a hot standby
# that follows the primary's WAL and answers read-only queries.
set -eu
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    export PGPASSWORD="$REPLICATION_PASSWORD"
    pg_basebackup --host="$PRIMARY_HOST" --username=replicator --pgdata="$PGDATA" \
        --wal-method=stream --write-recovery-conf --checkpoint=fast
    chmod 0700 "$PGDATA"
fi
exec postgres -c hot_standby=on
