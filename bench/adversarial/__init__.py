"""Hostile and odd inputs, tried against the `reader` command as a user or an attacker would
give them: article files, settings, import files, damaged or planted database files, command
arguments, web servers that misbehave, and writers killed or racing. Every input is counted;
so is every traceback, every hang, every tag lost, every error that is not one sentence, and
every control character that reached the terminal raw. All must be zero.

- `workspace.Workspace`: a folder with an article, settings and a tag database holding tags
  (what must never be lost);
- `cases`: the inputs, by family, as data;
- `run`: runs a case (in this process, or as a real process with a time limit) and judges it.

`tests/test_adversarial.py` runs the quick families in this process (part of the test suite);
`python -m bench adversarial` runs every case as a real process, plus the slow families (web
servers, big files, writers killed and racing), and prints the counts.
"""
