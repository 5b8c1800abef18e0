"""Render the k8s/ manifests with the image CI just built, pinned by digest.

`kubectl set image` does not know Argo's Rollout kind, and applying k8s/ unchanged would roll the
placeholder image out first. So the pipeline pipes the manifests through this module:

    python -m knowledgecloud.release.manifests --image ghcr.io/o/search@sha256:... k8s/*.yaml \\
        | kubectl apply -f -
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import yaml

DIGEST_REF = re.compile(r"^[a-z0-9.\-/:]+@sha256:[0-9a-f]{64}$")


def set_image(docs: list[dict], container: str, image: str) -> list[dict]:
    """A copy of `docs` where `container` of every Rollout runs `image`. The image must be pinned
    by digest (`name@sha256:<64 hex>`): a tag can be moved after the tests ran."""
    # BEGIN SOLUTION
    if not DIGEST_REF.match(image):
        raise ValueError(f"{image!r} is not pinned by digest (expected name@sha256:<64 hex>)")
    out = []
    found = False
    for doc in docs:
        doc = yaml.safe_load(yaml.safe_dump(doc))  # a deep copy
        if doc.get("kind") == "Rollout":
            for c in doc["spec"]["template"]["spec"]["containers"]:
                if c["name"] == container:
                    c["image"] = image
                    found = True
        out.append(doc)
    if not found:
        raise ValueError(f"no Rollout has a container named {container!r}")
    return out
    # STARTER: raise NotImplementedError("TODO(day56): pin the Rollout's image to the digest")
    # END SOLUTION


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m knowledgecloud.release.manifests")
    parser.add_argument("--image", required=True)
    parser.add_argument("--container", default="search")
    parser.add_argument("files", nargs="+", type=Path)
    args = parser.parse_args(argv)
    docs = [
        d
        for f in args.files
        for d in yaml.safe_load_all(f.read_text(encoding="utf-8"))
        if isinstance(d, dict)
    ]
    try:
        rendered = set_image(docs, args.container, args.image)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    sys.stdout.write(yaml.safe_dump_all(rendered, sort_keys=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
