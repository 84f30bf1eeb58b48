"""The engine, the store, the exports, the review session and article loading never import
the UI."""
import subprocess
import sys


def test_core_modules_do_not_import_textual_or_rich():
    code = (
        "import importlib, pkgutil, sys, reader\n"
        "core = ['reader.article', 'reader.attribution', 'reader.config', 'reader.fileio',\n"
        "        'reader.store', 'reader.exports', 'reader.review']\n"
        "for name in core:\n"
        "    pkg = importlib.import_module(name)\n"
        "    for m in pkgutil.walk_packages(getattr(pkg, '__path__', []), name + '.'):\n"
        "        importlib.import_module(m.name)\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))\n"
        "print(' '.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
