"""reader's benchmark harness: `python -m bench [SUITE ...]`. Not part of the test suite."""
