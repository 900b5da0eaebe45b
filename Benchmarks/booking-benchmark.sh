#!/usr/bin/env bash
# Booking service benchmark: figures, not a test.
#
#   Benchmarks/booking-benchmark.sh [SECONDS]
#
# On a private PostgreSQL run as in production (durable commits, TCP on localhost), with
# mutualis-server built in release mode at its default log level and pool, 1 000 resources and
# a million stored bookings:
#  1. closed loop: bookings of random non-overlapping slots by 16 clients for SECONDS (20 by
#     default; wrk): throughput, p50, p99 and their ratio, and the CPU time a booking costs the
#     server and PostgreSQL, read from /proc before and after and divided by the bookings made;
#  2. PostgreSQL's physical limit: 20 000 bare INSERTs (pgbench, 16 clients, autocommit,
#     prepared, one statement) into a copy of booking_units (primary key and exclusion
#     constraint, no foreign keys): INSERTs a second and PostgreSQL's CPU time per INSERT;
#  3. open loop: 300 bookings a second for 20 s (RATE and OPEN_SECONDS to change them) sent on
#     schedule by Benchmarks/open-loop.py whatever the answers: p50 and p99;
#  4. availability queries over 1 000 000 stored bookings (16 clients, 15 s).
# MUTUALIS_POOL_SIZE=8 tries another pool. Needs wrk and pgbench (apt-get install wrk
# postgresql-contrib); installs wrk when missing and run as root.
set -euo pipefail
seconds=${1:-20}
rate=${RATE:-300}
open_seconds=${OPEN_SECONDS:-20}
for value in "$seconds" "$rate" "$open_seconds"; do
  [[ "$value" =~ ^[1-9][0-9]{0,3}$ ]] || { echo "SECONDS, RATE and OPEN_SECONDS are whole numbers from 1 to 9999 (got $value)" >&2; exit 2; }
done
source "$(dirname "${BASH_SOURCE[0]}")/bench-support.sh"
require_wrk
build_release
source "$project/Benchmarks/private-postgres.sh"

seed_pole_with_history
add_coordinator
stored=$(psql -c "SELECT count(*) FROM bookings")

# The server as it ships: its default log level, and its default pool unless
# MUTUALIS_POOL_SIZE is set.
MUTUALIS_HTTP_ADDRESS=127.0.0.1:18181 "$server" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -fs http://127.0.0.1:18181/ready >/dev/null && break; sleep 0.1; done
pool=$(curl -fs http://127.0.0.1:18181/metrics | sed -n 's/^mutualis_pool_size \([0-9]*\).*/\1/p')

# What every wrk script prints at the end: throughput, p50 and p99 in ms, non-2xx, requests.
write_wrk_report

write_booking_script closed 0 2
# One booking first, so that the measure starts with the server's statements prepared.
curl -fs -o /dev/null -H "Authorization: Bearer $token" -H "Content-Type: application/json" \
  -d "{\"resourceId\":\"$(head -1 "$work/resources.txt")\",\"memberId\":\"$member\",\"start\":\"2029-01-01T08:00:00Z\",\"end\":\"2029-01-01T09:00:00Z\"}" \
  http://127.0.0.1:18181/api/v1/bookings
server_before=$(cpu_ms "$server_pid"); pg_before=$(cpu_ms postgres); stored_before=$(psql -c "SELECT count(*) FROM bookings")
booking=$(wrk -t 2 -c 16 -d "${seconds}s" -s "$work/book-closed.lua" http://127.0.0.1:18181 | grep '^RESULT')
server_cpu=$(( $(cpu_ms "$server_pid") - server_before )); pg_cpu=$(( $(cpu_ms postgres) - pg_before ))
read -r _ book_rps book_p50 book_p99 book_errors book_total <<<"$booking"
booked=$(( $(psql -c "SELECT count(*) FROM bookings") - stored_before ))
rss_booking=$(ps -o rss= -p "$server_pid")

# PostgreSQL's physical limit: one prepared INSERT a transaction into a table shaped like
# booking_units (primary key and exclusion constraint; no foreign keys). The slots
# come from a sequence, so that no two clients ever collide.
psql -c "CREATE TABLE bench_holdings (LIKE booking_units INCLUDING DEFAULTS INCLUDING CONSTRAINTS INCLUDING INDEXES);
  CREATE SEQUENCE bench_slots;"
cat > "$work/insert.sql" <<SQL
INSERT INTO bench_holdings (booking_id, resource_id, unit_id, occupied)
SELECT gen_random_uuid(), md5((n % 1000)::text)::uuid, md5((n % 1000)::text)::uuid,
       tstzrange(timestamptz '2040-01-01' + (n / 1000) * interval '2 hours',
                 timestamptz '2040-01-01' + (n / 1000) * interval '2 hours' + interval '1 hour', '[)')
FROM nextval('bench_slots') AS n;
SQL
psql -c "CHECKPOINT"
pg_before=$(cpu_ms postgres)
pgbench_out=$(as_pg "$bindir/pgbench" -h 127.0.0.1 -p "$pg_port" -U "$user" -n -M prepared -c 16 -j 2 -t 1250 \
  -f "$work/insert.sql" mutualis 2>&1 || true)
pg_insert_cpu=$(( $(cpu_ms postgres) - pg_before ))
pg_tps=$(echo "$pgbench_out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
pg_inserted=$(psql -c "SELECT count(*) FROM bench_holdings")

# The open loop: bookings sent on schedule, each on a slot of its own (from 2045 on).
python3 - "$work/resources.txt" "$member" $((rate * open_seconds)) > "$work/open.txt" <<'PY'
import datetime, sys
resources = open(sys.argv[1]).read().split()
origin = datetime.datetime(2045, 1, 1, tzinfo=datetime.timezone.utc)
for n in range(int(sys.argv[3])):
    start = origin + datetime.timedelta(days=n // len(resources))
    end = start + datetime.timedelta(hours=1)
    times = [t.strftime("%Y-%m-%dT%H:%M:%SZ") for t in (start, end)]
    print(f'POST /api/v1/bookings {{"resourceId":"{resources[n % len(resources)]}","memberId":"{sys.argv[2]}","start":"{times[0]}","end":"{times[1]}"}}')
PY
psql -c "CHECKPOINT"
open_loop=$(python3 "$project/Benchmarks/open-loop.py" --url http://127.0.0.1:18181 --rate "$rate" --seconds "$open_seconds" \
  --requests "$work/open.txt" --header "Authorization: Bearer $token" --header "Content-Type: application/json" | grep '^RESULT')
read -r _ open_rps open_p50 open_p99 open_errors open_total open_late <<<"$open_loop"

cat "$work/report.lua" > "$work/availability.lua"
cat >> "$work/availability.lua" <<LUA
local resources = {}
for line in io.lines("$work/resources.txt") do resources[#resources + 1] = line end
local counter = 0
function request()
  counter = counter + 1
  local resource = resources[math.random(#resources)]
  local day = math.random(0, 120)
  local from = os.date("!%Y-%m-%dT%H:%M:%SZ", 1924992000 + day * 86400)
  local to = os.date("!%Y-%m-%dT%H:%M:%SZ", 1924992000 + (day + 1) * 86400)
  return wrk.format("GET", "/api/v1/resources/" .. resource .. "/availability?from=" .. from .. "&to=" .. to, {["Authorization"] = "Bearer $token"})
end
LUA
availability=$(wrk -t 2 -c 16 -d 15s -s "$work/availability.lua" http://127.0.0.1:18181 | grep '^RESULT')
read -r _ av_rps av_p50 av_p99 av_errors av_total <<<"$availability"
rss=$(ps -o rss= -p "$server_pid")

python3 - <<PY
booked, server, pg, insert, inserted = $booked, $server_cpu, $pg_cpu, $pg_insert_cpu, $pg_inserted
rps, tps = $book_rps, float("${pg_tps:-0}" or 0)
print(f"booking creation, closed loop (16 clients, pool of $pool, ${seconds} s): {booked} bookings, {rps} a second, "
      f"p50 $book_p50 ms, p99 $book_p99 ms (p99/p50 {$book_p99 / $book_p50:.1f}), non-2xx $book_errors")
print(f"  CPU per booking: server {server / booked:.3f} ms, PostgreSQL {pg / booked:.3f} ms")
print(f"pgbench, bare prepared INSERT (16 clients, autocommit): {inserted} rows, {tps:.0f} a second; "
      f"PostgreSQL CPU per INSERT {insert / max(inserted, 1):.3f} ms")
print(f"  ratio bookings ÷ INSERTs a second = {rps / tps if tps else float('nan'):.2f}; PostgreSQL CPU booking ÷ INSERT = "
      f"{(pg / booked) / (insert / max(inserted, 1)):.2f}")
print(f"open loop ($rate a second for ${open_seconds} s, open-loop.py): {$open_rps} a second, p50 $open_p50 ms, "
      f"p99 $open_p99 ms, non-2xx $open_errors of $open_total; generator late by $open_late ms at worst")
print(f"availability over $stored bookings (16 clients, 15 s): $av_rps req/s, p50 $av_p50 ms, p99 $av_p99 ms, "
      f"non-2xx $av_errors of $av_total")
print(f"server RSS: {$rss_booking // 1024} MB after booking, {$rss // 1024} MB at the end")
PY
