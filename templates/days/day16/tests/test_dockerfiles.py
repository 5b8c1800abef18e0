"""Static checks of services/<name>/Dockerfile and .dockerignore (no Docker engine needed)."""

import importlib
import re
from pathlib import Path

from tests.dockerparse import Stage, dockerignore_patterns, is_ignored, parse_file, split_image

DAY_DIR = Path(__file__).resolve().parent.parent
SERVICES = {"users": "users_api", "orders": "orders_api"}
SECRET_NAME = re.compile(r"PASSWORD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|CREDENTIAL", re.I)
PINNED_PYTHON_TAG = re.compile(r"^3\.\d+\.\d+-slim(-[a-z]+)?$")
CREDENTIALS_IN_URL = re.compile(r"://[^/\s:@]+:[^/\s@]+@")
NOT_IN_SLIM_IMAGES = {"curl", "wget"}
DEPENDENCY_FILES = re.compile(r"^(requirements[\w.-]*\.txt|pyproject\.toml|uv\.lock)$")


def stages_of(service: str) -> list[Stage]:
    return parse_file(DAY_DIR / "services" / service / "Dockerfile")


def stage_names(stages: list[Stage]) -> set[str]:
    return {s.name for s in stages if s.name} | {str(s.index) for s in stages}


def uvicorn_port(stage: Stage) -> int | None:
    cmd = stage.last("CMD") or stage.last("ENTRYPOINT")
    if cmd is None:
        return None
    match = re.search(r"--port[ =](\d+)", " ".join(cmd.args()))
    return int(match.group(1)) if match else None


def test_images_are_built_in_two_stages_and_runtime_copies_only_the_venv():
    for service in SERVICES:
        stages = stages_of(service)
        assert len(stages) >= 2, f"{service}: want a builder stage and a runtime stage"
        runtime, earlier = stages[-1], stages[:-1]
        copies = [c for c in runtime.all("COPY") if "from" in c.flags()]
        assert copies, f"{service}: the runtime stage should COPY --from=<builder> the venv"
        source = copies[0].flags()["from"].lower()
        assert source in stage_names(earlier), f"{service}: COPY --from={source} is no stage"
        builder = next(s for s in earlier if source in (s.name, str(s.index)))
        builder_runs = " ".join(r.value for r in builder.all("RUN"))
        assert re.search(r"-m venv|virtualenv|uv venv|uv sync", builder_runs), (
            f"{service}: the builder should create a virtualenv"
        )
        assert re.search(r"pip install|uv sync|uv pip install", builder_runs), (
            f"{service}: the builder should install the requirements"
        )
        runtime_runs = " ".join(r.value for r in runtime.all("RUN"))
        assert "pip install" not in runtime_runs, f"{service}: no pip install in the runtime stage"
        venv_dest = copies[0].args()[-1].rstrip("/")
        assert f"{venv_dest}/bin" in runtime.env().get("PATH", ""), (
            f"{service}: put {venv_dest}/bin first on PATH in the runtime stage"
        )


def test_base_images_are_pinned_slim_python_tags():
    for service in SERVICES:
        stages = stages_of(service)
        assert stages, f"{service}: the Dockerfile has no FROM"
        names = {s.name for s in stages if s.name}
        for stage in stages:
            if stage.base.lower() in names:
                continue  # FROM an earlier stage
            repo, tag, digest = split_image(stage.base)
            assert repo.rsplit("/", 1)[-1] == "python", f"{service}: use the official python image"
            assert tag and tag != "latest", f"{service}: {stage.base} has no fixed tag"
            assert PINNED_PYTHON_TAG.match(tag) or digest, (
                f"{service}: pin a full version of a slim variant, like 3.12.12-slim-bookworm,"
                f" not {tag!r}"
            )


def test_runtime_stage_runs_as_a_numeric_non_root_user():
    for service in SERVICES:
        stages = stages_of(service)
        assert stages, f"{service}: the Dockerfile has no FROM"
        runtime = stages[-1]
        user = runtime.last("USER")
        assert user is not None, f"{service}: the runtime stage never switches away from root"
        uid, _, gid = user.args()[0].partition(":")
        assert uid.isdigit(), f"{service}: use a numeric uid (Kubernetes can only verify numbers)"
        assert int(uid) != 0, f"{service}: uid 0 is root"
        assert not gid or (gid.isdigit() and int(gid) != 0), f"{service}: group must not be root"
        later = [i.keyword for i in runtime.instructions if i.line > user.line]
        assert "RUN" not in later, f"{service}: switch USER after the last RUN"


def test_healthcheck_and_expose_match_the_port_uvicorn_listens_on():
    for service, package in SERVICES.items():
        stages = stages_of(service)
        assert stages, f"{service}: the Dockerfile has no FROM"
        runtime = stages[-1]
        port = uvicorn_port(runtime)
        assert port, f"{service}: CMD should start uvicorn with an explicit --port"
        exposed = {int(p.split("/")[0]) for e in runtime.all("EXPOSE") for p in e.args()}
        assert port in exposed, f"{service}: EXPOSE {port} (found {sorted(exposed)})"
        check = runtime.last("HEALTHCHECK")
        assert check is not None, f"{service}: add a HEALTHCHECK to the runtime stage"
        words = check.args()
        assert words and words[0].upper() == "CMD", f"{service}: HEALTHCHECK should run a CMD"
        match = re.search(r"https?://(?:127\.0\.0\.1|localhost):(\d+)(/[\w/-]*)", check.value)
        assert match, f"{service}: the health check should request http://127.0.0.1:<port>/<path>"
        assert int(match.group(1)) == port, f"{service}: health check port != {port}"
        path = match.group(2)
        app = importlib.import_module(f"{package}.main").app
        routes = [r for r in app.routes if getattr(r, "path", None) == path]
        assert routes and "GET" in routes[0].methods, f"{service}: the app serves no GET {path}"
        assert routes[0].endpoint()["status"] == "ok"


def test_build_context_and_image_carry_no_secrets():
    must_skip = [".env", ".venv/bin/python", "tests/test_app.py", ".git/HEAD"]
    must_skip += ["users_api/__pycache__/main.cpython-312.pyc"]
    for service, package in SERVICES.items():
        folder = DAY_DIR / "services" / service
        patterns = dockerignore_patterns(folder / ".dockerignore")
        for path in must_skip:
            path = path.replace("users_api", package)
            assert is_ignored(path, patterns), f"{service}: .dockerignore lets {path} in"
        for path in ["requirements.txt", f"{package}/main.py"]:
            assert not is_ignored(path, patterns), f"{service}: .dockerignore drops {path}"
        for stage in stages_of(service):
            names = list(stage.env())
            names += [word.split("=")[0] for arg in stage.all("ARG") for word in arg.args()]
            baked = [name for name in names if SECRET_NAME.search(name)]
            assert not baked, f"{service}: {baked} would be baked into the image"
            values = list(stage.env().values())
            values += [word for arg in stage.all("ARG") for word in arg.args()]
            leaked = [value for value in values if CREDENTIALS_IN_URL.search(value)]
            assert not leaked, (
                f"{service}: {leaked} puts a password into every layer of the image; pass it at"
                " run time (compose `environment:` from .env)"
            )


def test_runtime_stage_starts_from_a_clean_base_image():
    for service in SERVICES:
        stages = stages_of(service)
        assert len(stages) >= 2, f"{service}: want a builder stage and a runtime stage"
        earlier = {s.name.lower() for s in stages[:-1] if s.name} | {
            str(s.index) for s in stages[:-1]
        }
        assert stages[-1].base.lower() not in earlier, (
            f"{service}: `FROM {stages[-1].base}` ships the whole builder (pip, caches, the build"
            " context); start the runtime stage from the slim python image"
        )


def test_healthcheck_uses_a_program_the_runtime_image_has():
    for service in SERVICES:
        stages = stages_of(service)
        assert stages, f"{service}: the Dockerfile has no FROM"
        runtime = stages[-1]
        check = runtime.last("HEALTHCHECK")
        assert check is not None, f"{service}: add a HEALTHCHECK to the runtime stage"
        words = check.args()
        command = words[1:] if words and words[0].upper() == "CMD" else words
        program = command[0].split()[0].rsplit("/", 1)[-1] if command else ""
        installed = " ".join(r.value for r in runtime.all("RUN"))
        if program in NOT_IN_SLIM_IMAGES:
            assert re.search(rf"(apt-get|apk) (install|add)\b[^&;]*\b{program}\b", installed), (
                f"{service}: the slim image has no {program}, so this health check always fails"
                " and the container never becomes healthy; use python itself"
            )


def test_dependencies_are_installed_before_the_code_is_copied():
    for service in SERVICES:
        stages = stages_of(service)
        for stage in stages:
            runs = [r for r in stage.all("RUN") if re.search(r"pip install|uv sync", r.value)]
            if not runs:
                continue
            install = runs[0].line
            for copy in stage.all("COPY"):
                if copy.line > install or "from" in copy.flags():
                    continue
                sources = [Path(a).name for a in copy.args()[:-1]]
                assert all(DEPENDENCY_FILES.match(name) for name in sources), (
                    f"{service}: `COPY {' '.join(copy.args())}` before the install means any code"
                    " change re-installs every dependency; copy only the requirements first"
                )
