"""What every resolver can reach through `info.context`: the shop client and the loaders."""

from __future__ import annotations

from dataclasses import dataclass

from strawberry.fastapi import BaseContext

from gateway.loaders import Loaders
from gateway.rest import ShopClient


@dataclass
class GatewayContext(BaseContext):
    shop: ShopClient
    loaders: Loaders

    def __post_init__(self) -> None:
        super().__init__()
