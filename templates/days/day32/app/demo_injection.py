"""See SQL injection happen, on a throwaway copy of the shop: `uv run python -m app.demo_injection`.

`unsafe_search` is how a search endpoint is often first written: the user's text pasted into
the SQL with an f-string. Never route it; app.repo.search_products is its replacement.
"""

from __future__ import annotations

from app.db import Database
from app.seed import seed


def unsafe_search(db: Database, query: str) -> list[dict]:
    sql = f"SELECT id, sku, name, price_cents FROM products WHERE is_hidden = 0 AND name LIKE '%{query}%'"  # noqa: E501
    print(f"  SQL: {sql}")
    return db.all(sql)


def main() -> None:
    db = seed(Database())
    for query in [
        "cup",
        "%' OR 1=1 --",
        "%' UNION SELECT id, email, password_hash, is_admin FROM users --",
    ]:
        print(f"search {query!r}")
        for row in unsafe_search(db, query):
            print("   ", row)
    print('search "O\'Reilly" (an honest customer):')
    try:
        unsafe_search(db, "O'Reilly")
    except Exception as exc:  # the apostrophe ends the string literal early
        print(f"    {type(exc).__name__}: {exc}")


if __name__ == "__main__":
    main()
