"""The one exception type that reaches the user as a sentence instead of a traceback."""


class ReaderError(Exception):
    """A problem the user can act on: bad input, a broken file, an unwritable path.

    The message is one sentence that names the file and what is wrong; the command line
    prints it on stderr and exits non-zero, the review screen shows it as an error.
    """


class CannotWrite(ReaderError):
    """The tag database cannot be written (permissions, a read-only or full disk, a lock that
    cannot be taken); nothing was changed, and reading it may still work."""
