"""reader: find every attributed statement in a news article and tag where it comes from."""
from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("reader-sources")
except PackageNotFoundError:  # running from a checkout that was never installed
    __version__ = "0+unknown"
