"""N+1 removed: one batched request per service per level of the query, never one per object.

The recorders (tests/conftest.py) sit between the gateway and the real services and count
every HTTP request the gateway makes.
"""

from gateway.loaders import align, group
from gateway.rest import BATCH_LIMIT

ORDERS_WITH_USERS = "query($ids: [Int!]!) { orders(ids: $ids) { id userId user { id name } } }"


def test_ten_orders_make_one_batched_users_call(query, add_user, add_order, users_calls):
    people = [add_user(name) for name in ("Ada", "Grace", "Alan", "Edsger")]
    # Ten orders from four users, the users in no particular order.
    owners = [2, 0, 3, 0, 1, 2, 3, 1, 0, 2]
    orders = [add_order(people[i]["id"]) for i in owners]

    data = query(ORDERS_WITH_USERS, {"ids": [order["id"] for order in orders]})

    assert len(data["orders"]) == 10
    for order in data["orders"]:
        assert order["user"]["id"] == order["userId"]
    assert users_calls.paths() == ["/users:batchGet"], "one users request for all ten orders"
    assert sorted(users_calls.ids("id")[0]) == sorted(person["id"] for person in people)


def test_the_ten_orders_themselves_are_one_call(query, add_user, add_order, orders_calls):
    ada = add_user("Ada")
    orders = [add_order(ada["id"]) for _ in range(10)]
    query(ORDERS_WITH_USERS, {"ids": [order["id"] for order in orders]})
    assert orders_calls.paths() == ["/orders:batchGet"]


def test_users_with_their_orders_make_one_orders_call(query, add_user, add_order, orders_calls):
    people = [add_user(name) for name in ("Ada", "Grace", "Alan")]
    for person in people + people:
        add_order(person["id"])
    data = query(
        "query($ids: [Int!]!) { users(ids: $ids) { id orders { userId } } }",
        {"ids": [person["id"] for person in reversed(people)]},
    )
    for user in data["users"]:
        assert [order["userId"] for order in user["orders"]] == [user["id"], user["id"]]
    assert orders_calls.paths() == ["/orders:search"]


def test_no_batch_asks_for_more_ids_than_the_service_accepts(
    query, add_user, add_order, orders_calls
):
    ada = add_user("Ada")
    ids = [add_order(ada["id"])["id"] for _ in range(120)]
    data = query(
        "query($a: [Int!]!, $b: [Int!]!, $c: [Int!]!) {"
        " a: orders(ids: $a) { id } b: orders(ids: $b) { id } c: orders(ids: $c) { id } }",
        {"a": ids[:50], "b": ids[50:100], "c": ids[100:]},
    )
    assert [order["id"] for order in data["a"] + data["b"] + data["c"]] == ids
    sizes = [len(asked) for asked in orders_calls.ids("id")]
    assert sum(sizes) == 120
    assert max(sizes) <= BATCH_LIMIT


def test_every_request_gets_fresh_loaders(query, add_user, add_order, users_calls):
    ada = add_user("Ada")
    order = add_order(ada["id"])
    for _ in range(2):
        assert (
            query(ORDERS_WITH_USERS, {"ids": [order["id"]]})["orders"][0]["user"]["name"] == "Ada"
        )
    assert users_calls.paths() == ["/users:batchGet", "/users:batchGet"], (
        "the second request must not be answered from the first request's cache"
    )


def test_a_user_created_after_a_miss_is_found_by_the_next_request(query, add_user):
    ask = "query($id: Int!) { user(id: $id) { name } }"
    assert query(ask, {"id": 1}) == {"user": None}
    add_user("Ada")
    assert query(ask, {"id": 1}) == {"user": {"name": "Ada"}}


def test_align_follows_the_keys_not_the_rows():
    rows = [{"id": 1, "name": "Ada"}, {"id": 3, "name": "Alan"}]
    assert align([3, 9, 1], rows) == [rows[1], None, rows[0]]
    assert align([], rows) == []


def test_group_gives_every_key_its_rows_even_none():
    rows = [{"id": 1, "user_id": 2}, {"id": 4, "user_id": 7}, {"id": 5, "user_id": 2}]
    grouped = group([7, 3, 2], rows, key=lambda row: row["user_id"])
    assert grouped == [[rows[1]], [], [rows[0], rows[2]]]
