"""Retries: bounded, only for failures that can pass, waiting as long as the provider asks."""

from __future__ import annotations

from fakellm import bad_request, rate_limited, server_error, timeout


def chat(shop, message: str = "Is the blue kettle back in stock?"):
    return shop.post("/chat", json={"message": message})


def test_429_waits_for_retry_after_then_succeeds(shop, llm, sleeps, usage_log):
    llm.inject(rate_limited(retry_after=7), calls=[1])
    llm.reply("Yes, since Monday.")

    response = chat(shop)

    assert response.status_code == 200
    assert response.json()["reply"] == "Yes, since Monday."
    assert len(llm.calls) == 2
    assert sleeps.delays == [7.0]
    assert usage_log.all()[0].attempts == 2


def test_fractional_retry_after_is_honoured(shop, llm, sleeps):
    llm.inject(rate_limited(retry_after="1.5"), calls=[1])
    llm.reply("ok")
    assert chat(shop).status_code == 200
    assert sleeps.delays == [1.5]


def test_three_429s_give_a_503_with_retry_after(shop, llm, sleeps, usage_log):
    llm.inject(rate_limited(retry_after=4))

    response = chat(shop)

    assert response.status_code == 503
    assert response.headers["retry-after"] == "4"
    assert len(llm.calls) == 3  # max_attempts, then stop
    assert sleeps.delays == [4.0, 4.0]  # no sleep after the last attempt
    assert usage_log.all() == []


def test_without_retry_after_backoff_doubles(shop, llm, sleeps):
    llm.inject(server_error(500), calls=[1])
    llm.inject(server_error(503), calls=[2])
    llm.reply("Back again.")

    assert chat(shop).status_code == 200
    assert sleeps.delays == [0.5, 1.0]


def test_timeouts_are_retried(shop, llm, sleeps):
    llm.inject(timeout(), calls=[1, 2])
    llm.reply("Finally.")

    assert chat(shop).json()["reply"] == "Finally."
    assert len(llm.calls) == 3
    assert sleeps.delays == [0.5, 1.0]


def test_timeouts_every_time_give_a_503(shop, llm, sleeps):
    llm.inject(timeout())
    response = chat(shop)
    assert response.status_code == 503
    assert len(llm.calls) == 3


def test_bad_request_is_not_retried(shop, llm, sleeps):
    llm.inject(bad_request("context length exceeded"))
    response = chat(shop)
    assert response.status_code == 502
    assert len(llm.calls) == 1
    assert sleeps.delays == []


def test_retry_after_too_long_to_wait_gives_up_at_once(shop, llm, sleeps):
    llm.inject(rate_limited(retry_after=120), calls=[1])
    llm.reply("too late")

    response = chat(shop)

    assert response.status_code == 503
    assert response.headers["retry-after"] == "120"
    assert len(llm.calls) == 1
    assert sleeps.delays == []
