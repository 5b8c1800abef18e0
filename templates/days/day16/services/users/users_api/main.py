"""Users service.

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


class User(Base):
    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    name: Mapped[str] = mapped_column(String(200))


class UserIn(BaseModel):
    email: str = Field(min_length=3, max_length=320, pattern=r"^[^@\s]+@[^@\s]+$")
    name: str = Field(min_length=1, max_length=200)


class UserOut(UserIn):
    id: int


def make_engine(url: str) -> Engine:
    connect_args = {"check_same_thread": False} if url.startswith("sqlite") else {}
    return create_engine(url, connect_args=connect_args, pool_pre_ping=True)


def create_app(database_url: str | None = None) -> FastAPI:
    engine = make_engine(database_url or os.environ.get("DATABASE_URL", DEFAULT_DATABASE_URL))
    sessions = sessionmaker(engine, expire_on_commit=False)

    @asynccontextmanager
    async def lifespan(_: FastAPI):
        Base.metadata.create_all(engine)
        yield
        engine.dispose()

    app = FastAPI(title="users", lifespan=lifespan)

    def get_session() -> Iterator[Session]:
        with sessions() as session:
            yield session

    SessionDep = Annotated[Session, Depends(get_session)]

    @app.get("/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "service": "users", "env": os.environ.get("APP_ENV", "dev")}

    @app.post("/users", status_code=status.HTTP_201_CREATED, response_model=UserOut)
    def create_user(payload: UserIn, session: SessionDep) -> User:
        user = User(email=payload.email.lower(), name=payload.name)
        session.add(user)
        try:
            session.commit()
        except IntegrityError:
            session.rollback()
            raise HTTPException(status.HTTP_409_CONFLICT, "email already registered") from None
        return user

    @app.get("/users", response_model=list[UserOut])
    def list_users(session: SessionDep) -> list[User]:
        return list(session.scalars(select(User).order_by(User.id)))

    @app.get("/users/{user_id}", response_model=UserOut)
    def get_user(user_id: int, session: SessionDep) -> User:
        user = session.get(User, user_id)
        if user is None:
            raise HTTPException(status.HTTP_404_NOT_FOUND, "user not found")
        return user

    return app


app = create_app()
