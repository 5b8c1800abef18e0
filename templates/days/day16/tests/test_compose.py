"""Static checks of compose.yaml and .env.example (no Docker engine needed)."""

import re
from pathlib import Path
from urllib.parse import urlsplit

import yaml

DAY_DIR = Path(__file__).resolve().parent.parent
APP_SERVICES = ("users", "orders")
VARIABLE = re.compile(r"\$\{(\w+)(?::?[-?+][^}]*)?\}")


def compose() -> dict:
    data = yaml.safe_load((DAY_DIR / "compose.yaml").read_text(encoding="utf-8")) or {}
    assert isinstance(data, dict), "compose.yaml should be a mapping"
    return data


def services() -> dict:
    return compose().get("services") or {}


def env_example() -> dict[str, str]:
    values = {}
    for line in (DAY_DIR / ".env.example").read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line and not line.startswith("#") and "=" in line:
            key, _, value = line.partition("=")
            values[key.strip()] = value.strip()
    return values


def environment_of(service: dict) -> dict[str, str]:
    """The service's variables: env_file entries (read from .env.example) then `environment`."""
    values: dict[str, str] = {}
    env_files = service.get("env_file") or []
    if isinstance(env_files, (str, dict)):
        env_files = [env_files]
    if env_files:
        values.update(env_example())
    env = service.get("environment") or {}
    if isinstance(env, list):
        env = dict(item.partition("=")[::2] for item in env)
    values.update({key: "" if value is None else str(value) for key, value in env.items()})
    return values


def interpolate(text: str) -> str:
    """Replaces ${VAR}, ${VAR:?msg}, ${VAR:-default} with the value from .env.example."""
    example = env_example()

    def value(match: re.Match[str]) -> str:
        assert match.group(1) in example, f"${{{match.group(1)}}} is not in .env.example"
        return example[match.group(1)]

    return VARIABLE.sub(value, text)


def depends_on(service: dict) -> dict:
    deps = service.get("depends_on") or {}
    if isinstance(deps, list):
        return {name: {} for name in deps}
    return deps


def test_compose_builds_each_service_from_its_own_folder():
    found = services()
    for name in APP_SERVICES:
        assert name in found, f"compose.yaml has no `{name}` service yet"
        build = found[name].get("build")
        assert build, f"{name}: build the image from the Dockerfile (`build:`)"
        context = build if isinstance(build, str) else build.get("context", ".")
        assert (DAY_DIR / context).resolve() == (DAY_DIR / "services" / name).resolve(), (
            f"{name}: the build context should be ./services/{name}"
        )
        ports = [
            str(p.get("target", "")) if isinstance(p, dict) else str(p)
            for p in found[name].get("ports") or []
        ]
        assert any(p.split(":")[-1].split("/")[0] == "8000" for p in ports), (
            f"{name}: publish the container's port 8000 on the host"
        )


def test_services_start_only_after_their_dependencies_are_healthy():
    found = services()
    expected = {"users": {"db"}, "orders": {"db", "users"}}
    for name, needs in expected.items():
        assert name in found, f"compose.yaml has no `{name}` service yet"
        deps = depends_on(found[name])
        for dependency in needs:
            assert dependency in deps, f"{name} should depend on {dependency}"
            condition = (deps[dependency] or {}).get("condition")
            assert condition == "service_healthy", (
                f"{name} -> {dependency}: wait for `condition: service_healthy`, not just start"
            )


def test_every_service_has_a_healthcheck_and_a_pinned_image():
    found = services()
    assert set(APP_SERVICES) <= set(found), "add the users and orders services"
    assert "db" in found, "keep the db service"
    for name, service in found.items():
        check = service.get("healthcheck") or {}
        assert check.get("test") and not check.get("disable"), f"{name}: add a healthcheck"
        test = check["test"]
        assert test not in (["NONE"], "NONE"), f"{name}: the healthcheck must really check"
        image = service.get("image")
        if image is None:
            assert service.get("build"), f"{name}: needs an image or a build"
            continue
        tag = image.rsplit("/", 1)[-1].partition(":")[2]
        assert tag and tag != "latest" and any(ch.isdigit() for ch in tag), (
            f"{name}: pin the image to a version tag, not {image!r}"
        )
    db_image = found["db"]["image"]
    assert db_image.startswith("postgres:"), "the database is the official postgres image"


def test_database_settings_come_from_the_env_file():
    found = services()
    raw = (DAY_DIR / "compose.yaml").read_text(encoding="utf-8")
    example = env_example()
    assert "POSTGRES_PASSWORD" in example, ".env.example should define POSTGRES_PASSWORD"
    assert example["POSTGRES_PASSWORD"] not in raw, "a password is written into compose.yaml"
    databases = {}
    for name in APP_SERVICES:
        assert name in found, f"compose.yaml has no `{name}` service yet"
        env = environment_of(found[name])
        assert "DATABASE_URL" in env, f"{name}: set DATABASE_URL"
        assert "${POSTGRES_PASSWORD" in env["DATABASE_URL"] or found[name].get("env_file"), (
            f"{name}: take the password from .env via ${{POSTGRES_PASSWORD}}"
        )
        url = urlsplit(interpolate(env["DATABASE_URL"]))
        assert url.scheme.startswith("postgresql"), f"{name}: DATABASE_URL should be postgresql"
        assert url.hostname == "db", f"{name}: reach Postgres by its service name, db"
        assert url.password == example["POSTGRES_PASSWORD"], f"{name}: wrong password variable"
        databases[name] = url.path.lstrip("/")
    assert databases["users"] != databases["orders"], "each service owns its own database"
    users_url = environment_of(found["orders"]).get("USERS_URL", "")
    assert urlsplit(interpolate(users_url)).hostname == "users", (
        "orders: USERS_URL should reach the users service by its service name"
    )
