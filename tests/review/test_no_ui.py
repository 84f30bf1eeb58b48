"""The review session is plain Python: importing it pulls in neither Textual nor Rich."""
import subprocess
import sys


def test_review_package_does_not_import_the_ui():
    code = (
        "import sys, reader.review, reader.review.export\n"
        "print(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""
