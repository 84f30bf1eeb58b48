"""reader: find every attributed statement in a news article and tag where it comes from."""
from __future__ import annotations

DISTRIBUTION = "reader-sources"


def __getattr__(name: str) -> str:
    # Looked up on first use: reading the installed metadata costs tens of milliseconds at
    # start-up, and only `reader --version` and the HTTP user agent need it.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version(DISTRIBUTION)
        except PackageNotFoundError:  # a checkout that was never installed
            return "0+unknown"
    raise AttributeError(f"module 'reader' has no attribute {name!r}")
