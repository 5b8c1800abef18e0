"""The two implementations under test, and how the Node.js one is started and stopped."""

import os
import platform
import queue
import shutil
import subprocess
import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import fastapi
from fastapi.testclient import TestClient

from app.main import app

NODE_SERVER = Path(__file__).resolve().parent.parent / "node" / "server.js"
NODE_MIN_MAJOR = 20
INSTALL_NODE = "install Node.js 20+ (bec doctor) to test node/server.js"
# Only a safety net for a server that neither prints its port nor exits; a working one answers
# at once. No test waits on it.
NODE_START_LIMIT_SECONDS = 30


@dataclass
class Service:
    """One implementation of the contract, and what its GET /info must answer."""

    name: str
    client: Any = None  # TestClient or httpx.Client: both have .get(path, params=, headers=)
    info: dict[str, str] = field(default_factory=dict)
    problem: str = ""  # why this implementation cannot be tested, shown as the test's failure

    def get(self, path: str, **kwargs: Any) -> Any:
        assert not self.problem, self.problem
        return self.client.get(path, **kwargs)


def python_service() -> Service:
    return Service(
        name="python",
        client=TestClient(app),
        info={
            "service": "hello-backend",
            "language": "python",
            "runtime": platform.python_implementation(),
            "runtime_version": platform.python_version(),
            "framework": "fastapi",
            "framework_version": fastapi.__version__,
        },
    )


def node_version(node: str) -> str:
    result = subprocess.run([node, "--version"], capture_output=True, text=True, check=False)
    return result.stdout.strip().removeprefix("v")


class NodeServer:
    """node/server.js as a child process on a free port (PORT=0).

    Both output streams are read on helper threads, so a server that logs a lot never blocks on
    a full pipe; the first line of stdout (where the server names its port) is handed over.
    """

    def __init__(self, node: str) -> None:
        self.process = subprocess.Popen(
            [node, str(NODE_SERVER)],
            env={**os.environ, "PORT": "0"},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.errors: list[str] = []
        self._first_line: queue.Queue[str] = queue.Queue()
        self._readers = [
            threading.Thread(target=self._read_stdout, daemon=True),
            threading.Thread(target=self._read_stderr, daemon=True),
        ]
        for reader in self._readers:
            reader.start()

    def _read_stdout(self) -> None:
        first = True
        for line in self.process.stdout:
            if first:
                self._first_line.put(line)
                first = False
        if first:
            self._first_line.put("")  # exited without printing anything

    def _read_stderr(self) -> None:
        for line in self.process.stderr:
            self.errors.append(line)

    def first_line(self) -> str:
        """The first line the server printed; "" if it exited first or printed nothing at all
        (reported by the tests instead of blocking them forever)."""
        try:
            return self._first_line.get(timeout=NODE_START_LIMIT_SECONDS)
        except queue.Empty:
            return ""

    def stop(self) -> str:
        """Terminate the server (kill it if it does not stop) and return what it wrote to
        stderr. Safe to call twice."""
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=NODE_START_LIMIT_SECONDS)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        for reader in self._readers:
            reader.join(timeout=NODE_START_LIMIT_SECONDS)
        self.process.stdout.close()
        self.process.stderr.close()
        return "".join(self.errors)


def find_node() -> tuple[str, str, str]:
    """(path of node, its version, "") or ("", "", why it cannot be used)."""
    node = shutil.which("node")
    if node is None:
        return "", "", f"`node` is not on PATH: {INSTALL_NODE}"
    version = node_version(node)
    major = version.split(".", 1)[0]
    if not major.isdigit() or int(major) < NODE_MIN_MAJOR:
        return "", "", f"found Node.js {version!r}: {INSTALL_NODE}"
    return node, version, ""


def node_info(version: str) -> dict[str, str]:
    return {
        "service": "hello-backend",
        "language": "javascript",
        "runtime": "node",
        "runtime_version": version,
        "framework": "node:http",
        "framework_version": version,
    }
