# Sourced by the benchmarks: the release build, wrk, its report, and the million bookings
# the read benchmarks run over (after private-postgres.sh has started PostgreSQL). Sets
# $project and works from there.
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$project"

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

# CPU time in milliseconds, user and system, used so far: `cpu_ms PID` of a process and its
# threads; `cpu_ms postgres` of the whole PostgreSQL of private-postgres.sh — the postmaster,
# its live processes and those it has reaped (a backend whose client left), so that a phase's
# figure is the difference of two readings.
cpu_ms() {
  python3 - "$@" "$work/data/postmaster.pid" <<'PY'
import os, sys
tick = os.sysconf("SC_CLK_TCK")
def stat(pid):
    with open(f"/proc/{pid}/stat") as f:
        text = f.read()
    # Fields after the command's name, which may hold spaces: state, ppid, ... utime is the 12th.
    return text[text.rindex(")") + 2:].split()
def own(fields): return int(fields[11]) + int(fields[12])
def reaped(fields): return int(fields[13]) + int(fields[14])
if sys.argv[1] == "postgres":
    postmaster = open(sys.argv[2]).readline().strip()
    main = stat(postmaster)
    total = own(main) + reaped(main)
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = stat(pid)
        except OSError:
            continue
        if fields[1] == postmaster:
            total += own(fields)
else:
    total = own(stat(sys.argv[1]))
print(total * 1000 // tick)
PY
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

# After private-postgres.sh: migrates and makes the pole the booking benchmarks book in — a
# member ($member), 1 000 one-unit resources (their ids in $work/resources.txt) and a million
# bookings stored in 2031, a pole with its history: measured on empty tables, the first plans
# would scan them whole. Sets $pole.
seed_pole_with_history() {
  "$admin" db migrate >/dev/null
  pole=$("$admin" pole create --name "Pôle de mesure" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  member=$(psql -c "INSERT INTO members (pole_id, name, legal_form, joined_on) VALUES ('$pole', 'Membre', 'association', '2025-01-01') RETURNING id")
  psql -c "
    WITH r AS (INSERT INTO resources (pole_id, name, kind) SELECT '$pole', 'Ressource ' || n, 'equipment' FROM generate_series(1, 1000) n RETURNING id)
    INSERT INTO resource_units (resource_id, number) SELECT id, 1 FROM r"
  psql -c "SELECT id FROM resources ORDER BY id" > "$work/resources.txt"
  seed_million_bookings "$pole" "$member"
}

# A coordinator of $pole, bench@example.org, and its API token ($token).
add_coordinator() {
  "$admin" user add --pole "$pole" --email bench@example.org --name Bench --role coordinator >/dev/null
  token=$("$admin" token issue --email bench@example.org)
}

# Writes $work/book-NAME.lua, a wrk script booking for $member with $token: each request a
# (resource, day) pair of its own from 2030 on, so that slots never overlap, across every wrk
# run that shares THREADS threads numbered from FIRST. Reports the first refused booking.
#   write_booking_script NAME FIRST THREADS
write_booking_script() {
  cat "$work/report.lua" > "$work/book-$1.lua"
  cat >> "$work/book-$1.lua" <<LUA
local resources = {}
for line in io.lines("$work/resources.txt") do resources[#resources + 1] = line end
local counter = 0
local next_id = $2
-- thread:set makes thread_id a global of each thread's own Lua state.
function setup(thread) thread:set("thread_id", next_id); next_id = next_id + 1 end
function request()
  counter = counter + 1
  local n = counter * $3 + thread_id
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
