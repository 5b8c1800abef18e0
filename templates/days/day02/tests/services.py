"""The two implementations under test, and how the Node.js one is started and stopped."""

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


def halt(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=NODE_START_LIMIT_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def stop(process: subprocess.Popen) -> None:
    halt(process)
    for stream in (process.stdout, process.stderr):
        if stream is not None:
            stream.close()


def first_line(process: subprocess.Popen) -> str:
    """The first line the server prints ("" if it exits first), read on a helper thread so a
    server that hangs silently is reported instead of blocking the tests forever."""
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: lines.put(process.stdout.readline()), daemon=True).start()
    try:
        return lines.get(timeout=NODE_START_LIMIT_SECONDS)
    except queue.Empty:
        return ""


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
