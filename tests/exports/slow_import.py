"""An import process for the race test: `python -m tests.exports.slow_import DB FILE` imports
FILE into DB, but before the engine reads the first article it prints "reading" and waits
for a line on stdin, so another process can write to the store at that moment. It prints
the import's summary lines when done."""
from __future__ import annotations

import sys
from pathlib import Path

from reader.config import load_config
from reader.exports import importer
from reader.store import TagStore

TEST_CONFIG = Path(__file__).resolve().parents[1] / "data" / "config.yaml"


def main(argv: list[str]) -> int:
    db, path = Path(argv[0]), Path(argv[1])
    real = importer.extract
    waited = []

    def extract(text, config):  # type: ignore[no-untyped-def]
        if not waited:
            waited.append(True)
            print("reading", flush=True)
            sys.stdin.readline()
        return real(text, config)

    importer.extract = extract  # this process only
    result = importer.import_file(TagStore(db, "importer"), load_config(TEST_CONFIG), path)
    for line in result.lines():
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
