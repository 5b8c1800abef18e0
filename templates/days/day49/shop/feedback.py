"""This week's product feedback: what customers wrote about the shop's products."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Feedback:
    order_id: int
    product: str
    rating: int  # 1 to 5
    text: str


FEEDBACK: list[Feedback] = [
    Feedback(1041, "kettle", 5, "Boils fast and the handle stays cool."),
    Feedback(1042, "kettle", 2, "The lid hinge broke after a week."),
    Feedback(1043, "kettle", 4, "Quiet, but the cable is short."),
    Feedback(1051, "backpack", 5, "Fits a 16-inch laptop, great zips."),
    Feedback(1052, "backpack", 3, "Straps dig in when it is full."),
    Feedback(1060, "desk lamp", 1, "Flickers at the lowest setting."),
]


def search_feedback(product: str, min_rating: int = 1, max_rating: int = 5) -> list[dict]:
    """Feedback entries for `product` with a rating in [min_rating, max_rating]."""
    return [
        asdict(f)
        for f in FEEDBACK
        if f.product == product.lower() and min_rating <= f.rating <= max_rating
    ]


def rating_summary(product: str) -> dict:
    """How many ratings a product has and their average (None when it has none)."""
    ratings = [f.rating for f in FEEDBACK if f.product == product.lower()]
    average = round(sum(ratings) / len(ratings), 2) if ratings else None
    return {"product": product.lower(), "count": len(ratings), "average": average}
