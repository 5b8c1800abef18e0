"""The toolchain report, with a fake `which` so the result does not depend on this machine."""

import io

from app.tools import TOOLS, Tool, check_tools, main, python_ok

EVERYTHING = {
    "git": "/usr/bin/git",
    "docker": "/usr/local/bin/docker",
    "uv": "/home/me/.local/bin/uv",
}


def fake_which(installed: dict[str, str], calls: list[str] | None = None):
    def which(name: str) -> str | None:
        if calls is not None:
            calls.append(name)
        return installed.get(name)

    return which


def test_check_tools_asks_the_injected_which_about_each_tool():
    calls: list[str] = []
    installed = {"git": "/usr/bin/git", "uv": "/opt/uv"}

    statuses = check_tools(fake_which(installed, calls))

    assert calls == ["git", "docker", "uv"]
    assert [s.tool.name for s in statuses] == ["git", "docker", "uv"]
    assert [s.found for s in statuses] == [True, False, True]
    assert statuses[0].path == "/usr/bin/git"
    assert statuses[1].path is None

    kubectl = Tool("kubectl", required=False, hint="install kubectl")
    only = check_tools(fake_which({"kubectl": "/bin/kubectl"}), tools=[kubectl])
    assert [(s.tool, s.path) for s in only] == [(kubectl, "/bin/kubectl")]


def test_main_fails_only_for_a_missing_required_tool_or_a_python_older_than_3_11():
    assert [python_ok(v) for v in [(3, 11, 0), (3, 13, 2), (4, 0, 0)]] == [True, True, True]
    assert [python_ok(v) for v in [(3, 10, 14), (2, 7, 18)]] == [False, False]

    out = io.StringIO()
    assert main(which=fake_which(EVERYTHING), version_info=(3, 12, 4), out=out) == 0
    assert "3.12.4" in out.getvalue()
    assert all(tool.name in out.getvalue() for tool in TOOLS)

    no_docker = {name: path for name, path in EVERYTHING.items() if name != "docker"}
    out = io.StringIO()
    assert main(which=fake_which(no_docker), version_info=(3, 12, 4), out=out) == 1
    assert "docker" in out.getvalue()

    no_uv = {name: path for name, path in EVERYTHING.items() if name != "uv"}
    assert main(which=fake_which(no_uv), version_info=(3, 12, 4), out=io.StringIO()) == 0

    assert main(which=fake_which(EVERYTHING), version_info=(3, 10, 14), out=io.StringIO()) == 1
