"""Property-based fuzzing of the whole API from its served OpenAPI document (schemathesis):
no answer is a 5xx, every status and content type is one the document gives, every answer
matches its schema, requests the schema forbids are refused, and the server is still up.

Bounded: a fixed number of examples per operation and a fixed seed, so that a run takes about
a minute and says the same thing twice (FUZZ_EXAMPLES and FUZZ_SEED change them)."""

import json
import os
import re
import subprocess
import time

import pytest

CHECKS = ",".join([
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "negative_data_rejection",
])


def _fuzz(mutualis, token, examples):
    command = [
        "st", "run", mutualis.url + "/openapi.json",
        "--header", f"Authorization: Bearer {token}",
        "--checks", CHECKS,
        "--max-examples", str(examples),
        "--seed", os.environ.get("FUZZ_SEED", "20261202"),
        "--workers", "1",
        "--request-timeout", "30",
        "--no-color",
    ]
    started = time.monotonic()
    run = subprocess.run(command, capture_output=True, text=True, timeout=1200)
    elapsed = time.monotonic() - started
    generated = re.search(r"(\d+) generated", run.stdout)
    print(f"schemathesis: {generated.group(1) if generated else '?'} test cases in {elapsed:.0f} s")
    return run


@pytest.fixture(scope="module")
def fuzzed_pole(mutualis):
    """A pole of the fuzzer's own: what it changes (a member made to leave, a resource
    retired) stays out of the pole the other tests use."""
    admin = mutualis.admin
    pole = json.loads(admin("pole", "create", "--name", "Pôle Fuzzing", "--json"))["id"]
    member = json.loads(admin("member", "add", "--pole", pole, "--name", "Membre fuzz", "--legal-form", "association", "--json"))["id"]
    admin("user", "add", "--pole", pole, "--email", "coordination@fuzzing.example", "--name", "Fuzz", "--role", "coordinator")
    admin("user", "add", "--pole", pole, "--email", "membre@fuzzing.example", "--name", "Fuzz", "--role", "member", "--member", member)
    return {
        "coordinator": json.loads(admin("token", "issue", "--email", "coordination@fuzzing.example", "--json"))["token"],
        "member": json.loads(admin("token", "issue", "--email", "membre@fuzzing.example", "--json"))["token"],
    }


@pytest.mark.parametrize("role", ["coordinator", "member"])
def test_fuzzing_finds_no_failure_and_the_server_survives(mutualis, fuzzed_pole, role):
    token = fuzzed_pole[role]
    examples = int(os.environ.get("FUZZ_EXAMPLES", "40" if role == "coordinator" else "15"))
    run = _fuzz(mutualis, token, examples)
    assert run.returncode == 0, run.stdout[-20000:] + run.stderr[-5000:]
    assert mutualis.process.poll() is None, "mutualis-server died:\n" + mutualis.log_path.read_text(errors="replace")[-5000:]
    assert mutualis.get("/health")[0] == 200
    assert mutualis.get("/ready")[0] == 200
    log = mutualis.log_path.read_text(errors="replace")
    assert "Fatal error" not in log and "request failed" not in log, log[-5000:]
