"""Reads go to the replica, writes to the primary, and a client reads its own writes."""

from sqlalchemy import select

from shop.models import User
from tests.conftest import STICKINESS

ADA = {"name": "Ada", "email": "ada@example.com"}
GRACE = {"name": "Grace", "email": "grace@example.com"}


def sign_up(shop, client_id, body=ADA):
    response = shop.client.post("/users", json=body, headers={"X-Client-Id": client_id})
    assert response.status_code == 201, response.text
    return response.json()["id"]


def get_user(shop, client_id, user_id):
    return shop.client.get(f"/users/{user_id}", headers={"X-Client-Id": client_id})


def test_reads_go_to_the_replica(shop):
    user_id = sign_up(shop, "admin")
    shop.clock.advance(STICKINESS + 1)
    shop.replicate()
    shop.log.clear()

    response = get_user(shop, "ada", user_id)

    assert response.status_code == 200, response.text
    assert shop.log.engines("SELECT", "users") == ["replica"]


def test_writes_go_to_the_primary(shop):
    sign_up(shop, "ada")

    assert shop.log.engines("INSERT", "users") == ["primary"]


def test_a_client_reads_its_own_write_right_after_it(shop):
    # The replica has not caught up: only the primary knows Ada yet.
    user_id = sign_up(shop, "ada")
    shop.log.clear()

    response = get_user(shop, "ada", user_id)

    assert response.status_code == 200, (
        f"a client got {response.status_code} reading the user it just created: a stale read"
    )
    assert shop.log.engines("SELECT", "users") == ["primary"]


def test_an_order_placed_right_after_sign_up_sees_the_new_user(shop):
    user_id = sign_up(shop, "ada")

    response = shop.client.post(
        "/orders",
        json={"user_id": user_id, "item": "keyboard", "quantity": 1},
        headers={"X-Client-Id": "ada"},
    )

    assert response.status_code == 201, response.text


def test_a_session_that_wrote_reads_from_the_primary(shop):
    with shop.router.session(None) as session:
        session.add(User(name="Ada", email="ada@example.com"))
        session.flush()
        shop.log.clear()
        found = session.scalars(select(User).where(User.email == "ada@example.com")).first()
        session.commit()

    assert found is not None
    assert shop.log.engines("SELECT", "users") == ["primary"]


def test_other_clients_keep_reading_the_replica(shop):
    user_id = sign_up(shop, "ada")
    shop.log.clear()

    # Grace did not write: her read goes to the replica, which may not know Ada yet.
    response = get_user(shop, "grace", user_id)

    assert shop.log.engines("SELECT", "users") == ["replica"]
    assert response.status_code == 404


def test_reads_stay_on_the_primary_until_the_window_ends(shop):
    user_id = sign_up(shop, "ada")
    shop.replicate()
    shop.clock.advance(STICKINESS - 0.5)
    shop.log.clear()

    assert get_user(shop, "ada", user_id).status_code == 200
    assert shop.log.engines("SELECT", "users") == ["primary"]


def test_reads_return_to_the_replica_after_the_window(shop):
    user_id = sign_up(shop, "ada")
    shop.replicate()
    shop.clock.advance(STICKINESS + 0.5)
    shop.log.clear()

    assert get_user(shop, "ada", user_id).status_code == 200
    assert get_user(shop, "ada", user_id).status_code == 200
    assert shop.log.engines("SELECT", "users") == ["replica", "replica"]


def test_a_new_write_restarts_the_window(shop):
    sign_up(shop, "ada")
    shop.clock.advance(STICKINESS - 1)
    second = sign_up(shop, "ada", GRACE)
    shop.replicate()
    shop.clock.advance(2)  # past the first write's window, inside the second's
    shop.log.clear()

    assert get_user(shop, "ada", second).status_code == 200
    assert shop.log.engines("SELECT", "users") == ["primary"]
