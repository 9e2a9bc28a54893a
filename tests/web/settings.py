"""Test settings: the real settings with the data folder in a fresh temporary directory."""

import os
import tempfile

os.environ.setdefault("TILLID_DATA_DIR", tempfile.mkdtemp(prefix="tillid-test-"))

from tillid.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # fast; tests only
AXES_ENABLED = False  # throttling has its own test that switches it back on
