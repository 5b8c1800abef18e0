"""Where to connect: DATABASE_URL, the POSTGRES_* variables, defaults, and a hidden password."""

import pytest

from app.check_db import DbSettings, load_settings


def test_defaults_match_the_compose_setup():
    settings = load_settings({})

    assert settings == DbSettings(
        host="localhost", port=5432, user="course", password="", dbname="backend_course"
    )


def test_separate_variables_override_the_defaults():
    env = {
        "POSTGRES_HOST": "db.internal",
        "POSTGRES_PORT": "6543",
        "POSTGRES_USER": "app",
        "POSTGRES_PASSWORD": "hunter2",
        "POSTGRES_DB": "shop",
    }

    settings = load_settings(env)

    assert settings == DbSettings("db.internal", 6543, "app", "hunter2", "shop")
    assert isinstance(settings.port, int)
    with pytest.raises(ValueError):
        load_settings({"POSTGRES_PORT": "five"})


def test_database_url_wins_and_is_percent_decoded():
    env = {
        "DATABASE_URL": "postgresql://app%40team:p%40ss%3Aword@db.example.test:6000/orders",
        "POSTGRES_HOST": "ignored-host",
        "POSTGRES_USER": "ignored-user",
    }

    assert load_settings(env) == DbSettings(
        host="db.example.test", port=6000, user="app@team", password="p@ss:word", dbname="orders"
    )
    # Port and database name fall back to the defaults when the URL leaves them out.
    short = load_settings({"DATABASE_URL": "postgres://app:pw@db"})
    assert (short.host, short.port, short.dbname) == ("db", 5432, "backend_course")
    # A URL for another database engine is a configuration error, not something to guess at.
    with pytest.raises(ValueError):
        load_settings({"DATABASE_URL": "mysql://app:pw@db:3306/orders"})


def test_password_is_never_shown():
    settings = DbSettings(host="db", port=5432, user="app", password="hunter2", dbname="shop")

    assert "hunter2" not in repr(settings)
    assert "hunter2" not in str(settings)
    assert settings.safe_url() == "postgresql://app:***@db:5432/shop"
    assert DbSettings().safe_url() == "postgresql://course@localhost:5432/backend_course"
