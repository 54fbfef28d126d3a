# Sourced by scripts/test: make a PostgreSQL server reachable for the tests.
# Uses PRISONWATCH_TEST_PG or 127.0.0.1:5432 when it answers; otherwise starts a throwaway
# cluster on 127.0.0.1 in a temporary directory and stops it when the calling shell exits.
# PRISONWATCH_PG_THROWAWAY=1 forces the throwaway cluster (used to test this script).

pg_bin_dir() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && { echo "$d"; return 0; }
    done
    return 1
}

pg_answers() {
    "$PYTHON" - "$1" <<'PY' >/dev/null 2>&1
import sys
from sqlalchemy import create_engine, text
e = create_engine(sys.argv[1], connect_args={"connect_timeout": 3})
with e.connect() as c:
    c.execute(text("select 1"))
PY
}

ensure_postgres() {
    local url="${PRISONWATCH_TEST_PG:-postgresql+psycopg://postgres@127.0.0.1:5432/postgres}"
    if [ "${PRISONWATCH_PG_THROWAWAY:-0}" != "1" ] && pg_answers "$url"; then
        export PRISONWATCH_TEST_PG="$url"
        echo "postgres: using $url"
        return 0
    fi
    local bin
    if ! bin=$(pg_bin_dir); then
        echo "postgres: no server answers and no PostgreSQL is installed; installing it" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
        bin=$(pg_bin_dir) || { echo "postgres: could not install PostgreSQL" >&2; return 1; }
    fi
    PW_PG_DIR=$(mktemp -d /tmp/pw-pg.XXXXXX)
    local port=$((20000 + RANDOM % 20000))
    local run=()
    if [ "$(id -u)" = "0" ]; then
        id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
        chown postgres "$PW_PG_DIR"
        run=(runuser -u postgres --)
    fi
    "${run[@]}" "$bin/initdb" -D "$PW_PG_DIR/data" -A trust -U postgres -E UTF8 >/dev/null
    "${run[@]}" "$bin/pg_ctl" -D "$PW_PG_DIR/data" -l "$PW_PG_DIR/log" -w \
        -o "-p $port -k $PW_PG_DIR -c listen_addresses=127.0.0.1 -c fsync=off" start >/dev/null
    PW_PG_STOP=("${run[@]}" "$bin/pg_ctl" -D "$PW_PG_DIR/data" -m fast stop)
    trap 'stop_postgres' EXIT
    export PRISONWATCH_TEST_PG="postgresql+psycopg://postgres@127.0.0.1:$port/postgres"
    echo "postgres: started a throwaway cluster on 127.0.0.1:$port"
}

stop_postgres() {
    if [ -n "${PW_PG_DIR:-}" ]; then
        "${PW_PG_STOP[@]}" >/dev/null 2>&1 || true
        rm -rf "$PW_PG_DIR"
        echo "postgres: throwaway cluster stopped"
    fi
}
