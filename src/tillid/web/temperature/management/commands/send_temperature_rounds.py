"""`tillid manage send_temperature_rounds`: sends every survey round that is due (run daily by cron)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from tillid.web.temperature import services


class Command(BaseCommand):
    help = (
        "Send the temperature-measurement rounds that are due by their survey's interval. "
        "Safe to run as often as you like: a round is sent once per interval."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--base-url",
            default="",
            help="The address people open tillid at, for the link in the e-mails, e.g. "
            "https://tillid.example.dk (default: the first of TILLID_CSRF_TRUSTED_ORIGINS).",
        )
        parser.add_argument(
            "--today", default="", help="Act as if it were this day (YYYY-MM-DD); for testing."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only list the surveys that are due."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        today = timezone.localdate()
        if options["today"]:
            try:
                today = dt.date.fromisoformat(options["today"])
            except ValueError:
                raise CommandError(
                    f"--today {options['today']!r} is not a date; write it as YYYY-MM-DD."
                ) from None
        base_url = options["base_url"] or next(
            iter(settings.CSRF_TRUSTED_ORIGINS), "http://localhost:8000"
        )
        if not base_url.startswith(("https://", "http://")):
            raise CommandError(f"--base-url must start with https:// or http://: {base_url}")
        if options["dry_run"]:
            due = services.due_surveys(today)
            for survey in due:
                self.stdout.write(f"Due: {survey.title}")
            if not due:
                self.stdout.write("No round is due.")
            return
        done = services.send_due_rounds(today, base_url)
        for item in done:
            if isinstance(item, services.Sent):
                self.stdout.write(
                    f"Sent round {item.round.number} of {item.round.survey.title!r} to "
                    f"{item.invitations} projects; e-mails sent {item.emails_sent}, "
                    f"failed {item.emails_failed}"
                    + (f" ({item.email_error})" if item.email_error else "")
                )
            else:
                survey, problem = item
                self.stderr.write(f"Not sent: {survey.title!r}: {problem}")
        if not done:
            self.stdout.write("No round is due.")
