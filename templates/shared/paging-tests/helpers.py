"""Walking a paginated list the way a client should: by following `Link: rel="next"`."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

_LINK = re.compile(r'<([^>]*)>\s*;\s*rel="?([^";,]+)"?')


def links(response) -> dict[str, str]:
    """The Link header(s) of a response as {rel: url}."""
    found: dict[str, str] = {}
    for value in response.headers.get_list("link"):
        for url, rel in _LINK.findall(value):
            found[rel] = url
    return found


def walk(api: TestClient, url: str, between_pages=None, max_pages: int = 100) -> list[list[int]]:
    """The ids of every page, following rel="next" until there is none.

    `between_pages(page_number)` runs after each page: the place to insert rows mid-walk.
    """
    pages: list[list[int]] = []
    while url:
        response = api.get(url)
        assert response.status_code == 200, response.text
        body = response.json()
        pages.append([order["id"] for order in body["data"]])
        url = links(response).get("next")
        assert (url is None) == (body["next_cursor"] is None), (
            "the Link header and next_cursor must agree on whether there is a next page"
        )
        if between_pages is not None:
            between_pages(len(pages))
        assert len(pages) <= max_pages, "the walk does not end: a next link loops"
    return pages
