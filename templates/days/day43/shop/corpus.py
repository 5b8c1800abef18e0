"""The help centre: one Markdown article per file in `shop/helpcentre/`, read into memory.

An article's id is its file name without `.md` (`returns`, `refunds`...). Chunk ids are built
from it, so a citation such as `[returns#1]` tells a support agent which article to open. The
file's first line (`# Title`) is the article's title; the text is what follows it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HELPCENTRE = Path(__file__).parent / "helpcentre"


@dataclass(frozen=True)
class Article:
    id: str
    title: str
    text: str


def load_articles(folder: Path = HELPCENTRE) -> list[Article]:
    """Every article of the folder, sorted by id (so chunk order is the same on every run)."""
    articles = []
    for path in sorted(folder.glob("*.md")):
        first, _, body = path.read_text(encoding="utf-8").partition("\n")
        articles.append(Article(path.stem, first.lstrip("# ").strip(), body.lstrip("\n")))
    return articles
