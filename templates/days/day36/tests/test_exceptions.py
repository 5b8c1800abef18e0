"""An unhandled exception: one log line with its stack trace, a clean 500, nothing printed."""

from conftest import build_shop

from observability.request_id import REQUEST_ID


def test_an_exception_is_logged_once_with_its_stack_trace(capsys):
    shop = build_shop()

    def reconcile_ledger() -> None:
        raise RuntimeError("ledger out of balance")

    shop.orders.app.add_api_route("/orders/reconcile", reconcile_ledger, methods=["POST"])
    response = shop.orders.post("/orders/reconcile", headers={"X-Request-Id": "rq-500"})

    assert response.status_code == 500
    assert response.headers.get(REQUEST_ID) == "rq-500", "errors carry the request id too"
    assert "ledger out of balance" not in response.text, "internals stay in the logs"
    records = shop.orders_logs.records()
    with_trace = [r for r in records if r.get("exception")]
    assert len(with_trace) == 1, f"the exception must be logged exactly once: {records}"
    (failure,) = with_trace
    assert failure["level"] == "error" and failure["status"] == 500
    assert failure["request_id"] == "rq-500" and failure["route"] == "POST /orders/reconcile"
    assert "Traceback" in failure["exception"] and "reconcile_ledger" in failure["exception"]
    assert "ledger out of balance" in failure["exception"]
    assert len([r for r in records if "status" in r]) == 1, "one summary line per request"
    printed = capsys.readouterr()
    assert "Traceback" not in printed.out + printed.err, "logged, not printed"
