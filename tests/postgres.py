"""A throw-away PostgreSQL cluster for the tests, CI and the bench: a real server, never a mock.

    python3 tests/postgres.py start DIR [--durable]   prints the cluster's address
    python3 tests/postgres.py stop DIR

`start` runs initdb in DIR/data and starts the server with its Unix socket in DIR and TCP on a
free port of 127.0.0.1 only (trust on the socket, passwords over TCP, for the tests of a wrong
password). Run as root (as CI may be), initdb and the server run as the unprivileged `postgres`
user (or `nobody`), since initdb refuses root. Without --durable the server does not fsync
(tests); with it, it keeps PostgreSQL's defaults (the bench's figures). Standard library only:
CI runs it before the project is installed.
"""
from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import sys
from pathlib import Path

SUPERUSER = "reader"
HOW_TO_GET_ONE = ("the PostgreSQL tests need a server: install PostgreSQL's programs (apt-get install -y "
                  "postgresql) so the tests can start a throw-away one, or set READER_TEST_POSTGRESQL to the "
                  "address of a server where they may create databases")


class NoServer(Exception):
    """No cluster could be started; the message says why and how to get one."""


def binaries() -> Path | None:
    """The folder of initdb and pg_ctl: on PATH, else Debian's /usr/lib/postgresql/N/bin (newest)."""
    found = shutil.which("initdb")
    if found:
        return Path(found).parent
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"),
                      key=lambda p: int(Path(p).parent.parent.name) if Path(p).parent.parent.name.isdigit() else 0)
    return Path(versions[-1]).parent if versions else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _as_owner(folder: Path) -> list[str]:
    """The command prefix that runs a program as the cluster's owner, chowning `folder` to it."""
    if os.geteuid() != 0:
        return []
    for name in ("postgres", "nobody"):
        try:
            user = pwd.getpwnam(name)
        except KeyError:
            continue
        os.chown(folder, user.pw_uid, user.pw_gid)
        return ["runuser", "-u", name, "--"]
    raise NoServer("running as root with neither a 'postgres' nor a 'nobody' user to run the server as")


def address(folder: Path, database: str = "postgres") -> str:
    port = (folder / "port").read_text().strip()
    return f"postgresql://{SUPERUSER}@/{database}?host={folder}&port={port}"


def start(folder: Path, *, durable: bool = False) -> str:
    """Start a fresh cluster in `folder` (an empty folder); returns its address."""
    bin_dir = binaries()
    if bin_dir is None:
        raise NoServer(HOW_TO_GET_ONE)
    folder = folder.absolute()
    folder.mkdir(parents=True, exist_ok=True)
    folder.chmod(0o755)
    owner = _as_owner(folder)
    data = folder / "data"
    run = [*owner, str(bin_dir / "initdb"), "-D", str(data), "-U", SUPERUSER, "--auth-local=trust",
           "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]
    done = subprocess.run(run, capture_output=True, text=True)
    if done.returncode != 0:
        raise NoServer(f"initdb failed: {done.stderr.strip() or done.stdout.strip()}")
    port = _free_port()
    settings = [f"port = {port}", "listen_addresses = '127.0.0.1'", f"unix_socket_directories = '{folder}'",
                "max_connections = 200", "shared_buffers = 64MB"]
    if not durable:
        settings += ["fsync = off", "synchronous_commit = off", "full_page_writes = off"]
    with open(data / "postgresql.conf", "a", encoding="utf-8") as conf:
        conf.write("\n".join(settings) + "\n")
    (folder / "port").write_text(f"{port}\n")
    log = folder / "server.log"
    done = subprocess.run([*owner, str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(log), "-w", "-t", "60",
                           "start"], capture_output=True, text=True)
    if done.returncode != 0:
        tail = log.read_text(errors="replace").strip().splitlines()[-3:] if log.exists() else []
        raise NoServer(f"the server did not start: {' '.join(tail) or done.stderr.strip()}")
    return address(folder)


def stop(folder: Path) -> None:
    """Stop the cluster in `folder` at once (its data is thrown away)."""
    bin_dir = binaries()
    data = folder.absolute() / "data"
    if bin_dir is not None and (data / "postmaster.pid").exists():
        owner = ["runuser", "-u", data.owner(), "--"] if os.geteuid() == 0 else []
        subprocess.run([*owner, str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"],
                       capture_output=True)


def main(argv: list[str]) -> int:
    if len(argv) < 2 or argv[0] not in ("start", "stop"):
        print(__doc__, file=sys.stderr)
        return 2
    folder = Path(argv[1])
    if argv[0] == "stop":
        stop(folder)
        return 0
    try:
        print(start(folder, durable="--durable" in argv))
    except NoServer as e:
        print(f"tests/postgres.py: {e}.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
