"""The WSGI entry for production servers, e.g. `gunicorn tillid.web.wsgi` (see docs/web.md)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tillid.web.settings")
application = get_wsgi_application()
