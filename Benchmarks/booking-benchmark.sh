#!/usr/bin/env bash
# Booking service benchmark: figures, not a test.
#
#   Benchmarks/booking-benchmark.sh [SECONDS]
#
# On a private PostgreSQL in a temporary folder, with mutualis-server built in release mode:
#  1. booking creation, random non-overlapping slots over 1 000 resources, 16 concurrent clients (wrk);
#  2. the same INSERTs straight into PostgreSQL with pgbench, for the ratio service ÷ pgbench;
#  3. availability queries over 1 000 000 stored bookings.
# Prints throughput, p50 and p99 latency, and the server's RSS. Needs wrk and pgbench
# (apt-get install wrk postgresql-contrib); installs wrk when missing and run as root.
set -euo pipefail
seconds=${1:-20}
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$project"

source "$project/Benchmarks/bench-support.sh"
require_wrk
build_release
source "$project/Benchmarks/private-postgres.sh"

"$admin" db migrate >/dev/null
pole=$("$admin" pole create --name "Pôle de mesure" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
"$admin" user add --pole "$pole" --email bench@example.org --name Bench --role coordinator >/dev/null
token=$("$admin" token issue --email bench@example.org)
member=$(psql -c "INSERT INTO members (pole_id, name, legal_form, joined_on) VALUES ('$pole', 'Membre', 'association', '2025-01-01') RETURNING id")
psql -c "
  WITH r AS (INSERT INTO resources (pole_id, name, kind) SELECT '$pole', 'Ressource ' || n, 'equipment' FROM generate_series(1, 1000) n RETURNING id)
  INSERT INTO resource_units (resource_id, number) SELECT id, 1 FROM r"
psql -c "SELECT id FROM resources ORDER BY id" > "$work/resources.txt"

# The server's own default pool (twice the processors); MUTUALIS_POOL_SIZE=8 to try another.
MUTUALIS_HTTP_ADDRESS=127.0.0.1:18181 LOG_LEVEL=warning "$server" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -fs http://127.0.0.1:18181/ready >/dev/null && break; sleep 0.1; done

# What every wrk script prints at the end: throughput, p50 and p99 in ms, non-2xx, requests.
write_wrk_report

# Each wrk thread and request gets its own (resource, day) pair: slots never overlap.
cat "$work/report.lua" > "$work/book.lua"
cat >> "$work/book.lua" <<LUA
local resources = {}
for line in io.lines("$work/resources.txt") do resources[#resources + 1] = line end
local counter = 0
local next_id = 0
-- thread:set makes thread_id a global of each thread's own Lua state.
function setup(thread) thread:set("thread_id", next_id); next_id = next_id + 1 end
function request()
  counter = counter + 1
  local n = counter * 16 + thread_id
  local resource = resources[(n % #resources) + 1]
  local day = math.floor(n / #resources)
  local start = os.date("!%Y-%m-%dT%H:%M:%SZ", 1893456000 + day * 86400)
  local finish = os.date("!%Y-%m-%dT%H:%M:%SZ", 1893456000 + day * 86400 + 3600)
  local body = string.format('{"resourceId":"%s","memberId":"$member","start":"%s","end":"%s"}', resource, start, finish)
  return wrk.format("POST", "/api/v1/bookings", {["Authorization"] = "Bearer $token", ["Content-Type"] = "application/json"}, body)
end
local reported = false
function response(status, headers, body)
  if status ~= 201 and not reported then
    reported = true
    io.stderr:write("first refused booking: " .. status .. " " .. body .. "\n")
  end
end
LUA
booking=$(wrk -t 2 -c 16 -d "${seconds}s" -s "$work/book.lua" http://127.0.0.1:18181 | grep '^RESULT')
read -r _ book_rps book_p50 book_p99 book_errors book_total <<<"$booking"
booked=$(psql -c "SELECT count(*) FROM bookings")
rss_booking=$(ps -o rss= -p "$server_pid")

psql -c "CREATE TABLE bench_resources (idx int PRIMARY KEY, id uuid NOT NULL);
  INSERT INTO bench_resources SELECT row_number() OVER (ORDER BY id) - 1, id FROM resources;
  CREATE SEQUENCE bench_slots;"
# The slots come from a sequence, so that no two pgbench clients ever collide.
cat > "$work/insert.sql" <<SQL
BEGIN;
WITH n AS (SELECT nextval('bench_slots') AS n),
b AS (
  INSERT INTO bookings (pole_id, resource_id, member_id, during, status)
  SELECT '$pole', r.id, '$member',
         tstzrange(timestamptz '2040-01-01' + (n.n / 1000) * interval '2 hours',
                   timestamptz '2040-01-01' + (n.n / 1000) * interval '2 hours' + interval '1 hour', '[)'), 'confirmed'
  FROM n JOIN bench_resources r ON r.idx = n.n % 1000
  RETURNING id, resource_id, during)
INSERT INTO booking_units (booking_id, resource_id, unit_id, occupied)
SELECT b.id, b.resource_id, u.id, b.during FROM b JOIN resource_units u ON u.resource_id = b.resource_id;
COMMIT;
SQL
pgbench_out=$(as_pg "$bindir/pgbench" -h "$work" -U "$user" -n -c 16 -j 2 -T "$seconds" -f "$work/insert.sql" mutualis 2>&1 || true)
pg_tps=$(echo "$pgbench_out" | sed -n 's/^tps = \([0-9.]*\).*/\1/p' | head -1)
pg_failed=$(echo "$pgbench_out" | sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p')

seed_million_bookings "$pole" "$member"
stored=$(psql -c "SELECT count(*) FROM bookings")

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
availability=$(wrk -t 2 -c 16 -d "${seconds}s" -s "$work/availability.lua" http://127.0.0.1:18181 | grep '^RESULT')
read -r _ av_rps av_p50 av_p99 av_errors av_total <<<"$availability"
rss=$(ps -o rss= -p "$server_pid")
pool=$(curl -fs http://127.0.0.1:18181/metrics | sed -n 's/^mutualis_pool_size \([0-9]*\).*/\1/p')

ratio=$(python3 -c "print(f'{$book_rps / $pg_tps:.2f}' if '$pg_tps' else 'n/a')")
cat <<REPORT
booking creation (16 clients, ${seconds}s): ${book_rps} req/s, p50 ${book_p50} ms, p99 ${book_p99} ms, non-2xx ${book_errors} of ${book_total}; ${booked} bookings stored
pgbench, same INSERTs (16 clients): ${pg_tps} tps (failed: ${pg_failed:-0}); ratio service ÷ pgbench = ${ratio}
availability over ${stored} bookings (16 clients): ${av_rps} req/s, p50 ${av_p50} ms, p99 ${av_p99} ms, non-2xx ${av_errors} of ${av_total}
server RSS: $((rss_booking / 1024)) MB after booking, $((rss / 1024)) MB at the end; ${pool} database connections
REPORT
