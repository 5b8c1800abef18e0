"""The Orders service: an order is stored, then paid through the Payments service.

Run it with:
    PAYMENTS_URL=http://127.0.0.1:8003 uvicorn app.orders:create_app --factory --port 8002
"""

from __future__ import annotations

import math

from fastapi import FastAPI, HTTPException
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from app.payments_client import CardDeclined, PaymentsClient, PaymentsUnavailable


class NewOrder(BaseModel):
    user_id: int
    product_id: int
    quantity: int
    amount_cents: int


def create_app(payments: PaymentsClient | None = None) -> FastAPI:
    payments = payments if payments is not None else PaymentsClient.from_env()
    orders: dict[int, dict] = {}
    app = FastAPI(title="orders service")
    app.state.orders = orders

    @app.post("/orders", status_code=201)
    async def create_order(body: NewOrder):
        order = {"id": len(orders) + 1, **body.model_dump(), "status": "pending"}
        orders[order["id"]] = order
        try:
            # BEGIN SOLUTION
            key = f"order-{order['id']}"
            # STARTER: key = None  # TODO(day40): a key making a repeated charge harmless
            # END SOLUTION
            charge = await payments.charge(order["id"], body.amount_cents, idempotency_key=key)
        except CardDeclined as exc:
            order["status"] = "declined"
            raise HTTPException(402, detail=str(exc)) from exc
        except PaymentsUnavailable as exc:
            order["status"] = "payment_pending"
            return JSONResponse(
                {"detail": "payments unavailable, try again later", "order": order},
                status_code=503,
                headers={"Retry-After": str(max(1, math.ceil(exc.retry_after)))},
            )
        order["status"] = "paid"
        order["charge_id"] = charge["id"]
        return order

    @app.get("/orders/{order_id}")
    def get_order(order_id: int) -> dict:
        if order_id not in orders:
            raise HTTPException(404, detail=f"order {order_id} not found")
        return orders[order_id]

    return app
