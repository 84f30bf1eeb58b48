"""Benchmark suites, one module each with `run(quick: bool) -> list[Row]`."""
SUITES = ("extraction", "store", "html_scores", "exports", "tui", "adversarial", "agreement", "desk_reads")
