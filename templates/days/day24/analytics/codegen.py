"""Generate the Python stubs of proto/analytics/v1/analytics.proto with grpcio-tools' protoc.

    python -m analytics.codegen            # writes analytics/v1/analytics_pb2*.py(i)

The stubs are committed, so the code runs without a build step; tests/test_contract.py
regenerates them into a temporary folder and checks that the committed ones are identical.
"""

from __future__ import annotations

import sys
from importlib.resources import files
from pathlib import Path

from grpc_tools import protoc

DAY = Path(__file__).resolve().parent.parent
PROTO_ROOT = DAY / "proto"
PROTO = PROTO_ROOT / "analytics" / "v1" / "analytics.proto"
GENERATED = ("analytics_pb2.py", "analytics_pb2.pyi", "analytics_pb2_grpc.py")


class ProtocError(Exception):
    """protoc rejected the .proto file (its messages are printed on stderr)."""


def generate(out_dir: Path) -> list[Path]:
    """Run protoc for analytics.proto into `out_dir`; the stubs land in out_dir/analytics/v1/."""
    well_known = files("grpc_tools") / "_proto"  # google/protobuf/timestamp.proto and friends
    status = protoc.main(
        [
            "protoc",
            f"-I{PROTO_ROOT}",
            f"-I{well_known}",
            f"--python_out={out_dir}",
            f"--pyi_out={out_dir}",
            f"--grpc_python_out={out_dir}",
            str(PROTO),
        ]
    )
    if status != 0:
        raise ProtocError(f"protoc failed with exit status {status}: see its messages on stderr")
    return [out_dir / "analytics" / "v1" / name for name in GENERATED]


if __name__ == "__main__":
    for path in generate(DAY):
        print(f"wrote {path.relative_to(DAY)}")
    sys.exit(0)
