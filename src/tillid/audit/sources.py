"""Open the data where it lives as an Ibis table: a file, an in-memory table, or a database.

Nothing here reads rows into Python, except an Excel workbook, which DuckDB cannot stream offline.
"""

from __future__ import annotations

import contextlib
import re
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import ibis
import ibis.expr.types as ir

from tillid.audit.errors import AuditDataError, AuditSourceError
from tillid.audit.messages import AuditMessage, Param

FILE_KINDS = {
    ".csv": "csv",
    ".tsv": "csv",
    ".txt": "csv",
    ".parquet": "parquet",
    ".pq": "parquet",
    ".xlsx": "excel",
    ".xlsm": "excel",
}


@dataclass(frozen=True)
class OpenedSource:
    """An Ibis table plus the words to name it in messages (never a password)."""

    table: ir.Table
    description: str
    backend: Any
    owned: bool = False
    # The description as a phrase other languages can translate, where it has English words in it.
    phrase: AuditMessage | None = None

    @property
    def named(self) -> Param:
        """How error messages name the data: the phrase if there is one, else the description."""
        return self.phrase or self.description

    def close(self) -> None:
        """Disconnect a backend tillid opened itself (file, table, URL); never the caller's."""
        if self.owned:
            # Closing is best effort: the audit itself is finished.
            with contextlib.suppress(Exception):
                self.backend.disconnect()

    @property
    def backend_name(self) -> str:
        return str(getattr(self.backend, "name", "unknown"))

    def execute(self, expr: ir.Expr) -> Any:
        return self.backend.execute(expr)


def open_source(
    source: Any,
    *,
    table: str | None = None,
    query: str | None = None,
    encoding: str | None = None,
) -> OpenedSource:
    """Open `source`: a path, a database URL (with `table` or `query`), or a table object.

    Table objects: pandas, Polars (eager or lazy), Arrow, an Ibis table bound to any backend,
    or a PySpark DataFrame.
    """
    if isinstance(source, ir.Table):
        return OpenedSource(source, "the given Ibis table", _backend_of(source))
    if isinstance(source, str | Path) and _looks_like_url(str(source)):
        return _open_database(str(source), table=table, query=query)
    if isinstance(source, str | Path):
        return _open_file(Path(source), encoding=encoding)
    if _is_spark_dataframe(source):
        return _open_spark_dataframe(source)
    return _open_in_memory(source)


def _looks_like_url(text: str) -> bool:
    return re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", text) is not None


def redact_url(url: str) -> str:
    """The URL without its password, for messages and reports."""
    parts = urlsplit(url)
    if parts.password is None:
        return url
    netloc = parts.netloc.rsplit("@", 1)[1]
    user = parts.username or ""
    return urlunsplit(parts._replace(netloc=f"{user}:***@{netloc}"))


def _open_database(url: str, *, table: str | None, query: str | None) -> OpenedSource:
    shown = redact_url(url)
    if (table is None) == (query is None):
        raise AuditSourceError.of("database_table_or_query", database=shown)
    try:
        backend = ibis.connect(url)
    except ModuleNotFoundError as error:
        raise AuditSourceError.of(
            "database_driver_missing", database=shown, module=repr(error.name)
        ) from None
    except Exception as error:
        raise AuditSourceError.of(
            "database_unreachable", database=shown, detail=_first_line(error)
        ) from None
    try:
        if table is not None:
            opened = backend.table(table)
            phrase = AuditMessage("source.database_table", {"table": table, "database": shown})
        else:
            opened = _query_table(backend, str(query))
            phrase = AuditMessage("source.database_query", {"database": shown})
    except Exception as error:
        backend.disconnect()
        if table is not None:
            raise AuditSourceError.of(
                "database_table_unreadable", table=table, database=shown, detail=_first_line(error)
            ) from None
        raise AuditSourceError.of(
            "database_query_unreadable", database=shown, detail=_first_line(error)
        ) from None
    return OpenedSource(opened, phrase.english(), backend, owned=True, phrase=phrase)


def _query_table(backend: Any, query: str) -> ir.Table:
    """The query as a table. Ibis 12 with sqlglot 30 cannot name the helper view it drops on
    PostgreSQL, so fall back to a temporary view of our own; it dies with our connection."""
    try:
        table: ir.Table = backend.sql(query)
        return table
    except Exception:
        name = f"tillid_query_{uuid.uuid4().hex}"
        cursor = backend.raw_sql(f"CREATE TEMPORARY VIEW {name} AS {query}")
        if hasattr(cursor, "close"):
            cursor.close()
        view: ir.Table = backend.table(name)
        return view


def _open_file(path: Path, *, encoding: str | None) -> OpenedSource:
    if not path.exists():
        raise AuditSourceError.of("file_missing", path=str(path))
    if path.is_dir():
        raise AuditSourceError.of("file_is_folder", path=str(path))
    kind = FILE_KINDS.get(path.suffix.lower())
    if kind is None:
        known = ", ".join(sorted(FILE_KINDS))
        raise AuditSourceError.of("file_type_unknown", file=path.name, types=known)
    if path.stat().st_size == 0:
        raise AuditDataError.of("file_empty", file=path.name)
    backend = ibis.duckdb.connect()
    try:
        if kind == "csv":
            options: dict[str, Any] = {"encoding": encoding} if encoding else {}
            if path.suffix.lower() == ".tsv":
                options["delim"] = "\t"
            table = backend.read_csv(path, **options)
            # DuckDB reads lazily; counting makes encoding errors surface here, with the file name.
            backend.execute(table.count())
        elif kind == "parquet":
            table = backend.read_parquet(path)
        else:
            table = ibis.memtable(_read_excel(path))
    except AuditSourceError:
        raise
    except Exception as error:
        raise AuditSourceError(_file_error_message(path, error)) from None
    return OpenedSource(table, path.name, backend, owned=True)


def _file_error_message(path: Path, error: Exception) -> AuditMessage:
    text = str(error)
    if "not utf-8 encoded" in text or "Invalid unicode" in text:
        return AuditMessage("file_not_utf8", {"file": path.name})
    return AuditMessage("file_unreadable", {"file": path.name, "detail": _first_line(error)})


def _read_excel(path: Path) -> Any:
    import pandas as pd

    try:
        return pd.read_excel(path, sheet_name=0, engine="openpyxl")
    except Exception as error:
        raise AuditSourceError.of(
            "excel_unreadable", file=path.name, detail=_first_line(error)
        ) from None


def _open_in_memory(data: Any) -> OpenedSource:
    module = type(data).__module__.split(".")[0]
    if module == "polars" and hasattr(data, "collect"):
        data = data.collect()
    if module not in {"pandas", "polars", "pyarrow"}:
        raise AuditSourceError.of("table_object_unknown", kind=type(data).__name__)
    kind = {"pandas": "pandas", "polars": "Polars", "pyarrow": "Arrow"}[module]
    return OpenedSource(ibis.memtable(data), f"the {kind} table", ibis.duckdb.connect(), owned=True)


def _is_spark_dataframe(data: Any) -> bool:
    return type(data).__module__.startswith("pyspark.sql") and hasattr(data, "sparkSession")


def _open_spark_dataframe(frame: Any) -> OpenedSource:
    name = f"tillid_audit_{uuid.uuid4().hex}"
    frame.createOrReplaceTempView(name)
    backend = ibis.pyspark.connect(frame.sparkSession)
    return OpenedSource(backend.table(name), "the Spark DataFrame", backend)


def _backend_of(table: ir.Table) -> Any:
    try:
        return table._find_backend(use_default=True)
    except Exception:
        return ibis.duckdb.connect()


def _first_line(error: BaseException) -> str:
    text = str(error).strip() or type(error).__name__
    return text.splitlines()[0].rstrip(".")
