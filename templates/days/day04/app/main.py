"""The HTTP layer: URLs, methods, status codes and error semantics for users and orders.

Resource map (nouns in the URL, the method says what to do):

    POST   /users                   create a user                 201 + Location
    GET    /users                   list users                    200 {"items": [...]}
    GET    /users/{user_id}         one user                      200 | 404
    PATCH  /users/{user_id}         change some fields            200 | 404 | 409
    DELETE /users/{user_id}         remove a user                 204 | 404 | 409
    POST   /users/{user_id}/orders  create an order for the user  201 + Location | 404
    GET    /users/{user_id}/orders  the user's orders (?status=)  200 | 404
    GET    /orders/{order_id}       one order                     200 | 404
    PATCH  /orders/{order_id}       change quantity or status     200 | 404
    DELETE /orders/{order_id}       remove an order               204 | 404

Run it: `uv run uvicorn app.main:app --reload`, then open http://127.0.0.1:8000/docs
"""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, FastAPI, Request, Response

from app.errors import ApiError, install_error_handlers
from app.models import (
    Order,
    OrderCreate,
    OrderList,
    OrderStatus,
    OrderUpdate,
    User,
    UserCreate,
    UserList,
    UserUpdate,
)
from app.repository import InMemoryRepository


def get_repo(request: Request) -> InMemoryRepository:
    """Each app owns one repository (in app.state); routes receive it through Depends."""
    return request.app.state.repo


Repo = Annotated[InMemoryRepository, Depends(get_repo)]

router = APIRouter()


# Lookups shared by several routes ---------------------------------------------------------


def user_or_404(repo: InMemoryRepository, user_id: int) -> dict[str, Any]:
    """Return the stored user or raise a 404 (a worked example for order_or_404 below)."""
    user = repo.get_user(user_id)
    if user is None:
        raise ApiError(404, "user_not_found", f"user {user_id} does not exist")
    return user


def order_or_404(repo: InMemoryRepository, order_id: int) -> dict[str, Any]:
    """Return the stored order or raise ApiError(404, "order_not_found", ...)."""
    # BEGIN SOLUTION
    order = repo.get_order(order_id)
    if order is None:
        raise ApiError(404, "order_not_found", f"order {order_id} does not exist")
    return order
    # STARTER: raise NotImplementedError("TODO(day04): fetch the order or raise a 404 ApiError")
    # END SOLUTION


# Users ------------------------------------------------------------------------------------


@router.post("/users", status_code=201, response_model=User)
def create_user(payload: UserCreate, response: Response, repo: Repo) -> dict[str, Any]:
    """409 `email_taken` if the email is in use; otherwise store, set Location, return it."""
    # BEGIN SOLUTION
    if repo.find_user_by_email(payload.email) is not None:
        raise ApiError(409, "email_taken", f"a user with email {payload.email} already exists")
    user = repo.add_user(name=payload.name, email=payload.email)
    response.headers["Location"] = f"/users/{user['id']}"
    return user
    # STARTER: raise NotImplementedError("TODO(day04): create the user (409 if the email is taken)")
    # END SOLUTION


@router.get("/users", response_model=UserList)
def list_users(repo: Repo) -> dict[str, Any]:
    # BEGIN SOLUTION
    return {"items": repo.list_users()}
    # STARTER: raise NotImplementedError("TODO(day04): return {'items': [...all users...]}")
    # END SOLUTION


@router.get("/users/{user_id}", response_model=User)
def get_user(user_id: int, repo: Repo) -> dict[str, Any]:
    # BEGIN SOLUTION
    return user_or_404(repo, user_id)
    # STARTER: raise NotImplementedError("TODO(day04): return the user or 404")
    # END SOLUTION


@router.patch("/users/{user_id}", response_model=User)
def update_user(user_id: int, payload: UserUpdate, repo: Repo) -> dict[str, Any]:
    """Change only the fields the client sent; a new email owned by someone else is a 409."""
    # BEGIN SOLUTION
    user_or_404(repo, user_id)
    changes = payload.model_dump(exclude_unset=True, exclude_none=True)
    if "email" in changes:
        owner = repo.find_user_by_email(changes["email"])
        if owner is not None and owner["id"] != user_id:
            message = f"a user with email {changes['email']} already exists"
            raise ApiError(409, "email_taken", message)
    return repo.update_user(user_id, **changes)
    # STARTER: raise NotImplementedError("TODO(day04): partial update (404, 409 email taken)")
    # END SOLUTION


@router.delete("/users/{user_id}", status_code=204)
def delete_user(user_id: int, repo: Repo) -> Response:
    """204 with no body; 409 `user_has_orders` while the user still has orders."""
    # BEGIN SOLUTION
    user_or_404(repo, user_id)
    if repo.list_orders(user_id=user_id):
        raise ApiError(
            409, "user_has_orders", f"user {user_id} still has orders; delete them first"
        )
    repo.delete_user(user_id)
    return Response(status_code=204)
    # STARTER: raise NotImplementedError("TODO(day04): delete the user (404, 409 has orders)")
    # END SOLUTION


# Orders -----------------------------------------------------------------------------------


@router.post("/users/{user_id}/orders", status_code=201, response_model=Order)
def create_order(
    user_id: int, payload: OrderCreate, response: Response, repo: Repo
) -> dict[str, Any]:
    """An order belongs to a user, so it is created under that user; it starts as "pending".
    Location points at the order's own URL, /orders/{id}."""
    # BEGIN SOLUTION
    user_or_404(repo, user_id)
    order = repo.add_order(user_id=user_id, item=payload.item, quantity=payload.quantity)
    response.headers["Location"] = f"/orders/{order['id']}"
    return order
    # STARTER: raise NotImplementedError("TODO(day04): create a pending order for an existing user")
    # END SOLUTION


@router.get("/users/{user_id}/orders", response_model=OrderList)
def list_user_orders(user_id: int, repo: Repo, status: OrderStatus | None = None) -> dict[str, Any]:
    """Only this user's orders, optionally filtered with ?status=paid."""
    # BEGIN SOLUTION
    user_or_404(repo, user_id)
    return {"items": repo.list_orders(user_id=user_id, status=status)}
    # STARTER: raise NotImplementedError("TODO(day04): list the user's orders (404 unknown user)")
    # END SOLUTION


@router.get("/orders/{order_id}", response_model=Order)
def get_order(order_id: int, repo: Repo) -> dict[str, Any]:
    # BEGIN SOLUTION
    return order_or_404(repo, order_id)
    # STARTER: raise NotImplementedError("TODO(day04): return the order or 404")
    # END SOLUTION


@router.patch("/orders/{order_id}", response_model=Order)
def update_order(order_id: int, payload: OrderUpdate, repo: Repo) -> dict[str, Any]:
    # BEGIN SOLUTION
    order_or_404(repo, order_id)
    changes = payload.model_dump(exclude_unset=True, exclude_none=True)
    return repo.update_order(order_id, **changes)
    # STARTER: raise NotImplementedError("TODO(day04): partial update of the order (404)")
    # END SOLUTION


@router.delete("/orders/{order_id}", status_code=204)
def delete_order(order_id: int, repo: Repo) -> Response:
    # BEGIN SOLUTION
    order_or_404(repo, order_id)
    repo.delete_order(order_id)
    return Response(status_code=204)
    # STARTER: raise NotImplementedError("TODO(day04): delete the order (204), 404 unknown")
    # END SOLUTION


# The application ----------------------------------------------------------------------------


def create_app(repo: InMemoryRepository | None = None) -> FastAPI:
    """A fresh app with its own repository: tests get a clean state every time."""
    app = FastAPI(title="Day 4: users and orders")
    app.state.repo = repo if repo is not None else InMemoryRepository()
    install_error_handlers(app)
    app.include_router(router)
    return app


app = create_app()
