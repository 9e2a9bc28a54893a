"""Starting the web app from the `tillid` command: settings, database migrations, the server."""

from __future__ import annotations

import os


def setup_django() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tillid.web.settings")
    import django

    django.setup()


def migrate() -> None:
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def run_development_server(host: str, port: int) -> None:
    """Django's own server, single process: for one person on a laptop. Production: docs/web.md."""
    from django.core.management import call_command

    call_command("runserver", f"{host}:{port}", use_reloader=False, skip_checks=True)
