"""Test settings: the real settings with the data folder in a fresh temporary directory."""

import os
import tempfile

os.environ.setdefault("TILLID_DATA_DIR", tempfile.mkdtemp(prefix="tillid-test-"))

from tillid.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
AXES_ENABLED = False  # throttling has its own test that switches it back on
# The tests read the interface in its English source texts, whatever the catalogues say. That the app
# speaks Danish by default (production's LANGUAGE_CODE) and Swedish on request is tested in
# test_translations.py, which switches the production default back on.
LANGUAGE_CODE = "en"

# DATABASE_URL (read by the real settings) runs these tests on PostgreSQL: `make test-web-postgres`.
# Several people and CI may test against one server at once, so each run gets its own database,
# created and dropped by the test runner.
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    DATABASES["default"]["TEST"] = {  # noqa: F405
        "NAME": f"test_{DATABASES['default']['NAME']}_{os.getpid()}"  # noqa: F405
    }
