"""The gateway answers the questions the REST services cannot answer in one call."""

ORDER_WITH_USER = "query($id: Int!) { order(id: $id) { id totalCents user { id name } } }"
USER_WITH_ORDERS = "query($id: Int!) { user(id: $id) { name orders { id totalCents } } }"
PLACE_ORDER = """
mutation($userId: Int!) {
  placeOrder(userId: $userId, items: [{sku: "MUG-01", quantity: 2, unitPriceCents: 1250}]) {
    id totalCents user { name orders { id } }
  }
}
"""


def test_an_order_comes_with_the_user_who_placed_it(query, add_user, add_order):
    ada = add_user("Ada")
    order = add_order(ada["id"], quantity=3)
    data = query(ORDER_WITH_USER, {"id": order["id"]})
    assert data["order"] == {
        "id": order["id"],
        "totalCents": 3750,
        "user": {"id": ada["id"], "name": "Ada"},
    }


def test_a_user_comes_with_their_orders_oldest_first(query, add_user, add_order):
    ada, grace = add_user("Ada"), add_user("Grace")
    first, _, second = add_order(ada["id"], 1), add_order(grace["id"]), add_order(ada["id"], 2)
    data = query(USER_WITH_ORDERS, {"id": ada["id"]})
    assert data["user"] == {
        "name": "Ada",
        "orders": [
            {"id": first["id"], "totalCents": 1250},
            {"id": second["id"], "totalCents": 2500},
        ],
    }


def test_unknown_ids_give_null_in_their_place(query, add_user, add_order):
    ada, grace = add_user("Ada"), add_user("Grace")
    first, second = add_order(ada["id"]), add_order(grace["id"])
    data = query(
        "query($o: [Int!]!, $u: [Int!]!) { orders(ids: $o) { id } users(ids: $u) { name } }",
        {"o": [second["id"], 404, first["id"]], "u": [grace["id"], 404, ada["id"]]},
    )
    assert data["orders"] == [{"id": second["id"]}, None, {"id": first["id"]}]
    assert data["users"] == [{"name": "Grace"}, None, {"name": "Ada"}]
    assert query(ORDER_WITH_USER, {"id": 404}) == {"order": None}


def test_an_order_whose_user_is_gone_has_a_null_user_and_the_others_keep_theirs(
    query, add_user, add_order
):
    ada, grace = add_user("Ada"), add_user("Grace")
    orders = [add_order(grace["id"]), add_order(user_id=999), add_order(ada["id"])]
    data = query(
        "query($ids: [Int!]!) { orders(ids: $ids) { userId user { id name } } }",
        {"ids": [order["id"] for order in orders]},
    )
    assert data["orders"] == [
        {"userId": grace["id"], "user": {"id": grace["id"], "name": "Grace"}},
        {"userId": 999, "user": None},
        {"userId": ada["id"], "user": {"id": ada["id"], "name": "Ada"}},
    ]


def test_place_order_goes_through_the_orders_service(query, add_user, orders_calls):
    ada = add_user("Ada")
    data = query(PLACE_ORDER, {"userId": ada["id"]})
    placed = data["placeOrder"]
    assert placed["totalCents"] == 2500
    assert placed["user"] == {"name": "Ada", "orders": [{"id": placed["id"]}]}
    assert ("POST", "/orders") in [(r.method, r.url.path) for r in orders_calls.requests]


def test_place_order_for_an_unknown_user_is_a_graphql_error(graphql):
    answer = graphql(PLACE_ORDER, {"userId": 999})
    assert answer["data"] is None
    assert "user 999 does not exist" in answer["errors"][0]["message"]


def test_a_second_order_in_one_request_sees_the_first(graphql, add_user):
    """Mutations run one after the other; each must see the orders the previous one placed."""
    ada = add_user("Ada")
    line = '[{sku: "MUG-01", quantity: 1, unitPriceCents: 100}]'
    answer = graphql(
        f"""mutation($u: Int!) {{
          a: placeOrder(userId: $u, items: {line}) {{ id user {{ orders {{ id }} }} }}
          b: placeOrder(userId: $u, items: {line}) {{ id user {{ orders {{ id }} }} }}
        }}""",
        {"u": ada["id"]},
    )
    assert not answer.get("errors"), answer.get("errors")
    a, b = answer["data"]["a"], answer["data"]["b"]
    assert a["user"]["orders"] == [{"id": a["id"]}]
    assert b["user"]["orders"] == [{"id": a["id"]}, {"id": b["id"]}]
