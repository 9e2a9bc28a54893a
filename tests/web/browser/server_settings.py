"""The app's production settings for the server the browser tests drive, with one change: a fast
password hash, because every demo user's password is hashed on loading and checked on each login
(PBKDF2 costs about half a second a time on a busy CI machine). Throttling stays on."""

from tillid.web.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # tests only
