"""The JSON Schema of the audit result, kept next to the code, matches the models."""

from __future__ import annotations

import json
import os
from pathlib import Path

from tillid.audit import AuditResult

SCHEMA = Path(__file__).parents[2] / "src" / "tillid" / "audit" / "audit-result.schema.json"


def test_committed_schema_matches_the_models() -> None:
    generated = json.dumps(AuditResult.json_schema(), indent=2, ensure_ascii=False) + "\n"
    if os.environ.get("TILLID_WRITE_SCHEMA") == "1":
        SCHEMA.write_text(generated, encoding="utf-8")
    assert SCHEMA.read_text(encoding="utf-8") == generated, (
        "The audit result models changed: regenerate the schema with "
        "TILLID_WRITE_SCHEMA=1 pytest tests/audit/test_result_schema.py"
    )
