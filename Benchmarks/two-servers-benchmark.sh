#!/usr/bin/env bash
# Two servers, one database: figures and checks, not a test.
#
#   Benchmarks/two-servers-benchmark.sh [SECONDS]
#
# Two release mutualis-server processes on one private PostgreSQL run as in production
# (durable commits, TCP on localhost), the clients split between them:
#  1. races: 20 slots, each asked for by 16 clients at once, 8 through each server: exactly one
#     booking a slot, every other client answered 409;
#  2. revocations: 50 times, a token used on both servers (each remembers its caller), revoked
#     through server A, then used on server B at once: B must answer 401 every time;
#  3. combined throughput: bookings by 16 clients for SECONDS (20 by default), 8 on each
#     server (wrk), and the CPU time a booking costs the servers and PostgreSQL.
set -euo pipefail
seconds=${1:-20}
[[ "$seconds" =~ ^[1-9][0-9]{0,3}$ ]] || { echo "SECONDS must be a whole number from 1 to 9999 (got $seconds)" >&2; exit 2; }
source "$(dirname "${BASH_SOURCE[0]}")/bench-support.sh"
require_wrk
build_release
source "$project/Benchmarks/private-postgres.sh"

seed_pole_with_history
add_coordinator
"$admin" user add --pole "$pole" --email revoked@example.org --name Révoquée --role coordinator >/dev/null
revocable=$(psql -c "SELECT id FROM users WHERE email = 'revoked@example.org'")

server_pids=""
for port in 18191 18192; do
  MUTUALIS_HTTP_ADDRESS=127.0.0.1:$port "$server" >"$work/server-$port.log" 2>&1 &
  server_pids="$server_pids $!"
done
read -r pid_a pid_b <<<"$server_pids"
for port in 18191 18192; do
  for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/ready" >/dev/null && break; sleep 0.1; done
done

python3 - "$token" "$member" "$(head -1 "$work/resources.txt")" "$revocable" <<'PY'
import http.client, json, sys, threading
token, member, resource, revocable = sys.argv[1:]
servers = [("127.0.0.1", 18191), ("127.0.0.1", 18192)]

def call(server, method, path, bearer, body=None):
    connection = http.client.HTTPConnection(*server, timeout=30)
    headers = {"Authorization": f"Bearer {bearer}", "Content-Type": "application/json"}
    connection.request(method, path, body=json.dumps(body) if body is not None else None, headers=headers)
    response = connection.getresponse()
    data = response.read()
    connection.close()
    return response.status, data

rounds, winners_ok, answers = 20, 0, {}
for round in range(rounds):
    slot = {"resourceId": resource, "memberId": member,
            "start": f"2046-03-{round + 1:02d}T08:00:00Z", "end": f"2046-03-{round + 1:02d}T10:00:00Z"}
    statuses = []
    barrier = threading.Barrier(16)
    def contend(i):
        barrier.wait()
        statuses.append(call(servers[i % 2], "POST", "/api/v1/bookings", token, slot)[0])
    threads = [threading.Thread(target=contend, args=(i,)) for i in range(16)]
    for t in threads: t.start()
    for t in threads: t.join()
    if statuses.count(201) == 1 and statuses.count(409) == 15:
        winners_ok += 1
    for s in statuses:
        answers[s] = answers.get(s, 0) + 1
print(f"races: {winners_ok} of {rounds} slots had exactly one winner among 16 clients on two servers "
      f"(answers: {dict(sorted(answers.items()))})")

honoured = 0
for attempt in range(50):
    status, data = call(servers[0], "POST", f"/api/v1/users/{revocable}/tokens", token, {})
    fresh = json.loads(data)["token"]
    assert call(servers[1], "GET", "/api/v1/resources?limit=1", fresh)[0] == 200
    assert call(servers[0], "GET", "/api/v1/resources?limit=1", fresh)[0] == 200
    assert call(servers[0], "DELETE", f"/api/v1/users/{revocable}/tokens", token)[0] == 200
    if call(servers[1], "GET", "/api/v1/resources?limit=1", fresh)[0] == 401:
        honoured += 1
print(f"revocations: {honoured} of 50 tokens revoked through server A were refused by server B on the next request")
PY

write_wrk_report
# Threads 0-1 on server A, 2-3 on server B: four threads sharing one numbering of slots.
write_booking_script 18191 0 4
write_booking_script 18192 2 4
a_before=$(cpu_ms "$pid_a"); b_before=$(cpu_ms "$pid_b"); pg_before=$(cpu_ms postgres)
stored_before=$(psql -c "SELECT count(*) FROM bookings")
started=$(date +%s.%N)
wrk -t 2 -c 8 -d "${seconds}s" -s "$work/book-18191.lua" http://127.0.0.1:18191 | grep '^RESULT' > "$work/a.txt" &
first=$!
wrk -t 2 -c 8 -d "${seconds}s" -s "$work/book-18192.lua" http://127.0.0.1:18192 | grep '^RESULT' > "$work/b.txt"
wait "$first"
elapsed=$(python3 -c "import time; print(time.time() - $started)")
a_cpu=$(( $(cpu_ms "$pid_a") - a_before )); b_cpu=$(( $(cpu_ms "$pid_b") - b_before )); pg_cpu=$(( $(cpu_ms postgres) - pg_before ))
booked=$(( $(psql -c "SELECT count(*) FROM bookings") - stored_before ))
read -r _ a_rps a_p50 a_p99 a_errors _ < "$work/a.txt"
read -r _ b_rps b_p50 b_p99 b_errors _ < "$work/b.txt"
python3 - <<PY
booked, elapsed = $booked, $elapsed
print(f"combined: {booked} bookings in {elapsed:.1f} s, {booked / elapsed:.0f} a second "
      f"(server A {$a_rps:.0f}/s p50 $a_p50 ms p99 $a_p99 ms; server B {$b_rps:.0f}/s p50 $b_p50 ms p99 $b_p99 ms; "
      f"non-2xx {$a_errors + $b_errors})")
print(f"  CPU per booking: servers {($a_cpu + $b_cpu) / booked:.3f} ms together, PostgreSQL {$pg_cpu / booked:.3f} ms")
PY
