"""HTTP caching rules: validators (ETag) and freshness (Cache-Control).

RFC 9110 section 8.8.3 defines entity tags, section 13.1.2 `If-None-Match`; RFC 9111 defines
`Cache-Control`; RFC 8246 the `immutable` directive.
"""

from __future__ import annotations

import hashlib
import re

# Personal data: no shared cache may keep it, and the browser should not store it either.
PERSONAL = "private, no-store"
# Public data that changes: any cache may keep a copy but must ask (revalidate) before using it.
REVALIDATE = "public, no-cache"
# A file whose name carries a hash of its content: its bytes never change under that name.
FOREVER = "public, max-age=31536000, immutable"

# `name.<8 or more hex digits>.ext`, the way bundlers name hashed assets.
HASHED_NAME = re.compile(r"\.[0-9a-f]{8,}\.[A-Za-z0-9]+$")


def strong_etag(body: bytes) -> str:
    """A strong entity tag for exactly these bytes: same bytes, same tag; any change, new tag."""
    # BEGIN SOLUTION
    return '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    # STARTER: raise NotImplementedError("TODO(day39): derive a strong ETag from the body's bytes")
    # END SOLUTION


def if_none_match(header: str | None, etag: str) -> bool:
    """True when the client's `If-None-Match` names `etag`, so a 304 can replace the body.

    The header is `*` or a comma-separated list of tags; `If-None-Match` uses the weak
    comparison, so `W/"x"` matches `"x"`.
    """
    # BEGIN SOLUTION
    if header is None:
        return False
    if header.strip() == "*":
        return True

    def opaque(tag: str) -> str:
        tag = tag.strip()
        return tag[2:] if tag.startswith("W/") else tag

    return any(opaque(tag) == opaque(etag) for tag in header.split(","))
    # STARTER: raise NotImplementedError("TODO(day39): does If-None-Match name this ETag?")
    # END SOLUTION


def asset_cache_control(name: str) -> str:
    """Cache-Control for a static file: forever if its name is content-hashed, else revalidate."""
    # BEGIN SOLUTION
    return FOREVER if HASHED_NAME.search(name) else REVALIDATE
    # STARTER: raise NotImplementedError("TODO(day39): choose Cache-Control for a static file")
    # END SOLUTION
