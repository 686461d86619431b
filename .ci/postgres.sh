#!/usr/bin/env bash
# A throwaway PostgreSQL server for the PostgreSQL store's tests (mlops-postgres-store).
#
#   source .ci/postgres.sh && postgres_start   # installs PostgreSQL if missing, starts it on 127.0.0.1,
#                                              # exports MLOPS_TEST_POSTGRES_URL
#   postgres_stop                              # stops it and deletes its data directory
#
# Run directly: `.ci/postgres.sh run <command...>` starts a server, runs the command with MLOPS_TEST_POSTGRES_URL
# set, and stops the server whatever the command's outcome, e.g.
#   .ci/postgres.sh run mvn -B -pl mlops-postgres-store -am verify
# (`start` and `stop` do the two halves; `start` prints the export line for the shell.)
# The data directory is a fresh temporary directory, so every start is an empty cluster; the server listens
# on 127.0.0.1 only, on a free port (MLOPS_PG_PORT to choose one), with a password-authenticated role.

_pg_bindir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        if [ -x "$d/pg_ctl" ]; then echo "$d"; return 0; fi
    done
    command -v pg_ctl >/dev/null 2>&1 && dirname "$(command -v pg_ctl)" && return 0
    return 1
}

_pg_free_port() {
    local p
    for p in $(seq 55432 55532); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    echo "no free port in 55432-55532" >&2
    return 1
}

postgres_start() {
    local bin
    if ! bin=$(_pg_bindir); then
        echo "== installing PostgreSQL (Debian package postgresql)"
        if [ "$(id -u)" -eq 0 ]; then
            apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        else
            sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
        fi
        bin=$(_pg_bindir) || { echo "PostgreSQL was installed but pg_ctl is not found" >&2; return 1; }
    fi
    local port=${MLOPS_PG_PORT:-$(_pg_free_port)} || return 1
    MLOPS_PG_DIR=$(mktemp -d /tmp/mlops-pg.XXXXXX)
    export MLOPS_PG_DIR MLOPS_PG_BIN="$bin" MLOPS_PG_PORT="$port"
    local password=mlops-test
    # initdb and the server refuse to run as root: run them as the postgres user when we are root.
    local as=()
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || useradd --system --home-dir "$MLOPS_PG_DIR" postgres
        chown postgres "$MLOPS_PG_DIR"
        as=(runuser -u postgres --)
    fi
    export MLOPS_PG_AS="${as[*]}"
    echo "$password" > "$MLOPS_PG_DIR/pw" && chmod 644 "$MLOPS_PG_DIR/pw"
        "${as[@]}" "$bin/initdb" -D "$MLOPS_PG_DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
        --pwfile="$MLOPS_PG_DIR/pw" -E UTF8 --locale=C >"$MLOPS_PG_DIR/initdb.log" 2>&1 \
        || { cat "$MLOPS_PG_DIR/initdb.log" >&2; return 1; }
    "${as[@]}" "$bin/pg_ctl" -D "$MLOPS_PG_DIR/data" -l "$MLOPS_PG_DIR/server.log" -w \
        -o "-p $port -k $MLOPS_PG_DIR -c listen_addresses=127.0.0.1 -c max_connections=300 -c fsync=on" start >/dev/null \
        || { cat "$MLOPS_PG_DIR/server.log" >&2; return 1; }
    "${as[@]}" "$bin/psql" -h "$MLOPS_PG_DIR" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 -d postgres \
        -c "CREATE ROLE mlops LOGIN PASSWORD '$password' SUPERUSER" >/dev/null || return 1
    # The test database gets a linguistic default collation (ICU en-US, where '_z' < 'a' < 'B'), as production
    # databases usually have, so the tests prove the store orders text binary whatever the default.
    "${as[@]}" "$bin/psql" -h "$MLOPS_PG_DIR" -p "$port" -U postgres -q -d postgres -c "CREATE DATABASE mlops_test \
        OWNER mlops TEMPLATE template0 LOCALE_PROVIDER icu ICU_LOCALE 'en-US' LOCALE 'C'" >/dev/null 2>&1 \
    || "${as[@]}" "$bin/psql" -h "$MLOPS_PG_DIR" -p "$port" -U postgres -q -v ON_ERROR_STOP=1 -d postgres \
        -c "CREATE DATABASE mlops_test OWNER mlops" >/dev/null || return 1
    # The tests make a schema per test; SUPERUSER lets the connection-loss test end its own sessions.
    export MLOPS_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/mlops_test?user=mlops&password=$password"
    echo "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') on 127.0.0.1:$port (data in $MLOPS_PG_DIR)"
}

postgres_stop() {
    if [ -n "${MLOPS_PG_DIR:-}" ] && [ -d "$MLOPS_PG_DIR/data" ]; then
        # shellcheck disable=SC2086
        $MLOPS_PG_AS "$MLOPS_PG_BIN/pg_ctl" -D "$MLOPS_PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
        rm -rf "$MLOPS_PG_DIR"
    fi
    unset MLOPS_PG_DIR MLOPS_TEST_POSTGRES_URL
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
    set -euo pipefail
    case "${1:-}" in
        start) postgres_start
               echo "export MLOPS_TEST_POSTGRES_URL='$MLOPS_TEST_POSTGRES_URL' MLOPS_PG_DIR='$MLOPS_PG_DIR'" \
                    "MLOPS_PG_BIN='$MLOPS_PG_BIN' MLOPS_PG_AS='$MLOPS_PG_AS' MLOPS_PG_PORT='$MLOPS_PG_PORT'" ;;
        stop) postgres_stop ;;
        run) shift
             [ "$#" -gt 0 ] || { echo "usage: $0 run <command...>" >&2; exit 2; }
             postgres_start
             trap postgres_stop EXIT
             "$@" ;;
        *) echo "usage: $0 start|stop|run <command...> (or source it and call postgres_start / postgres_stop)" >&2; exit 2 ;;
    esac
fi
