"""The shop API.

    uv run uvicorn shop.app:create_app --factory --port 8000
    then open http://localhost:8000/docs

Everything a client needs to know about an operation belongs in its decorator: a summary (the
one-line name in Swagger UI and in generated clients), a description (when to call it and what
it does), its tag, and every error it can answer with. `GET /users/{user_id}` is documented
as an example; document the others the same way.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from fastapi import FastAPI
# BEGIN SOLUTION
from fastapi.routing import APIRoute
# END SOLUTION

from shop import models
from shop.problems import TYPE_BASE, ProblemError, install_problem_handlers, problem
from shop.spec import install_openapi
from shop.store import (
    AlreadyCancelled,
    EmailTaken,
    OrderRow,
    OutOfStock,
    ShopStore,
    UnknownProduct,
    UnknownUser,
)

# BEGIN SOLUTION
DESCRIPTION = """\
The shop's public API: register users, browse the catalogue, place and cancel orders.

* Bodies are JSON; field names are `snake_case`; money is an integer number of euro cents
  (`price_cents`); times are RFC 3339 timestamps in UTC (`created_at`).
* Every error is a problem document (RFC 9457, `application/problem+json`): switch on its
  `type`, show its `detail` to people.
* Collections are objects with an `items` array, so they can grow paging fields later.

A walkthrough with `curl` is in `docs/usage-guide.md`.
"""

TAGS = [
    {"name": "users", "description": "Customers of the shop: register them, look them up."},
    {"name": "products", "description": "The catalogue, with prices and what is in stock."},
    {"name": "orders", "description": "Placing orders, reading them back, cancelling them."},
]

VALIDATION_PROBLEM = problem(
    "The request does not match its schema; `detail` names the first offending field.",
    example={
        "type": TYPE_BASE + "invalid-input",
        "title": "Invalid Input",
        "status": 422,
        "detail": "body.lines.0.quantity: Input should be greater than 0",
    },
)


def operation_id(route: APIRoute) -> str:
    """Operation ids are the function names: `create_order`, not `create_order_orders_post`."""
    return route.name


# STARTER:
# END SOLUTION
def not_found(kind: str, number: int) -> ProblemError:
    return ProblemError(404, "not-found", "Not Found", f"{kind} {number} not found")


def order_out(order: OrderRow) -> models.Order:
    lines = [
        models.OrderLine(
            product_id=line.product_id,
            quantity=line.quantity,
            unit_price_cents=line.unit_price_cents,
        )
        for line in order.lines
    ]
    return models.Order(
        id=order.id,
        # BEGIN SOLUTION
        user_id=order.user_id,
        # STARTER: userId=order.user_id,
        # END SOLUTION
        status=order.status,
        lines=lines,
        total_cents=order.total_cents,
        # BEGIN SOLUTION
        created_at=order.created_at,
        # STARTER: createdAt=order.created_at,
        # END SOLUTION
        cancelled_at=order.cancelled_at,
    )


def create_app(clock: Callable[[], datetime] | None = None) -> FastAPI:
    store = ShopStore(clock=clock or (lambda: datetime.now(UTC)))
    # BEGIN SOLUTION
    app = FastAPI(
        title="Shop API",
        version="1.0.0",
        description=DESCRIPTION,
        openapi_tags=TAGS,
        servers=[{"url": "http://localhost:8000", "description": "Your machine (uvicorn)"}],
        generate_unique_id_function=operation_id,
        responses={422: VALIDATION_PROBLEM},
        docs_url="/docs",
        redoc_url=None,
    )
    # STARTER: # TODO(day25): describe the API (description, tags, servers), name operations after
    # STARTER: # their functions, document 422 as a problem, and serve Swagger UI at /docs.
    # STARTER: app = FastAPI(title="shop", version="1.0.0", docs_url=None, redoc_url=None)
    # END SOLUTION
    app.state.store = store
    install_problem_handlers(app)
    install_openapi(app)

    @app.get("/health", include_in_schema=False)
    def health() -> dict[str, str]:
        return {"status": "ok"}

    # BEGIN SOLUTION
    @app.post(
        "/users",
        status_code=201,
        tags=["users"],
        summary="Register a user",
        description="Creates a user. The e-mail address is stored in lower case and must be "
        "unique: registering it twice gives 409.",
        responses={
            409: problem(
                "Another user already registered this e-mail address.",
                example={
                    "type": TYPE_BASE + "email-taken",
                    "title": "E-mail Taken",
                    "status": 409,
                    "detail": "ada@example.com is already registered",
                },
            )
        },
    )
    # STARTER: @app.post("/users", status_code=201)
    # END SOLUTION
    def create_user(body: models.NewUser) -> models.User:
        try:
            user = store.add_user(body.email, body.name)
        except EmailTaken as exc:
            raise ProblemError(
                409, "email-taken", "E-mail Taken", f"{exc} is already registered"
            ) from exc
        return models.User(id=user.id, email=user.email, name=user.name, created_at=user.created_at)

    @app.get(
        "/users/{user_id}",
        tags=["users"],
        summary="Get a user",
        description="Returns one user by id.",
        responses={
            404: problem(
                "No user has this id.",
                example={
                    "type": TYPE_BASE + "not-found",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "user 42 not found",
                },
            )
        },
    )
    def get_user(user_id: int) -> models.User:
        user = store.users.get(user_id)
        if user is None:
            raise not_found("user", user_id)
        return models.User(id=user.id, email=user.email, name=user.name, created_at=user.created_at)

    # BEGIN SOLUTION
    @app.get(
        "/products",
        tags=["products"],
        summary="List products",
        description="Returns the catalogue in id order. With `in_stock=true` only what can be "
        "ordered now, with `in_stock=false` only what is sold out.",
    )
    def list_products(in_stock: bool | None = None) -> models.ProductList:
        items = [models.Product(**vars(row)) for row in store.list_products(in_stock)]
        return models.ProductList(items=items)
    # STARTER: @app.get("/products")
    # STARTER: def list_products(in_stock: bool | None = None) -> list[models.Product]:
    # STARTER:     return [models.Product(**vars(row)) for row in store.list_products(in_stock)]
    # END SOLUTION

    # BEGIN SOLUTION
    @app.get(
        "/products/{product_id}",
        tags=["products"],
        summary="Get a product",
        description="Returns one product with its current price and stock.",
        responses={
            404: problem(
                "No product has this id.",
                example={
                    "type": TYPE_BASE + "not-found",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "product 99 not found",
                },
            )
        },
    )
    def get_product(product_id: int) -> models.Product:
    # STARTER: @app.get("/product/{id}")
    # STARTER: def get_product(id: int) -> models.Product:
    # STARTER:     product_id = id
    # END SOLUTION
        product = store.products.get(product_id)
        if product is None:
            raise not_found("product", product_id)
        return models.Product(**vars(product))

    # BEGIN SOLUTION
    @app.post(
        "/orders",
        status_code=201,
        tags=["orders"],
        summary="Place an order",
        description="Places an order for a user and takes the units out of stock, all lines or "
        "none. The unit price of each line is the product's price at this moment.",
        responses={
            409: problem(
                "A line asks for more units than are in stock; nothing was ordered.",
                example={
                    "type": TYPE_BASE + "out-of-stock",
                    "title": "Out Of Stock",
                    "status": 409,
                    "detail": "product 3: 1 requested, 0 in stock",
                },
            ),
            422: problem(
                "The body is invalid, or refers to a user or product that does not exist.",
                example={
                    "type": TYPE_BASE + "unknown-reference",
                    "title": "Unknown Reference",
                    "status": 422,
                    "detail": "user 42 does not exist",
                },
            ),
        },
    )
    # STARTER: @app.post("/orders", status_code=201)
    # END SOLUTION
    def create_order(body: models.NewOrder) -> models.Order:
        lines = [(line.product_id, line.quantity) for line in body.lines]
        try:
            order = store.place_order(body.user_id, lines)
        except UnknownUser as exc:
            raise ProblemError(
                422, "unknown-reference", "Unknown Reference", f"user {exc} does not exist"
            ) from exc
        except UnknownProduct as exc:
            raise ProblemError(
                422, "unknown-reference", "Unknown Reference", f"product {exc} does not exist"
            ) from exc
        except OutOfStock as exc:
            raise ProblemError(409, "out-of-stock", "Out Of Stock", str(exc)) from exc
        return order_out(order)

    # BEGIN SOLUTION
    @app.get(
        "/orders/{order_id}",
        tags=["orders"],
        summary="Get an order",
        description="Returns one order with its lines, total and status.",
        responses={
            404: problem(
                "No order has this id.",
                example={
                    "type": TYPE_BASE + "not-found",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "order 7 not found",
                },
            )
        },
    )
    # STARTER: @app.get("/orders/{order_id}")
    # END SOLUTION
    def get_order(order_id: int) -> models.Order:
        order = store.orders.get(order_id)
        if order is None:
            raise not_found("order", order_id)
        return order_out(order)

    # BEGIN SOLUTION
    @app.get(
        "/users/{user_id}/orders",
        tags=["orders"],
        summary="List a user's orders",
        description="Returns every order of one user, oldest first, cancelled ones included.",
        responses={
            404: problem(
                "No user has this id.",
                example={
                    "type": TYPE_BASE + "not-found",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "user 42 not found",
                },
            )
        },
    )
    def list_user_orders(user_id: int) -> models.OrderList:
        if user_id not in store.users:
            raise not_found("user", user_id)
        return models.OrderList(items=[order_out(order) for order in store.orders_of(user_id)])
    # STARTER: @app.get("/users/{user_id}/orders")
    # STARTER: def list_user_orders(user_id: int) -> list[models.Order]:
    # STARTER:     if user_id not in store.users:
    # STARTER:         raise not_found("user", user_id)
    # STARTER:     return [order_out(order) for order in store.orders_of(user_id)]
    # END SOLUTION

    # BEGIN SOLUTION
    @app.post(
        "/orders/{order_id}/cancellations",
        status_code=201,
        tags=["orders"],
        summary="Cancel an order",
        description="Cancels a placed order and puts its units back in stock. An order is "
        "cancelled at most once.",
        responses={
            404: problem(
                "No order has this id.",
                example={
                    "type": TYPE_BASE + "not-found",
                    "title": "Not Found",
                    "status": 404,
                    "detail": "order 7 not found",
                },
            ),
            409: problem(
                "The order was already cancelled.",
                example={
                    "type": TYPE_BASE + "already-cancelled",
                    "title": "Already Cancelled",
                    "status": 409,
                    "detail": "order 1 was already cancelled",
                },
            ),
        },
    )
    # STARTER: @app.post("/orders/{order_id}/cancellations", status_code=201)
    # END SOLUTION
    def cancel_order(order_id: int, body: models.NewCancellation) -> models.Order:
        if order_id not in store.orders:
            raise not_found("order", order_id)
        try:
            order = store.cancel_order(order_id, body.reason)
        except AlreadyCancelled as exc:
            raise ProblemError(
                409, "already-cancelled", "Already Cancelled", f"order {exc} was already cancelled"
            ) from exc
        return order_out(order)

    return app
