from app.cache import profile_key, settings_key, tags_key


def test_profile_is_read_through_once_then_served_from_a_hash_with_ttl(cache, source, r):
    first = cache.get_profile("ada")
    assert first == {"name": "Ada", "email": "ada@example.com"}
    assert source.reads == 1

    assert r.type(profile_key("ada")) == "hash"
    assert r.hget(profile_key("ada"), "email") == "ada@example.com"
    assert 0 < r.ttl(profile_key("ada")) <= 120, "cached entries need a TTL"

    assert cache.get_profile("ada") == first
    assert source.reads == 1, "the second read should have been a cache hit"

    assert cache.get_profile("nobody") is None
    assert not r.exists(profile_key("nobody"))


def test_update_profile_writes_the_source_then_invalidates_the_cache(cache, source, r):
    cache.get_profile("ada")
    assert cache.update_profile("ada", {"name": "Ada Lovelace"}) is True

    assert not r.exists(profile_key("ada")), "the stale profile is still cached"
    assert cache.get_profile("ada")["name"] == "Ada Lovelace"
    assert source.reads == 2
    assert source.load_profile("ada")["name"] == "Ada Lovelace"


def test_settings_are_cached_as_a_json_string_and_invalidated_on_write(cache, source, r):
    settings = cache.get_settings("alan")
    assert settings["notifications"] == {"email": True, "push": False}
    assert r.type(settings_key("alan")) == "string"
    assert 0 < r.ttl(settings_key("alan")) <= 120

    cache.get_settings("alan")
    assert source.reads == 1

    new = {**settings, "theme": "dark"}
    assert cache.update_settings("alan", new) is True
    assert cache.get_settings("alan")["theme"] == "dark"
    assert source.reads == 2
    assert cache.get_settings("nobody") is None


def test_tags_live_in_a_set_with_server_side_intersection(cache, r):
    assert cache.tag_user("ada", "python", "math", "python") == 2
    assert cache.tag_user("ada", "math", "poetry") == 1
    assert cache.tag_user("alan", "math", "python", "chess") == 3

    assert r.type(tags_key("ada")) == "set"
    assert cache.tags_of("ada") == {"python", "math", "poetry"}
    assert cache.common_tags("ada", "alan") == {"python", "math"}
    assert cache.common_tags("ada", "nobody") == set()


def test_common_tags_are_intersected_by_redis_in_one_command(cache, r):
    cache.tag_user("ada", "python", "math", "poetry")
    cache.tag_user("alan", "math", "python", "chess")
    r.commands.clear()

    assert cache.common_tags("ada", "alan") == {"python", "math"}
    assert r.commands == ["SINTER"], (
        "fetching both sets and intersecting them in Python moves every member over the network"
    )


def test_a_read_during_the_profile_write_cannot_leave_the_old_profile_cached(cache, source):
    cache.get_profile("ada")
    save = source.save_profile

    def save_while_another_request_reads(user_id, changes):
        cache.get_profile(user_id)  # another request, served while this write is in flight
        return save(user_id, changes)

    source.save_profile = save_while_another_request_reads
    assert cache.update_profile("ada", {"name": "Ada Lovelace"}) is True

    assert cache.get_profile("ada")["name"] == "Ada Lovelace", (
        "the old profile was cached again between the invalidation and the write"
    )


def test_a_read_during_the_settings_write_cannot_leave_old_settings_cached(cache, source):
    settings = cache.get_settings("alan")
    save = source.save_settings

    def save_while_another_request_reads(user_id, new):
        cache.get_settings(user_id)
        return save(user_id, new)

    source.save_settings = save_while_another_request_reads
    assert cache.update_settings("alan", {**settings, "theme": "dark"}) is True

    assert cache.get_settings("alan")["theme"] == "dark"
