"""The order lifecycle rules on their own."""

import pytest

from services.orders.lifecycle import TransitionRefused, next_status

ALLOWED = {
    ("pending", "pay"): "paid",
    ("paid", "ship"): "shipped",
    ("pending", "cancel"): "cancelled",
    ("paid", "cancel"): "cancelled",
}
STATUSES = ["pending", "paid", "shipped", "cancelled"]
ACTIONS = ["pay", "ship", "cancel"]


@pytest.mark.parametrize(("current", "action"), sorted(ALLOWED))
def test_allowed_transition_gives_the_next_status(current, action):
    assert next_status(current, action) == ALLOWED[(current, action)]


REFUSED = [(s, a) for s in STATUSES for a in ACTIONS if (s, a) not in ALLOWED]


@pytest.mark.parametrize(("current", "action"), REFUSED)
def test_every_other_transition_is_refused(current, action):
    with pytest.raises(TransitionRefused) as refused:
        next_status(current, action)
    assert current in str(refused.value) and action in str(refused.value)
