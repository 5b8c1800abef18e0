"""Valid but abusive queries are refused before they cost anything."""

from gateway.limits import MAX_DEPTH, MAX_IDS


def nested(levels: int) -> str:
    """order -> user -> orders -> user ... with `levels` relation fields under `order`.

    Its depth is levels + 1: the top field (order) is at depth 0, the leaf (id) at levels + 1.
    """
    inner = "id"
    for level in reversed(range(levels)):
        inner = f"{'user' if level % 2 == 0 else 'orders'} {{ {inner} }}"
    return f"{{ order(id: 1) {{ {inner} }} }}"


def test_a_query_at_the_depth_limit_runs(query, add_user, add_order):
    ada = add_user("Ada")
    order = add_order(ada["id"])
    data = query(nested(MAX_DEPTH - 1))
    assert data["order"]["user"]["orders"][0]["user"]["orders"] == [{"id": order["id"]}]


def test_a_query_deeper_than_the_limit_is_refused_before_any_call(
    graphql, add_user, add_order, users_calls, orders_calls
):
    ada = add_user("Ada")
    add_order(ada["id"])
    answer = graphql(nested(MAX_DEPTH))  # one level deeper than allowed
    assert answer.get("data") is None
    assert answer.get("errors"), "a too-deep query must be an error"
    assert "exceeds maximum operation depth" in answer["errors"][0]["message"]
    assert users_calls.requests == [] and orders_calls.requests == []


def test_too_many_ids_is_refused_before_any_call(graphql, users_calls):
    answer = graphql("query($ids: [Int!]!) { users(ids: $ids) { id } }", {"ids": list(range(100))})
    assert answer["errors"][0]["message"] == f"at most {MAX_IDS} ids per field, got 100"
    assert users_calls.requests == []
