#!/usr/bin/env bash
# Every test of the project, as the README says and CI runs them: the Swift tests (each on a
# throwaway PostgreSQL), then the API tests in Python against a real mutualis-server
# (schemathesis fuzzing from the served OpenAPI document). Needs python3 with pytest and
# schemathesis (.ci/run installs them).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
swift test
swift build --product mutualis-admin
swift build --product mutualis-server
python3 -m pytest Tests/API -q -s
