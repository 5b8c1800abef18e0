"""The semantic cache, with the real embedding model: paraphrases hit, the rest misses."""

from __future__ import annotations

from knowledgecloud.cost.cache import TTL_SECONDS

PASSWORD = "How do I reset my password?"
UPLOADS = "What file types can I upload?"


def test_a_paraphrase_hits_the_cache(cache):
    cache.put("acme", PASSWORD, "Use 'Forgot password' on the sign-in page.")
    cache.put("acme", UPLOADS, "PDF and DOCX.")

    assert cache.get("acme", "How can I reset the password of my account?") == (
        "Use 'Forgot password' on the sign-in page."
    ), "a paraphrase of a cached question must be served from the cache"
    assert cache.get("acme", "Which file types can be uploaded?") == "PDF and DOCX."
    assert cache.hits == 2


def test_an_unrelated_question_misses(cache):
    cache.put("acme", PASSWORD, "Use 'Forgot password' on the sign-in page.")

    assert cache.get("acme", "What is the capital of France?") is None
    assert cache.get("acme", "How do I change my email address?") is None
    assert cache.misses == 2 and cache.hits == 0


def test_the_most_similar_entry_answers(cache):
    cache.put("acme", UPLOADS, "PDF and DOCX.")
    cache.put("acme", PASSWORD, "Use 'Forgot password' on the sign-in page.")

    assert cache.get("acme", "How can I reset the password of my account?") == (
        "Use 'Forgot password' on the sign-in page."
    )


def test_no_cross_tenant_hits(cache):
    cache.put("acme", PASSWORD, "acme: ask your administrator, sign-in is through SSO.")

    assert cache.get("globex", PASSWORD) is None, (
        "globex was served acme's answer: answers are built from a tenant's own documents"
    )
    assert cache.get("globex", "How can I reset the password of my account?") is None
    assert cache.get("acme", PASSWORD) == "acme: ask your administrator, sign-in is through SSO."


def test_entries_expire(cache, clock):
    cache.put("acme", PASSWORD, "old answer")

    clock.advance(TTL_SECONDS - 1)
    assert cache.get("acme", PASSWORD) == "old answer"
    clock.advance(2)
    assert cache.get("acme", PASSWORD) is None, "an answer older than the TTL must not be served"
