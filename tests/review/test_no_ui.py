"""What `reader open` has imported when it starts the process that opens the session."""
import subprocess
import sys


def test_the_command_line_forks_before_importing_the_ui_or_the_store_machinery():
    """What `reader open` has imported when it forks the child that opens the session: the
    child's head start is the time this process then spends importing Textual."""
    code = (
        "import sys\n"
        "from reader.cli.context import Context\n"
        "import reader.review.prefetch as p\n"
        "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich', 'tinydb', 'filelock')\n"
        "                or m in ('reader.store.store', 'reader.attribution.engine'))\n"
        "print(' '.join(loaded))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
