# Sourced by the benchmarks: the release build, wrk, its report, and the million bookings
# the read benchmarks run over (after private-postgres.sh has started PostgreSQL).

# Builds everything in release mode in one build; sets $server and $admin.
build_release() {
  swift build -c release >&2
  server=$(swift build -c release --show-bin-path)/mutualis-server
  admin=$(swift build -c release --show-bin-path)/mutualis-admin
}

# wrk, installed when missing and run as root (a fresh machine's package lists may be empty).
require_wrk() {
  command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get update -q >/dev/null && apt-get install -y -q wrk >/dev/null; } \
    || { echo "install wrk" >&2; exit 1; }
}

# Writes $work/report.lua, which every wrk script starts with: at the end it prints
# "RESULT throughput p50-ms p99-ms non-2xx requests".
write_wrk_report() {
  cat > "$work/report.lua" <<'LUA'
function done(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.3f %.3f %d %d\n", summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(99) / 1000, summary.errors.status, summary.requests))
end
LUA
}

# Stores 1 000 000 confirmed bookings of member $2 in pole $1: a thousand on each resource,
# 2 hours every 3 hours from 2031-01-01, then flushes them to disk so that no checkpoint
# lands in a measurement.
seed_million_bookings() {
  echo "seeding 1 000 000 bookings..." >&2
  psql -c "
    WITH b AS (
      INSERT INTO bookings (pole_id, resource_id, member_id, during, status)
      SELECT '$1', r.id, '$2', tstzrange(timestamptz '2031-01-01' + d * interval '3 hours', timestamptz '2031-01-01' + d * interval '3 hours' + interval '2 hours', '[)'), 'confirmed'
      FROM resources r, generate_series(0, 999) d
      RETURNING id, resource_id, during)
    INSERT INTO booking_units (booking_id, resource_id, unit_id, occupied)
    SELECT b.id, b.resource_id, u.id, b.during FROM b JOIN resource_units u ON u.resource_id = b.resource_id"
  psql -c "VACUUM ANALYZE"
  psql -c "CHECKPOINT"
}
