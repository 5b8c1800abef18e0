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
