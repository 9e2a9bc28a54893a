"""Technical audit where the data lives: quality, performance and fairness by group, drift.

    from tillid.audit import AuditSpec, run_audit
    spec = AuditSpec(target="outcome", prediction="decision", protected=["sex", "age_group"])
    result = run_audit("data.parquet", spec)   # or a pandas/Polars/Arrow/Ibis/Spark table,
    print(render_text(result))                 # or "postgresql://..." with table= / query=

Metrics are Ibis expressions run by the backend (DuckDB for files and in-memory tables); only
aggregates come back, and groups smaller than k (default 10) are suppressed.
"""

from tillid.audit.engine import run_audit
from tillid.audit.errors import AuditDataError, AuditError, AuditSourceError, AuditSpecError
from tillid.audit.render import render_html, render_markdown, render_pdf, render_text
from tillid.audit.result import AuditResult, GroupMetrics
from tillid.audit.spec import AuditSpec, ColumnRule, DriftSpec

__all__ = [
    "AuditDataError",
    "AuditError",
    "AuditResult",
    "AuditSourceError",
    "AuditSpec",
    "AuditSpecError",
    "ColumnRule",
    "DriftSpec",
    "GroupMetrics",
    "render_html",
    "render_markdown",
    "render_pdf",
    "render_text",
    "run_audit",
]
