"""A real Mutualis for the API and browser tests: a private PostgreSQL (deploy/dev-db in a
temporary folder), the migrations, a pole with a coordinator and a member user, and
mutualis-server on a free port of the loopback. Everything is stopped when the session ends."""

import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]


def _bin_path() -> Path:
    built = subprocess.run(["swift", "build", "--show-bin-path"], cwd=PROJECT, check=True, capture_output=True, text=True)
    return Path(built.stdout.strip())


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Mutualis:
    """The running service: its URL, its pole, tokens and member, its process, its log, and
    the admin CLI on its database."""

    def __init__(self, url, pole, member, coordinator_token, member_token, process, log_path, admin):
        self.url = url
        self.pole = pole
        self.member = member
        self.coordinator_token = coordinator_token
        self.member_token = member_token
        self.process = process
        self.log_path = log_path
        self.admin = admin

    def get(self, path):
        with urllib.request.urlopen(self.url + path, timeout=5) as answer:
            return answer.status, answer.read()

    def api(self, method, path, body=None, token=None):
        """Calls the API as the coordinator (or with `token`); returns the status and the JSON."""
        request = urllib.request.Request(
            self.url + path, method=method, data=None if body is None else json.dumps(body).encode(),
            headers={"Authorization": "Bearer " + (token or self.coordinator_token), "Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=10) as answer:
                return answer.status, json.loads(answer.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")


@pytest.fixture(scope="session")
def mutualis():
    bin_path = _bin_path()
    folder = Path(tempfile.mkdtemp(prefix="mutualis-api-tests-"))
    os.chmod(folder, 0o755)
    environment = dict(os.environ, MUTUALIS_DB_DIR=str(folder))
    dev_db = PROJECT / "deploy" / "dev-db"
    database_url = subprocess.run([str(dev_db), "start"], env=environment, check=True, capture_output=True, text=True).stdout.strip()
    environment["DATABASE_URL"] = database_url
    admin = lambda *arguments: subprocess.run(
        [str(bin_path / "mutualis-admin"), *arguments], env=environment, check=True, capture_output=True, text=True
    ).stdout
    process = None
    try:
        admin("db", "migrate")
        pole = json.loads(admin("pole", "create", "--name", "Pôle Fuzz", "--json"))["id"]
        member = json.loads(admin("member", "add", "--pole", pole, "--name", "Les Fabriques", "--legal-form", "association", "--json"))["id"]
        admin("user", "add", "--pole", pole, "--email", "coordination@fuzz.example", "--name", "Camille", "--role", "coordinator")
        admin("user", "add", "--pole", pole, "--email", "membre@fuzz.example", "--name", "Alex", "--role", "member", "--member", member)
        coordinator = json.loads(admin("token", "issue", "--email", "coordination@fuzz.example", "--json"))["token"]
        member_token = json.loads(admin("token", "issue", "--email", "membre@fuzz.example", "--json"))["token"]
        port = _free_port()
        log_path = folder / "server.log"
        server_environment = dict(environment, MUTUALIS_HTTP_ADDRESS=f"127.0.0.1:{port}", LOG_LEVEL="warning")
        process = subprocess.Popen([str(bin_path / "mutualis-server")], env=server_environment,
                                   stdout=open(log_path, "wb"), stderr=subprocess.STDOUT)
        service = Mutualis(f"http://127.0.0.1:{port}", pole, member, coordinator, member_token, process, log_path, admin)
        for _ in range(200):
            try:
                if service.get("/ready")[0] == 200:
                    break
            except OSError:
                time.sleep(0.05)
        else:
            raise RuntimeError("mutualis-server did not become ready: " + log_path.read_text(errors="replace"))
        yield service
    finally:
        if process is not None:
            process.terminate()
            process.wait(timeout=30)
        subprocess.run([str(dev_db), "stop"], env=environment, capture_output=True)
        shutil.rmtree(folder, ignore_errors=True)
