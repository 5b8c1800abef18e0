"""The provider side: replay the gateway's pact against the real Orders service over HTTP."""

import json

import httpx
import pytest
from conftest import ServiceInThread, write_pact
from pact import Verifier
from starlette.middleware.base import BaseHTTPMiddleware
from starlette.responses import Response

from contracts.gateway_orders import NO_ORDER, PENDING_ORDER, SHIPPED_ORDER
from contracts.provider_states import ProviderStates
from services.orders.app import create_app as create_orders_app
from services.orders.store import OrderStore
from services.orders.users_client import UsersClient
from services.users.app import create_app as create_users_app


def orders_provider(store: OrderStore):
    users = UsersClient("http://users.test", transport=httpx.ASGITransport(app=create_users_app()))
    return create_orders_app(users=users, store=store)


def verify(app, states: ProviderStates, pact_dir) -> tuple[bool, str]:
    """Run the Pact verifier against `app` served on 127.0.0.1; (passed, verifier output)."""
    with ServiceInThread(app) as service:
        verifier = (
            Verifier("orders", host="127.0.0.1")
            .add_transport(url=service.url)
            .add_source(pact_dir)
            .state_handler(states, teardown=True)
        )
        try:
            verifier.verify()
        except RuntimeError:
            return False, verifier.output(strip_ansi=True)
        return True, verifier.output(strip_ansi=True)


def test_orders_service_honours_the_gateway_pact(tmp_path):
    write_pact(tmp_path)
    store = OrderStore()
    states = ProviderStates(store)
    passed, output = verify(orders_provider(store), states, tmp_path)
    if not passed:
        pytest.fail(f"pact verification failed:\n{output}")


def test_every_interaction_sets_up_its_provider_state(tmp_path):
    write_pact(tmp_path)
    store = OrderStore()
    states = ProviderStates(store)
    passed, output = verify(orders_provider(store), states, tmp_path)
    setups = [state for state, action in states.seen if action == "setup"]
    assert sorted(setups) == sorted([PENDING_ORDER, PENDING_ORDER, NO_ORDER, SHIPPED_ORDER])
    assert passed, f"pact verification failed:\n{output}"


def test_state_handler_builds_exactly_the_named_state():
    store = OrderStore()
    states = ProviderStates(store)
    states(PENDING_ORDER, "setup")
    assert [(o.id, o.status, o.total_cents) for o in store.for_user(7)] == [(1, "pending", 2500)]
    states(SHIPPED_ORDER, "setup")
    assert [(o.id, o.status) for o in store.for_user(7)] == [(2, "shipped")], "start from empty"
    states(NO_ORDER, "setup")
    assert store.get(99) is None and store.for_user(7) == []
    states(PENDING_ORDER, "setup")
    states(PENDING_ORDER, "teardown")
    assert store.get(1) is None, "teardown must leave nothing behind"
    with pytest.raises(ValueError):
        states("order 3 exists and is on the moon", "setup")


class RenameField(BaseHTTPMiddleware):
    """A provider-side break: every JSON response renames one field (and may change its type)."""

    def __init__(self, app, old: str, new: str, convert=lambda value: value) -> None:
        super().__init__(app)
        self.old, self.new, self.convert = old, new, convert

    async def dispatch(self, request, call_next):
        response = await call_next(request)
        body = b"".join([chunk async for chunk in response.body_iterator])
        data = json.loads(body) if body else None
        if isinstance(data, dict) and self.old in data:
            data[self.new] = self.convert(data.pop(self.old))
            body = json.dumps(data).encode()
        headers = {k: v for k, v in response.headers.items() if k.lower() != "content-length"}
        return Response(body, status_code=response.status_code, headers=headers)


@pytest.mark.parametrize(
    ("old", "new", "convert"),
    [
        ("total_cents", "total", lambda cents: cents),
        ("total_cents", "total_cents", lambda cents: f"{cents / 100:.2f}"),
        ("total_cents", "total_cents", lambda cents: cents / 100),
        ("status", "state", lambda status: status),
        ("status", "status", lambda status: status.upper()),
    ],
    ids=["renamed-total", "total-as-string", "total-in-euros", "renamed-status", "status-upper"],
)
def test_verification_fails_when_the_provider_breaks_a_field_the_gateway_reads(
    tmp_path, old, new, convert
):
    write_pact(tmp_path)
    store = OrderStore()
    app = orders_provider(store)
    app.add_middleware(RenameField, old=old, new=new, convert=convert)
    passed, output = verify(app, ProviderStates(store), tmp_path)
    assert not passed, f"the pact let the provider change {old!r} to {new!r} unnoticed"
