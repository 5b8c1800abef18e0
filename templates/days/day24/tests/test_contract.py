"""The committed stubs are exactly what protoc makes of the committed analytics.proto."""

import pytest

from analytics.codegen import DAY, ProtocError, generate


def test_committed_stubs_equal_a_fresh_generation(tmp_path, capfd):
    try:
        fresh_stubs = generate(tmp_path)
    except ProtocError as error:
        pytest.fail(f"protoc rejected analytics.proto: {error}\n{capfd.readouterr().err}")
    for fresh in fresh_stubs:
        committed = DAY / "analytics" / "v1" / fresh.name
        assert committed.read_bytes() == fresh.read_bytes(), (
            f"{committed.name} does not match analytics.proto: run python -m analytics.codegen"
        )
