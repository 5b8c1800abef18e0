"""The deploy step's renderer: the Rollout runs the digest CI built, nothing else changes."""

from __future__ import annotations

import pytest

from knowledgecloud.release.manifests import set_image
from tests.conftest import manifests

DIGEST = "ghcr.io/acme/kc/search@sha256:" + "ab" * 32


def test_rollout_runs_the_built_digest_and_other_documents_are_unchanged():
    docs = manifests()
    rendered = set_image(docs, "search", DIGEST)
    [rollout] = [d for d in rendered if d["kind"] == "Rollout"]
    assert rollout["spec"]["template"]["spec"]["containers"][0]["image"] == DIGEST
    others = [d for d in rendered if d["kind"] != "Rollout"]
    assert others == [d for d in docs if d["kind"] != "Rollout"]
    assert rollout["spec"]["strategy"]["canary"].get("steps"), "the canary steps survive"


@pytest.mark.parametrize("image", ["ghcr.io/acme/kc/search:latest", "ghcr.io/acme/kc/search:1.2"])
def test_an_image_by_tag_is_refused(image):
    with pytest.raises(ValueError, match="digest"):
        set_image(manifests(), "search", image)
