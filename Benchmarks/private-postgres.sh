# Sourced by the benchmarks: a private PostgreSQL in a temporary folder ($work), stopped and
# removed at exit, with DATABASE_URL, psql() and as_pg() set for the caller.
bindir=$(pg_config --bindir)
work=$(mktemp -d /tmp/mutualis-bench-XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$work"
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  as_pg "$bindir/pg_ctl" -D "$work/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
user=$([ "$(id -u)" = 0 ] && echo postgres || id -un)
as_pg "$bindir/initdb" -D "$work/data" -U "$user" -A trust -E UTF8 --locale=C >/dev/null
as_pg "$bindir/pg_ctl" -D "$work/data" -l "$work/pg.log" -w -s \
  -o "-k $work -c listen_addresses='' -c max_connections=100 -c shared_buffers=512MB -c synchronous_commit=off" start
as_pg "$bindir/createdb" -h "$work" -U "$user" mutualis
export DATABASE_URL="postgresql:///mutualis?host=$work&user=$user"
psql() { command psql "$DATABASE_URL" -qtA "$@"; }
