#!/usr/bin/env bash
# Allocation run benchmark: figures, not a test.
#
#   Benchmarks/allocation-run-benchmark.sh         # five drafts of the year, then one finalised
#   RUNS=11 Benchmarks/allocation-run-benchmark.sh # as many drafts as you like
#
# On a private PostgreSQL in a temporary folder, run as in production (durable commits, TCP),
# first a realistic pole's year — 50 members, 30 resources, 30 000 bookings, 372 costs —
# then a large one: a pole of 1 000 members (a fifth with a 0.5
# coefficient, some joining during the year) and 200 resources (equipment, staff, premises
# with opening hours), 1 000 000 confirmed bookings over 2027, a cost per resource per month
# (2 400; premises under usage/absorb, staff under hybrid 40 % headcount) and a pole-wide
# cost per month under equal. Then allocation runs for the year, built in release mode: bases
# aggregated in SQL, shares by the engine, lines stored; each draft made afresh from the same
# bookings (drafts may share costs), the last recomputed, one statement read, and finalised.
set -euo pipefail
# Refused before the long seeding rather than after it.
[[ "${RUNS:-5}" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a whole number of drafts, at least 1 (got $RUNS)" >&2; exit 2; }
project=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$project"
swift build -c release --product mutualis-admin >&2
swift build -c release --product allocation-run-benchmark >&2
bin=$(swift build -c release --show-bin-path)
source "$project/Benchmarks/private-postgres.sh"

"$bin/mutualis-admin" db migrate >/dev/null
# Seeds a pole as above: seed_pole NAME MEMBERS RESOURCES BOOKINGS; sets $pole.
seed_pole() {
  local members=$2 resources=$3 bookings=$4
  pole=$("$bin/mutualis-admin" pole create --name "$1" --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')
  echo "seeding $1: $members members, $resources resources, $bookings bookings, $((resources * 12 + 12)) costs..." >&2
  psql <<SQL
INSERT INTO member_categories (pole_id, name, coefficient) VALUES ('$pole', 'Petites associations', 0.5);
INSERT INTO members (pole_id, name, legal_form, joined_on, headcount, annual_budget_cents, category_id)
SELECT '$pole', 'Membre ' || n, (enum_range(NULL::legal_form))[1 + n % 10],
       CASE WHEN n % 10 = 0 THEN date '2027-01-01' + n % 300 ELSE date '2025-01-01' END,
       1 + n % 40, 10000000 + n * 1000,
       CASE WHEN n % 5 = 0 THEN (SELECT id FROM member_categories WHERE pole_id = '$pole') END
FROM generate_series(1, $members) n;
INSERT INTO resources (pole_id, name, kind, units)
SELECT '$pole', 'Ressource ' || n, (ARRAY['equipment', 'staff', 'premises'])[1 + n % 3]::resource_kind,
       CASE WHEN n % 3 = 1 THEN 1 ELSE 4 END
FROM generate_series(1, $resources) n;
INSERT INTO resource_units (resource_id, number)
SELECT r.id, u FROM resources r, generate_series(1, r.units) u WHERE r.pole_id = '$pole';
INSERT INTO opening_hours (resource_id, iso_weekday, opens_at, closes_at)
SELECT r.id, d, '08:00', '20:00' FROM resources r, generate_series(1, 5) d WHERE r.kind = 'premises' AND r.pole_id = '$pole';
INSERT INTO allocation_rules (pole_id, resource_id, effective_from, rule)
SELECT '$pole', id, '-infinity', CASE kind
    WHEN 'premises' THEN '{"method": "usage", "idle": "absorb"}'
    WHEN 'staff' THEN '{"method": "hybrid", "fixedPart": 0.4, "fixedKey": "headcount"}'
    ELSE '{"method": "usage"}' END::jsonb
FROM resources WHERE pole_id = '$pole' AND (kind <> 'equipment' OR name LIKE '%0');
-- The run reads bookings only; their unit holdings are left out to keep seeding short.
INSERT INTO bookings (pole_id, resource_id, member_id, quantity, during, status)
SELECT '$pole', r.ids[1 + n % $resources], m.ids[1 + ((n * 2654435761) % 1000003) % $members], 1,
       tstzrange(timestamptz '2027-01-01 00:00+01' + ((n * 104729) % 8700) * interval '1 hour',
                 timestamptz '2027-01-01 00:00+01' + ((n * 104729) % 8700) * interval '1 hour' + (1 + n % 3) * interval '1 hour', '[)'),
       'confirmed'
FROM generate_series(1::bigint, $bookings) n,
     (SELECT array_agg(id ORDER BY id) AS ids FROM resources WHERE pole_id = '$pole') r,
     (SELECT array_agg(id ORDER BY id) AS ids FROM members WHERE pole_id = '$pole') m;
INSERT INTO costs (pole_id, resource_id, period_start, period_end, amount_cents, category, label)
SELECT '$pole', r.id, make_date(2027, month, 1), (make_date(2027, month, 1) + interval '1 month')::date,
       50000 + (month * 7919 + length(r.name)) % 100000, 'leasing', r.name || ' ' || month
FROM resources r, generate_series(1, 12) month WHERE r.pole_id = '$pole';
INSERT INTO costs (pole_id, period_start, period_end, amount_cents, category, label)
SELECT '$pole', make_date(2027, month, 1), (make_date(2027, month, 1) + interval '1 month')::date, 1234567, 'rent', 'Bureaux ' || month
FROM generate_series(1, 12) month;
SQL
}

seed_pole "Pôle d'un territoire" 50 30 30000
realistic=$pole
seed_pole "Pôle de mesure" 1000 200 1000000
psql -c "VACUUM ANALYZE"
# The seeding's writes go to disk now, not during the runs that are measured.
psql -c "CHECKPOINT"
echo "== a realistic pole's year: 50 members, 30 resources, 30 000 bookings"
POLE_ID=$realistic "$bin/allocation-run-benchmark"
echo "== the large pole's year: 1 000 members, 200 resources, 1 000 000 bookings"
POLE_ID=$pole "$bin/allocation-run-benchmark"
