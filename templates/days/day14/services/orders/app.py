"""The Orders service: stores orders and announces each new one as an order_created event.

It does not know who listens. Run it with the in-memory broker (events stay in the process):
    uvicorn services.orders.app:create_app --factory --port 8002
or against RabbitMQ (compose.yaml) by setting RABBITMQ_URL first.
"""

from __future__ import annotations

import itertools
import os
import threading

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

from messaging import events
from messaging.broker import Broker, InMemoryBroker


class OrderItem(BaseModel):
    sku: str = Field(min_length=1, max_length=40)
    quantity: int = Field(gt=0)
    unit_price_cents: int = Field(ge=0)


class NewOrder(BaseModel):
    user_id: int
    items: list[OrderItem] = Field(min_length=1)


class Order(NewOrder):
    id: int
    total_cents: int


class OrderStore:
    def __init__(self) -> None:
        self._orders: dict[int, Order] = {}
        self._ids = itertools.count(1)
        self._lock = threading.Lock()

    def add(self, new: NewOrder) -> Order:
        total = sum(item.quantity * item.unit_price_cents for item in new.items)
        with self._lock:
            order = Order(id=next(self._ids), total_cents=total, **new.model_dump())
            self._orders[order.id] = order
            return order

    def get(self, order_id: int) -> Order | None:
        return self._orders.get(order_id)


def order_created(order: Order) -> events.Event:
    """The order_created event (version 1) for a freshly stored order.

    Use events.new_event_id(), events.utc_now() and events.OrderCreatedV1 for `data`
    (item_count = the number of units over all lines).
    """
    # BEGIN SOLUTION
    data = events.OrderCreatedV1(
        order_id=order.id,
        user_id=order.user_id,
        total_cents=order.total_cents,
        item_count=sum(item.quantity for item in order.items),
    )
    return events.Event(
        id=events.new_event_id(),
        type=events.ORDER_CREATED,
        version=1,
        occurred_at=events.utc_now(),
        data=data.model_dump(),
    )
    # STARTER: raise NotImplementedError("TODO(day14): build the order_created envelope")
    # END SOLUTION


def broker_from_env() -> Broker:
    """RabbitMQ when RABBITMQ_URL is set, otherwise an in-process broker."""
    if os.environ.get("RABBITMQ_URL"):
        from messaging.rabbitmq import RabbitMQBroker

        return RabbitMQBroker.connect()
    return InMemoryBroker()


def create_app(broker: Broker | None = None, store: OrderStore | None = None) -> FastAPI:
    broker = broker if broker is not None else broker_from_env()
    store = store if store is not None else OrderStore()
    app = FastAPI(title="orders service")
    app.state.store = store

    @app.post("/orders", status_code=201)
    async def create_order(body: NewOrder) -> Order:
        order = store.add(body)
        # BEGIN SOLUTION
        broker.publish(events.ORDER_CREATED, order_created(order))
        # STARTER: # TODO(day14): publish an order_created event for this order on its topic
        # END SOLUTION
        return order

    @app.get("/orders/{order_id}")
    def get_order(order_id: int) -> Order:
        order = store.get(order_id)
        if order is None:
            raise HTTPException(404, detail=f"order {order_id} not found")
        return order

    return app
