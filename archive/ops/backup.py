"""Backups of the whole database, and restoring one: SQLite through its online backup API (a
consistent copy while the site runs), PostgreSQL through pg_dump's custom format and pg_restore.

After a restore the page cache is renewed (every cached page predates the restored data) and the
search index is checked against the restored statements, and rebuilt if they differ.
"""

import glob
import os
import shutil
import sqlite3
import subprocess
from pathlib import Path

from django.db import connection
from django.utils import timezone


class BackupError(Exception):
    pass


def default_path(folder):
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    suffix = "sqlite3" if connection.vendor == "sqlite" else "dump"
    return Path(folder) / f"archive-{stamp}.{suffix}"


def _postgres_tool(name):
    found = shutil.which(name) or (sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}")) or [None])[-1]
    if not found:
        raise BackupError(f"{name} is missing: install Debian's postgresql-client.")
    return found


def _postgres_arguments():
    settings = connection.settings_dict
    arguments = []
    if settings.get("HOST"):
        arguments += ["--host", settings["HOST"]]
    if settings.get("PORT"):
        arguments += ["--port", str(settings["PORT"])]
    if settings.get("USER"):
        arguments += ["--username", settings["USER"]]
    env = {"PGPASSWORD": settings["PASSWORD"]} if settings.get("PASSWORD") else {}
    return arguments, settings["NAME"], env


def _run(command, env):
    result = subprocess.run(command, env={**os.environ, **env}, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(result.stderr.strip() or f"{command[0]} failed")


def backup(path):
    """Write a consistent copy of the database to `path`."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(path)
        try:
            connection.connection.backup(target)
        finally:
            target.close()
    elif connection.vendor == "postgresql":
        arguments, name, env = _postgres_arguments()
        dump = _postgres_tool("pg_dump")
        _run(
            [dump, *arguments, "--format=custom", "--no-owner", "--no-privileges", "--file", str(path), name],
            env,
        )
    else:
        raise BackupError(f"no backup for {connection.vendor}")
    return path


def restore(path):
    """Replace the database's content with the backup's; then renew pages and check the index."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"{path}: no such backup file")
    if connection.vendor == "sqlite":
        try:
            source = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
            source.execute("PRAGMA schema_version").fetchone()
        except sqlite3.DatabaseError as error:
            raise BackupError(f"{path} is not an SQLite backup: {error}") from error
        connection.ensure_connection()
        try:
            source.backup(connection.connection)
        finally:
            source.close()
    elif connection.vendor == "postgresql":
        arguments, name, env = _postgres_arguments()
        restore_tool = _postgres_tool("pg_restore")
        connection.close()
        # One transaction: a damaged backup leaves the database as it was.
        _run(
            [
                restore_tool,
                *arguments,
                "--clean",
                "--if-exists",
                "--no-owner",
                "--no-privileges",
                "--single-transaction",
                "--dbname",
                name,
                str(path),
            ],
            env,
        )
    else:
        raise BackupError(f"no restore for {connection.vendor}")
    connection.close()
    return after_restore()


def after_restore():
    """Renew every cached page and the search processes' copies; rebuild the index if needed."""
    from ..caching import everything_changed
    from ..search import table
    from ..search.index import index_problems, search_index_rebuild

    everything_changed()
    table.generation_bump()
    problems = index_problems()
    if problems:
        search_index_rebuild()
    return problems
