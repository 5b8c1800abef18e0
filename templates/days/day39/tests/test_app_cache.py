"""The application cache: TTL on a fake clock, single-flight, invalidation on writes."""

import asyncio

import httpx
import pytest

from app.app_cache import HIT, MISS, SHARED, SingleFlightCache
from app.main import create_app
from tests.conftest import FakeClock, server_timing


class Computation:
    """A computation the test holds open until it calls release()."""

    def __init__(self, value="catalogue v1"):
        self.calls = 0
        self.value = value
        self.started = asyncio.Event()
        self.gate = asyncio.Event()
        self.error: Exception | None = None

    async def __call__(self):
        self.calls += 1
        self.started.set()
        await self.gate.wait()
        if self.error is not None:
            raise self.error
        return self.value


async def until_started(compute, task):
    """Wait until the computation runs, or the lookup ended without running it."""
    started = asyncio.create_task(compute.started.wait())
    await asyncio.wait({started, task}, return_when=asyncio.FIRST_COMPLETED)
    started.cancel()
    assert compute.started.is_set(), f"the lookup ended without computing: {task.exception()!r}"


async def concurrent_misses(cache, compute, n=10):
    """Start n lookups of one cold key; release the computation only once all n are waiting."""
    arrived = 0
    all_arrived = asyncio.Event()

    async def request():
        nonlocal arrived
        arrived += 1
        if arrived == n:
            all_arrived.set()
        return await cache.get_or_compute("catalogue", compute)

    tasks = [asyncio.create_task(request()) for _ in range(n)]
    # The last request runs on into the cache before this coroutine resumes: all n are inside.
    await all_arrived.wait()
    compute.gate.set()
    return await asyncio.gather(*tasks, return_exceptions=True)


def test_ten_concurrent_misses_run_the_computation_once():
    async def scenario():
        cache = SingleFlightCache(ttl=30, clock=FakeClock())
        compute = Computation()
        results = await concurrent_misses(cache, compute)
        return compute.calls, results

    calls, results = asyncio.run(scenario())
    assert calls == 1, f"{calls} computations for one cold key: a cache stampede"
    assert [value for value, _ in results] == ["catalogue v1"] * 10
    assert sorted(how for _, how in results) == [MISS] + [SHARED] * 9


def test_a_failed_computation_reaches_every_waiter_and_is_not_cached():
    async def scenario():
        cache = SingleFlightCache(ttl=30, clock=FakeClock())
        compute = Computation()
        compute.error = RuntimeError("database went away")
        results = await concurrent_misses(cache, compute)
        compute.error = None
        value, how = await cache.get_or_compute("catalogue", compute)
        return compute.calls, results, value, how

    calls, results, value, how = asyncio.run(scenario())
    assert all(isinstance(r, RuntimeError) for r in results)
    assert (value, how) == ("catalogue v1", MISS), "an error must not be cached"
    assert calls == 2


def test_values_expire_after_the_ttl_on_the_clock():
    async def scenario():
        clock = FakeClock()
        cache = SingleFlightCache(ttl=30, clock=clock)
        compute = Computation()
        compute.gate.set()
        seen = [await cache.get_or_compute("catalogue", compute)]
        clock.advance(29.9)
        seen.append(await cache.get_or_compute("catalogue", compute))
        clock.advance(0.2)
        seen.append(await cache.get_or_compute("catalogue", compute))
        return compute.calls, [how for _, how in seen]

    calls, hows = asyncio.run(scenario())
    assert hows == [MISS, HIT, MISS]
    assert calls == 2


def test_an_invalidation_during_a_computation_discards_its_result():
    async def scenario():
        cache = SingleFlightCache(ttl=30, clock=FakeClock())
        compute = Computation()
        task = asyncio.create_task(cache.get_or_compute("catalogue", compute))
        await until_started(compute, task)
        cache.invalidate("catalogue")  # a write landed while the old data was being read
        compute.gate.set()
        await task
        compute.value = "catalogue v2"
        return await cache.get_or_compute("catalogue", compute), compute.calls

    (value, how), calls = asyncio.run(scenario())
    assert (value, how) == ("catalogue v2", MISS), "the pre-write result was kept in the cache"
    assert calls == 2


def test_the_catalogue_endpoint_queries_once_until_a_write(api, catalog):
    first = api.get("/products")
    api.get("/products")
    assert catalog.catalogue_queries == 1, "the second GET should be a cache hit"
    api.put("/products/1", json={"name": "Espresso cup", "price_cents": 1100})
    after = api.get("/products")
    assert catalog.catalogue_queries == 2, "a write must invalidate the cached catalogue"
    assert [p["price_cents"] for p in after.json()] == [1100, 4900, 1500]
    assert first.headers.get("etag") != after.headers.get("etag")


def test_the_catalogue_expires_on_the_fake_clock(api, catalog, clock):
    api.get("/products")
    clock.advance(29)
    api.get("/products")
    assert catalog.catalogue_queries == 1, "still fresh after 29 s of a 30 s TTL"
    clock.advance(2)
    api.get("/products")
    assert catalog.catalogue_queries == 2, "expired after 31 s"


@pytest.mark.parametrize("path", ["/products", "/products/1", "/static/index.html"])
def test_every_response_reports_its_time_in_server_timing(api, path):
    metrics = server_timing(api.get(path).headers.get("server-timing", ""))
    assert "app" in metrics, "Server-Timing lacks the app's total"
    assert float(metrics["app"]["dur"]) >= 0


def test_server_timing_tells_a_cache_miss_from_a_hit(api):
    miss = server_timing(api.get("/products").headers.get("server-timing", ""))
    hit = server_timing(api.get("/products").headers.get("server-timing", ""))
    assert miss.get("cache", {}).get("desc") == "miss"
    assert float(miss["db"]["dur"]) >= 0, "a miss reports the time of the query"
    assert hit.get("cache", {}).get("desc") == "hit"
    assert "db" not in hit


def test_ten_concurrent_requests_for_a_cold_catalogue_run_one_query(catalog, clock):
    """The same through HTTP: ten GET /products arrive while the first query is still running."""

    async def scenario():
        catalog.gate = asyncio.Event()
        app = create_app(catalog=catalog, clock=clock, ttl=30.0)
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://shop.test") as client:
            tasks = [asyncio.create_task(client.get("/products")) for _ in range(10)]
            # asyncio.sleep(0) waits for no time: each pass lets every ready task take one step,
            # so all ten requests get into the app while the query is held at the gate.
            for _ in range(200):
                if any(t.done() for t in tasks):
                    break
                await asyncio.sleep(0)
            catalog.gate.set()
            return await asyncio.gather(*tasks)

    responses = asyncio.run(scenario())
    assert [r.status_code for r in responses] == [200] * 10
    assert catalog.catalogue_queries == 1, f"{catalog.catalogue_queries} queries for one cold key"
    assert len({r.content for r in responses}) == 1
