"""`tillid manage research_export --format parquet --output FILE`: the anonymised research dataset."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tillid.reports.anonymity import Thresholds
from tillid.web.dashboards import research, selectors


class Command(BaseCommand):
    help = (
        "Write the anonymised research dataset (every row at least k systems from at least m "
        "organisations; see docs/research-export.md) as CSV or Parquet."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--format", choices=sorted(research.FORMATS), default="csv")
        parser.add_argument(
            "--output", required=True, help="File to write; '-' writes CSV to standard output."
        )
        parser.add_argument(
            "--min-systems",
            type=int,
            default=None,
            help="Raise k above the platform's TILLID_DASHBOARD_MIN_GROUP (never lower).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        platform = selectors.thresholds()
        wanted = options["min_systems"]
        if wanted is not None and wanted < platform.min_units:
            raise CommandError(
                f"--min-systems {wanted} is below the platform's minimum of "
                f"{platform.min_units} systems per row; it can only be raised."
            )
        limits = Thresholds(wanted or platform.min_units, platform.min_organisations)
        dataset = research.research_dataset(limits, timezone.localdate())
        content, _type = research.FORMATS[options["format"]](dataset)
        output = options["output"]
        if output == "-":
            if options["format"] != "csv":
                raise CommandError("Only CSV can be written to standard output; give a file name.")
            sys.stdout.write(content.decode("utf-8"))
        else:
            path = Path(output)
            if not path.parent.is_dir():
                raise CommandError(f"The folder {path.parent} does not exist.")
            path.write_bytes(content)
        result = dataset.result
        self.stderr.write(
            f"{len(result.rows)} rows; every row at least {limits.min_units} systems from "
            f"{limits.min_organisations} organisations; {result.suppressed_units} systems "
            f"({result.suppressed_records} records) left out as too few."
        )
