"""Tokens for the keyword index."""

from __future__ import annotations

import re

# Words and numbers, keeping codes such as "EL-2077", "HX-200" or "2.4" in one piece.
TOKEN = re.compile(r"[a-z0-9]+(?:[-.][a-z0-9]+)*")


# Words too common to tell products apart; BM25 would give them a little weight anyway.
STOPWORDS = frozenset(
    "a an and are at as be by for from i in into is it its me my of on or so that the this to up "
    "with you your something".split()
)


def tokenize(text: str) -> list[str]:
    return [token for token in TOKEN.findall(text.lower()) if token not in STOPWORDS]
