"""Engines with a bounded connection pool.

A pool keeps ``size`` connections open and may open ``max_overflow`` more under a burst. When all
of them are busy, a request waits up to ``timeout`` seconds for one to come back, then SQLAlchemy
raises ``sqlalchemy.exc.TimeoutError``. The app turns that into a 503 (see ``shop/app.py``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from sqlalchemy import create_engine
from sqlalchemy.engine import Engine


@dataclass(frozen=True)
class PoolSettings:
    size: int = 5
    """Connections kept open between requests."""
    max_overflow: int = 5
    """Extra connections allowed under a burst; closed again when returned. Never -1 (unbounded)."""
    timeout: float = 1.0
    """Seconds a request waits for a free connection before it gets a 503. Keep it short."""
    recycle: int = 1800
    """Seconds after which a connection is replaced (servers and proxies drop idle ones)."""


def make_engine(url: str, settings: PoolSettings | None = None) -> Engine:
    """An engine for ``url`` whose pool follows ``settings``."""
    settings = settings if settings is not None else PoolSettings()
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    # BEGIN SOLUTION
    pool_args: dict[str, Any] = {
        "pool_size": settings.size,
        "max_overflow": settings.max_overflow,
        "pool_timeout": settings.timeout,
        "pool_recycle": settings.recycle,
        "pool_pre_ping": True,
    }
    # STARTER: pool_args: dict[str, Any] = {}  # TODO(day29): pass the settings to create_engine
    # END SOLUTION
    return create_engine(url, connect_args=connect_args, **pool_args)
