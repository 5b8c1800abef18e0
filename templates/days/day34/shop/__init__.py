"""The shop's order rules: pricing (`shop.pricing`), the order lifecycle (`shop.orders`) and the
checkout that ties them to a payment provider (`shop.checkout`). Today you test them."""
