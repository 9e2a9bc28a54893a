"""tillid: context-sensitive AI assessment and AI governance."""

__version__ = "0.1.0"
