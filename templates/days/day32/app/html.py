"""User-supplied HTML, made safe to show to other users (stored XSS is OWASP's A03).

Two different tools for two different inputs:
- plain text (a display name) is *escaped*: `<` becomes `&lt;`, so the browser shows it as text;
- rich text (a bio where bold and links are allowed) is *sanitised* with an allowlist (nh3, a
  binding of the Rust `ammonia` crate, which parses the HTML as a browser would): every tag,
  attribute and URL scheme not on the list is removed.
"""

from __future__ import annotations

import html

import nh3

ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "ul", "ol", "li", "a"}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}
LINK_REL = "nofollow noopener noreferrer"


def clean_bio(raw: str) -> str:
    """The bio with only ALLOWED_TAGS, ALLOWED_ATTRIBUTES and ALLOWED_URL_SCHEMES kept, and
    every link given rel=LINK_REL. Scripts and styles disappear with their content."""
    # BEGIN SOLUTION
    return nh3.clean(
        raw,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel=LINK_REL,
    )
    # STARTER: raise NotImplementedError("TODO(day32): nh3.clean with the allowlists above")
    # END SOLUTION


def profile_page(display_name: str, bio_html: str) -> str:
    """The public profile page. `display_name` is plain text; `bio_html` was cleaned when saved."""
    # BEGIN SOLUTION
    name = html.escape(display_name)
    # STARTER: name = display_name  # TODO(day32): it is text, not HTML
    # END SOLUTION
    return (
        "<!doctype html>\n"
        f'<html lang="en"><head><meta charset="utf-8"><title>{name}</title></head>\n'
        f'<body><h1>{name}</h1>\n<section class="bio">{bio_html}</section></body></html>\n'
    )
