"""Placing an order: several writes that must happen together or not at all."""

from sqlalchemy import Engine, text  # noqa: F401  (text: for the TODO below)


class OrderError(Exception):
    """Base class for the reasons an order cannot be placed."""


class UnknownProductError(OrderError):
    def __init__(self, sku: str) -> None:
        super().__init__(f"no product with sku {sku!r}")
        self.sku = sku


class OutOfStockError(OrderError):
    def __init__(self, sku: str, wanted: int) -> None:
        super().__init__(f"not enough stock of {sku!r} for {wanted}")
        self.sku = sku
        self.wanted = wanted


def place_order(engine: Engine, user_id: int, items: list[tuple[str, int]]) -> int:
    """Create a 'pending' order for `user_id` with `items` as (sku, quantity) pairs; return its id.

    For each item, in the order given:
    1. find the product by sku (UnknownProductError if there is none);
    2. take the quantity from its stock with ONE conditional statement,
       `UPDATE products SET stock = stock - :quantity WHERE id = :id AND stock >= :quantity`,
       and raise OutOfStockError when it changed no row. (Reading the stock first and writing
       it back later would let two concurrent orders both see the last unit and both take it.)
    3. insert the order_items row with the product's current price as unit_price_cents.

    All of it happens in ONE transaction: if anything fails (an unknown sku, missing stock, a
    constraint such as the same sku listed twice) the exception propagates and nothing at all
    is written: no order, no items, no stock taken.
    """
    # BEGIN SOLUTION
    with engine.begin() as conn:
        order_id = conn.execute(
            text("INSERT INTO orders (user_id, status) VALUES (:user_id, 'pending') RETURNING id"),
            {"user_id": user_id},
        ).scalar_one()
        for sku, quantity in items:
            product = conn.execute(
                text("SELECT id, price_cents FROM products WHERE sku = :sku"), {"sku": sku}
            ).first()
            if product is None:
                raise UnknownProductError(sku)
            taken = conn.execute(
                text(
                    "UPDATE products SET stock = stock - :quantity"
                    " WHERE id = :id AND stock >= :quantity"
                ),
                {"quantity": quantity, "id": product.id},
            )
            if taken.rowcount != 1:
                raise OutOfStockError(sku, quantity)
            conn.execute(
                text(
                    "INSERT INTO order_items (order_id, product_id, quantity, unit_price_cents)"
                    " VALUES (:order_id, :product_id, :quantity, :price)"
                ),
                {
                    "order_id": order_id,
                    "product_id": product.id,
                    "quantity": quantity,
                    "price": product.price_cents,
                },
            )
    return order_id
    # STARTER: raise NotImplementedError("TODO(day07): one transaction: order, stock, items")
    # END SOLUTION
