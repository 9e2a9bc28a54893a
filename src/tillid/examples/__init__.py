"""Example answer sets shipped with tillid (used by `tillid demo` and the docs)."""
