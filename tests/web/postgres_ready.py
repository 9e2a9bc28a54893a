"""Exit 0 when the PostgreSQL server of a DATABASE_URL answers, 1 with the reason when not.

Used by `make test-web-postgres`. Connects to the server's `postgres` database, because the test
runner creates its own database and the one named in the URL need not exist.
"""

from __future__ import annotations

import sys

import dj_database_url
import psycopg


def server_answers(url: str) -> str:
    """'' when the server answers, else why not."""
    config = dj_database_url.parse(url)
    try:
        psycopg.connect(
            host=config.get("HOST") or "127.0.0.1",
            port=config.get("PORT") or 5432,
            user=config.get("USER") or None,
            password=config.get("PASSWORD") or None,
            dbname="postgres",
            connect_timeout=3,
        ).close()
    except psycopg.Error as error:
        return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    return ""


if __name__ == "__main__":
    problem = server_answers(sys.argv[1])
    if problem:
        print(f"PostgreSQL: {problem}", file=sys.stderr)
    sys.exit(1 if problem else 0)
