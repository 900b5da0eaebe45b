# Sourced by the benchmarks: a private PostgreSQL in a temporary folder ($work), stopped and
# removed at exit, with DATABASE_URL, psql(), as_pg() and $pg_port set for the caller.
#
# Production settings, as a pole runs it: durable commits (fsync and synchronous_commit are
# PostgreSQL's defaults, left on), clients over TCP on localhost. Only the memory is sized.
bindir=$(pg_config --bindir)
work=$(mktemp -d /tmp/mutualis-bench-XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$work"
cleanup() {
  for pid in ${server_pid:-} ${server_pids:-}; do kill "$pid" 2>/dev/null || true; done
  as_pg "$bindir/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
user=$([ "$(id -u)" = 0 ] && echo postgres || id -un)
pg_port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$bindir/initdb" -D "$work/data" -U "$user" -A trust -E UTF8 --locale=C >/dev/null
as_pg "$bindir/pg_ctl" -D "$work/data" -l "$work/pg.log" -w -s \
  -o "-k $work -c listen_addresses=127.0.0.1 -p $pg_port -c max_connections=100 -c shared_buffers=512MB" start
as_pg "$bindir/createdb" -h 127.0.0.1 -p "$pg_port" -U "$user" mutualis
export DATABASE_URL="postgresql://$user@127.0.0.1:$pg_port/mutualis"
psql() { command psql "$DATABASE_URL" -qtA "$@"; }
