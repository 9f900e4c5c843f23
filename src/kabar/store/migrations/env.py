"""Alembic environment. The store runs migrations itself on open (see `kabar.store.migrate`),
passing its own connection in `config.attributes["connection"]`."""
from alembic import context

from kabar.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
