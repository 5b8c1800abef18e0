"""A handful of help-centre snippets to search, with metadata to filter on."""

from __future__ import annotations

_ROWS = [
    # id, topic, lang, text
    ("auth-1", "auth", "en", "Reset your password on the login page with the forgot password link"),
    ("auth-2", "auth", "en", "Turn on two-factor authentication to protect your account login"),
    ("auth-3", "auth", "de", "Passwort zuruecksetzen ueber den Link auf der Anmeldeseite"),
    ("billing-1", "billing", "en", "Download invoices and receipts for every billing payment"),
    ("billing-2", "billing", "en", "Change the credit card used for your monthly subscription"),
    ("shipping-1", "shipping", "en", "Track the delivery of your parcel with the tracking number"),
    ("shipping-2", "shipping", "en", "Return an item within thirty days to get a shipping refund"),
    ("api-1", "api", "en", "Create an API key in the developer settings to call REST endpoints"),
]

DOCS: list[dict[str, str]] = [
    {"id": doc_id, "topic": topic, "lang": lang, "text": text}
    for doc_id, topic, lang, text in _ROWS
]
