"""The sliding-window limiter: behaviour over a fake clock, and how it talks to Redis."""

from app.ratelimit import SlidingWindowLimiter


def limiter(r, clock, limit=5, window=60):
    return SlidingWindowLimiter(r, clock, limit=limit, window_seconds=window)


def test_sixth_request_in_the_window_is_refused_with_a_retry_after(r, clock):
    lim = limiter(r, clock)
    start = clock.now()
    remaining = []
    for _ in range(5):
        decision = lim.hit("10.0.0.1")
        assert decision.allowed
        remaining.append(decision.remaining)
        clock.advance(1)
    assert remaining == [4, 3, 2, 1, 0]

    sixth = lim.hit("10.0.0.1")  # 5 s after the first request
    assert not sixth.allowed
    assert sixth.remaining == 0
    # The first request leaves the 60 s window at start + 60: 55 s from now.
    assert sixth.retry_after == 55
    assert clock.now() == start + 5


def test_refused_requests_do_not_count_and_the_window_slides(r, clock):
    lim = limiter(r, clock)
    for _ in range(5):
        assert lim.hit("a").allowed
        clock.advance(10)  # requests at 0, 10, 20, 30, 40
    for _ in range(3):
        assert not lim.hit("a").allowed  # at 50: refused, and not recorded

    clock.advance(10)  # now 60: the request made at 0 has left the window, one slot is free
    assert lim.hit("a").allowed
    refused = lim.hit("a")
    assert not refused.allowed
    assert refused.retry_after == 10  # the request at 10 leaves at 70

    clock.advance(120)  # a long pause: the whole window is empty again
    assert [lim.hit("a").allowed for _ in range(6)] == [True] * 5 + [False]


def test_retry_after_is_rounded_up_to_whole_seconds(r, clock):
    lim = limiter(r, clock)
    for _ in range(5):
        assert lim.hit("a").allowed
    clock.advance(59.7)  # the oldest request leaves the window in 0.3 s
    refused = lim.hit("a")
    assert not refused.allowed
    assert refused.retry_after == 1, "Retry-After must be a whole number of seconds, at least 1"
    clock.advance(1)
    assert lim.hit("a").allowed


def test_no_double_burst_across_a_window_boundary(r, clock):
    """A fixed window (a counter per minute) lets 2 x limit through around the minute change."""
    clock.t = 6_000_000.0 + 55  # 55 s into a minute
    lim = limiter(r, clock)
    assert all(lim.hit("a").allowed for _ in range(5))
    clock.advance(10)  # 5 s into the next minute
    assert not lim.hit("a").allowed, "10 requests in 10 seconds got through a limit of 5/min"


def test_clients_are_counted_separately(r, clock):
    lim = limiter(r, clock, limit=2)
    assert [lim.hit("a").allowed for _ in range(3)] == [True, True, False]
    assert lim.hit("b").allowed


def test_each_request_is_one_atomic_script_call(r, clock):
    lim = limiter(r, clock)
    lim.hit("warm-up")  # the first call may load the script (SCRIPT LOAD) before EVALSHA
    for i in range(7):
        r.calls.clear()
        lim.hit("a")
        assert r.names() == ["EVALSHA"], (
            f"request {i + 1} sent {r.names()}: the check and the update must be one script "
            "call (EVALSHA), not a read followed by a write"
        )
        clock.advance(1)


def test_every_limiter_key_expires_on_its_own(r, clock):
    lim = limiter(r, clock, window=60)
    for client in ("a", "b", "c"):
        for _ in range(7):  # some allowed, some refused
            lim.hit(client)
    keys = r.keys("*")
    assert keys, "the limiter stored nothing in Redis"
    for key in keys:
        ttl = r.pttl(key)
        assert ttl != -1, f"{key} has no expiry: every client ever seen stays in memory forever"
        assert 0 < ttl <= 60_000, f"{key} expires in {ttl} ms, expected within the window"


def test_two_servers_racing_for_the_last_slot_let_only_one_through(connect, clock):
    """Two app servers share one Redis and one client has one slot left. Server B's whole request
    is slotted in after each of server A's Redis commands in turn (and before A, and after A):
    whatever the timing, exactly one of the two requests may get through."""
    redis_a, redis_b = connect(), connect()
    server_a, server_b = limiter(redis_a, clock), limiter(redis_b, clock)
    for k in range(6):
        client = f"client-{k}"
        for _ in range(4):
            assert server_a.hit(client).allowed  # 4 of 5 used: one slot left
        results = {}

        def request_b(client=client, results=results):
            results["b"] = server_b.hit(client)

        if k == 0:
            request_b()
        else:
            redis_a.interleave(k, request_b)
        results["a"] = server_a.hit(client)
        redis_a.interleave(0, None)
        if "b" not in results:
            request_b()  # server A was done in fewer than k commands

        allowed = [name for name in ("a", "b") if results[name].allowed]
        where = "before A" if k == 0 else f"after A's command {k}"
        assert len(allowed) == 1, (
            f"with server B's request {where}, {len(allowed)} requests took the last slot: "
            "the count was read and written in separate steps"
        )
        assert not server_b.hit(client).allowed
