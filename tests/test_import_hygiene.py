"""The walls between reader's layers (pyproject.toml, [tool.importlinter]): the engine, the
store, the exports, the review session, article loading and the settings never import the UI,
and each layer imports only from those below it."""
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_the_import_contracts_hold():
    """`lint-imports` reads every import statement, those inside functions too."""
    lint = Path(sys.executable).with_name("lint-imports")
    out = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "Contracts: 2 kept, 0 broken." in out.stdout


def test_core_modules_do_not_import_textual_or_rich():
    """The same wall at run time: importing every core module loads neither."""
    code = (
        "import importlib, pkgutil, sys, reader\n"
        "core = ['reader.article', 'reader.attribution', 'reader.config', 'reader.errors', 'reader.fileio',\n"
        "        'reader.grades', 'reader.paths', 'reader.safe_text', 'reader.store', 'reader.exports',\n"
        "        'reader.agreement',\n"
        "        'reader.review']\n"
        "for name in core:\n"
        "    pkg = importlib.import_module(name)\n"
        "    for m in pkgutil.walk_packages(getattr(pkg, '__path__', []), name + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(' '.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
