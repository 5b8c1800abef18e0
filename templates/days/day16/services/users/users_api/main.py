"""Users service: day 12's Users contract, with its data in a SQL database instead of memory.

The HTTP contract is the one week 3 defined (day 12, ``services/users``): the same routes, the
same JSON shapes, the same status codes. Only the storage changed, so the container can be
stopped and replaced without losing users.

Settings come from the environment so the same code runs on a laptop, in Docker Compose and in
Kubernetes:

- ``DATABASE_URL``: SQLAlchemy URL; defaults to a SQLite file in the working directory.
- ``APP_ENV``: a label reported by ``/health`` (development, staging, production...).
"""

import os
from collections.abc import Iterator
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import Depends, FastAPI, HTTPException, status
from pydantic import BaseModel, Field
from sqlalchemy import String, create_engine, select
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker

DEFAULT_DATABASE_URL = "sqlite:///./users.db"


class Base(DeclarativeBase):
    pass


class UserRow(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    email: Mapped[str] = mapped_column(String(200), unique=True)


# The request and response shapes of day 12's contract, unchanged.
class NewUser(BaseModel):
    name: str = Field(min_length=1, max_length=100)
    email: str = Field(pattern=r"^[^@\s]+@[^@\s]+\.[^@\s]+$", max_length=200)


class User(NewUser):
    id: int


def make_engine(url: str) -> Engine:
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def to_user(row: UserRow) -> User:
    return User(id=row.id, name=row.name, email=row.email)


def create_app(database_url: str | None = None) -> FastAPI:
    engine = make_engine(database_url or os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    sessions = sessionmaker(engine, expire_on_commit=False)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        Base.metadata.create_all(engine)
        yield
        engine.dispose()

    app = FastAPI(title="users service", lifespan=lifespan)

    def get_session() -> Iterator[Session]:
        with sessions() as session:
            yield session

    SessionDep = Annotated[Session, Depends(get_session)]

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "service": "users", "env": os.environ.get("APP_ENV", "dev")}

    @app.post("/users", status_code=status.HTTP_201_CREATED)
    def create_user(body: NewUser, session: SessionDep) -> User:
        row = UserRow(name=body.name, email=body.email)
        session.add(row)
        try:
            session.commit()
        except IntegrityError:  # the unique email constraint: two pods cannot both win
            session.rollback()
            raise HTTPException(status.HTTP_409_CONFLICT, "email already registered") from None
        return to_user(row)

    @app.get("/users/{user_id}")
    def get_user(user_id: int, session: SessionDep) -> User:
        row = session.get(UserRow, user_id)
        if row is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, f"user {user_id} not found")
        return to_user(row)

    # An addition to day 12's contract (additive changes do not break a consumer): the whole
    # list, handy for checking a deployment by hand.
    @app.get("/users")
    def list_users(session: SessionDep) -> list[User]:
        return [to_user(row) for row in session.scalars(select(UserRow).order_by(UserRow.id))]

    return app


app = create_app()
