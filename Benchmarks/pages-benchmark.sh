#!/usr/bin/env bash
# Pages benchmark: figures, not a test.
#
#   Benchmarks/pages-benchmark.sh [SECONDS]
#
# On a private PostgreSQL in a temporary folder, with mutualis-server built in release mode,
# 1 000 resources and 1 000 000 stored bookings, one client at a time (wrk, 1 connection):
#  1. the week page of a resource (GET /ressources/{id}?semaine=...), signed in;
#  2. the booking form's confirming POST (POST /reserver, etape=confirmer), each request a new
#     slot, answered by its 303.
# Prints requests a second, p50 and p99 latency as the client sees it (the server's time plus
# a loopback round trip). Needs wrk (installed when missing and run as root).
set -euo pipefail
seconds=${1:-20}
source "$(dirname "${BASH_SOURCE[0]}")/bench-support.sh"
require_wrk
build_release
source "$project/Benchmarks/private-postgres.sh"

seed_pole_with_history
"$admin" user add --pole "$pole" --email bench@example.org --name Bench --role member --member "$member" >/dev/null

address=127.0.0.1:18182
MUTUALIS_HTTP_ADDRESS=$address "$server" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do curl -fs "http://$address/ready" >/dev/null && break; sleep 0.1; done

# Signed in as a person would be: the invitation's form, its cookie and token, a password.
invitation=$("$admin" user invite --email bench@example.org --base-url "http://$address" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["url"])')
jar="$work/cookies"
form_token=$(curl -fs -c "$jar" -b "$jar" "$invitation" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -fs -o /dev/null -c "$jar" -b "$jar" --data "csrf=$form_token&password=Bench-Mutualis-2027&confirmation=Bench-Mutualis-2027" "$invitation"
session=$(awk '$6 == "mutualis_session" { print $7 }' "$jar")
csrf=$(curl -fs -b "mutualis_session=$session" "http://$address/reserver" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
[ -n "$session" ] && [ -n "$csrf" ] || { echo "could not sign in" >&2; exit 1; }

write_wrk_report

cat "$work/report.lua" > "$work/week.lua"
cat >> "$work/week.lua" <<LUA
local resources = {}
for line in io.lines("$work/resources.txt") do resources[#resources + 1] = line end
function request()
  local resource = resources[math.random(#resources)]
  local week = os.date("!%Y-%m-%d", 1924992000 + math.random(0, 120) * 86400)
  return wrk.format("GET", "/ressources/" .. resource .. "?semaine=" .. week, {["Cookie"] = "mutualis_session=$session"})
end
LUA
week=$(wrk -t 1 -c 1 -d "${seconds}s" -s "$work/week.lua" "http://$address" | grep '^RESULT')
read -r _ week_rps week_p50 week_p99 week_errors week_total <<<"$week"

# Each request books its own slot: resource n mod 1000, a day of 2045 past the seeded ones.
cat "$work/report.lua" > "$work/book.lua"
cat >> "$work/book.lua" <<LUA
local resources = {}
for line in io.lines("$work/resources.txt") do resources[#resources + 1] = line end
local counter = 0
function request()
  counter = counter + 1
  local resource = resources[(counter % #resources) + 1]
  local day = os.date("!%Y-%m-%d", 2366841600 + math.floor(counter / #resources) * 86400)
  local body = "csrf=$csrf&etape=confirmer&resourceId=" .. resource .. "&date=" .. day .. "&start=10:00&end=11:00&quantity=1"
  return wrk.format("POST", "/reserver", {["Cookie"] = "mutualis_session=$session", ["Content-Type"] = "application/x-www-form-urlencoded"}, body)
end
local reported = false
function response(status, headers, body)
  if status ~= 303 and not reported then
    reported = true
    io.stderr:write("first refused booking: " .. status .. "\n")
  end
end
LUA
book=$(wrk -t 1 -c 1 -d "${seconds}s" -s "$work/book.lua" "http://$address" | grep '^RESULT')
read -r _ book_rps book_p50 book_p99 book_errors book_total <<<"$book"
booked=$(psql -c "SELECT count(*) FROM bookings WHERE lower(during) >= '2045-01-01'")

cat <<REPORT
week page, 1 client, 1 000 000 bookings stored: ${week_rps} req/s, p50 ${week_p50} ms, p99 ${week_p99} ms, errors ${week_errors} of ${week_total}
booking form POST, 1 client: ${book_rps} req/s, p50 ${book_p50} ms, p99 ${book_p99} ms, errors ${book_errors} of ${book_total}; ${booked} booked
REPORT
