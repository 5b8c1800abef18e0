"""The shop's products, as the search indexes see them."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Product:
    sku: str
    name: str
    description: str
    category: str
    price_cents: int
    in_stock: bool

    def text(self) -> str:
        """What both indexes read: the SKU, the name and the description."""
        return f"{self.sku} {self.name}. {self.description}"


def load_catalogue(path: Path = DATA / "products.json") -> list[Product]:
    return [Product(**row) for row in json.loads(path.read_text(encoding="utf-8"))]
