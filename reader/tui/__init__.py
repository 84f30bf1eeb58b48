"""The review screen (Textual). Import `reader.tui.app.ReaderApp`; this package imports nothing
heavy by itself so `reader --help` stays fast."""
