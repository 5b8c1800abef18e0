"""How Alembic connects. Tests hand it a connection (``config.attributes["connection"]``); the
command line uses DATABASE_URL, else ``sqlalchemy.url`` from alembic.ini."""

import os
from logging.config import fileConfig

from alembic import context

from shop.db import make_engine
from shop.models import Base

config = context.config
target_metadata = Base.metadata


def configure(**kwargs) -> None:
    # render_as_batch: on SQLite, ALTER means "rebuild the table"; on Postgres it is a no-op.
    context.configure(target_metadata=target_metadata, render_as_batch=True, **kwargs)


def url() -> str:
    return os.environ.get("DATABASE_URL") or config.get_main_option("sqlalchemy.url")


connection = config.attributes.get("connection")
if connection is None and config.config_file_name is not None:
    fileConfig(config.config_file_name, disable_existing_loggers=False)

if context.is_offline_mode():
    configure(url=url(), literal_binds=True)
    with context.begin_transaction():
        context.run_migrations()
elif connection is not None:
    configure(connection=connection)
    with context.begin_transaction():
        context.run_migrations()
else:
    engine = make_engine(url())
    with engine.begin() as conn:
        configure(connection=conn)
        with context.begin_transaction():
            context.run_migrations()
    engine.dispose()
