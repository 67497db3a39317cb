"""Real servers for the booking tests, on 127.0.0.1 with free ports: a Radicale CalDAV
server (a subprocess, with a login and a calendar collection) and an aiosmtpd SMTP
server (in a thread, with a login, that keeps every message it takes).

Without Radicale or aiosmtpd (``pip install motesplan[test]``) the tests that need
them skip, saying why; with ``CI=true`` a missing one fails the run.
"""

from __future__ import annotations

import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

USER = "kansli"
PASSWORD = "hemligt-123"
REFUSED = "refused.example.se"
"""Recipients at this domain are refused by the test SMTP server (550)."""

WRITES = ("PUT", "DELETE", "MKCALENDAR", "MKCOL", "PROPPATCH", "MOVE", "COPY")
"""HTTP methods that change a CalDAV server."""


def missing(what: str) -> None:
    """Skip, saying what is missing; in CI a missing component fails the run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{what} (CI=true: .ci/run installs it)")
    pytest.skip(what)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def _wait_for(port: int, process: subprocess.Popen[bytes] | None = None) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server stopped (exit {process.returncode})")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.05)
    raise RuntimeError(f"nothing answers on 127.0.0.1:{port}")


# --- CalDAV ---------------------------------------------------------------------------------


@dataclass
class Radicale:
    """A running Radicale server with one user and one calendar collection."""

    root: str
    calendar_url: str
    log: Path

    def writes(self) -> list[str]:
        """The requests that changed the server so far, from its log (``PUT /...``)."""
        lines = self.log.read_text(encoding="utf-8", errors="replace").splitlines()
        return [line for line in lines if any(f"{m} request for" in line for m in WRITES)]

    def client(self) -> Any:
        """A calendar of the ``caldav`` library on the collection, logged in."""
        from caldav.davclient import DAVClient  # noqa: PLC0415

        client = DAVClient(url=self.calendar_url, username=USER, password=PASSWORD)
        return client.calendar(url=self.calendar_url)

    def events(self) -> dict[str, Any]:
        """Every event on the calendar by UID (each UID once: a second would fail)."""
        found: dict[str, Any] = {}
        for item in self.client().events():
            for event in item.icalendar_instance.walk("VEVENT"):
                uid = str(event["UID"])
                assert uid not in found, f"{uid} twice on the server"
                found[uid] = event
        return found

    def clear(self) -> None:
        """Delete every resource in the calendar (a test's own start)."""
        for item in self.client().events():
            item.delete()


@contextmanager
def radicale_server(folder: Path) -> Iterator[Radicale]:
    """Start Radicale on a free port with a login, make a calendar, stop it after."""
    try:
        import caldav  # noqa: F401, PLC0415
        import radicale  # noqa: F401, PLC0415
    except ImportError:
        missing("Radicale or caldav is not installed (pip install motesplan[test])")
    port = free_port()
    users = folder / "users"
    users.write_text(f"{USER}:{PASSWORD}\n", encoding="utf-8")
    config = folder / "config"
    config.write_text(
        "[server]\n"
        f"hosts = 127.0.0.1:{port}\n"
        "[auth]\n"
        "type = htpasswd\n"
        f"htpasswd_filename = {users}\n"
        "htpasswd_encryption = plain\n"
        "delay = 0\n"
        "[rights]\n"
        "type = owner_only\n"
        "[storage]\n"
        f"filesystem_folder = {folder / 'collections'}\n"
        "[logging]\n"
        "level = info\n"
        "mask_passwords = True\n",
        encoding="utf-8",
    )
    log = folder / "radicale.log"
    with open(log, "wb") as sink:
        process = subprocess.Popen(
            [sys.executable, "-m", "radicale", "--config", str(config)],
            stdout=sink,
            stderr=subprocess.STDOUT,
        )
    try:
        _wait_for(port, process)
        root = f"http://127.0.0.1:{port}/"
        url = f"{root}{USER}/motesplan/"
        from caldav.davclient import DAVClient  # noqa: PLC0415

        client = DAVClient(url=root, username=USER, password=PASSWORD)
        client.principal().make_calendar(name="Möten", cal_id="motesplan")
        yield Radicale(root, url, log)
    finally:
        process.terminate()
        process.wait(timeout=10)


# --- SMTP -----------------------------------------------------------------------------------


@dataclass
class Received:
    """One message the SMTP server took: the envelope and the parsed e-mail."""

    sender: str
    recipients: list[str]
    email: EmailMessage


@dataclass
class _Handler:
    received: list[Received] = field(default_factory=list)
    fail_after: int | None = None  # take this many messages, then answer 451

    async def handle_RCPT(  # noqa: N802 (aiosmtpd's name)
        self, server: Any, session: Any, envelope: Any, address: str, options: Any
    ) -> str:
        if address.endswith("@" + REFUSED):
            return f"550 5.1.1 <{address}>: no such mailbox"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(  # noqa: N802
        self, server: Any, session: Any, envelope: Any
    ) -> str:
        if self.fail_after is not None and len(self.received) >= self.fail_after:
            return "451 4.3.0 try again later"
        email = message_from_bytes(envelope.original_content, policy=policy.default)
        assert isinstance(email, EmailMessage)
        self.received.append(Received(envelope.mail_from, list(envelope.rcpt_tos), email))
        return "250 Message accepted"


@dataclass
class Smtp:
    """A running SMTP server: where it is and what it took."""

    host: str
    port: int
    handler: _Handler

    @property
    def address(self) -> str:
        return f"{self.host}:{self.port}"

    @property
    def received(self) -> list[Received]:
        return self.handler.received

    def reset(self, fail_after: int | None = None) -> None:
        self.handler.received.clear()
        self.handler.fail_after = fail_after


def certificate(folder: Path) -> tuple[Path, Path]:
    """A self-signed certificate for 127.0.0.1 (made by openssl): (cert, key)."""
    openssl = shutil.which("openssl")
    if openssl is None:
        missing("openssl is not installed (apt install openssl)")
        raise AssertionError  # not reached
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [
            openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-keyout", str(key), "-out", str(cert), "-subj", "/CN=127.0.0.1",
            "-addext", "subjectAltName=IP:127.0.0.1",
        ],
        check=True,
        capture_output=True,
    )  # fmt: skip
    return cert, key


@contextmanager
def smtp_server(
    tls: str | None = None, folder: Path | None = None, password: str = PASSWORD
) -> Iterator[Smtp]:
    """Start an SMTP server (AUTH PLAIN/LOGIN as USER/``password``) on a free port; with
    ``tls="starttls"`` it demands STARTTLS, with ``tls="ssl"`` it speaks TLS from the
    start, with a self-signed certificate for 127.0.0.1 made in ``folder``."""
    try:
        from aiosmtpd.controller import Controller  # noqa: PLC0415
        from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: PLC0415
    except ImportError:
        missing("aiosmtpd is not installed (pip install motesplan[test])")

    def authenticator(server: Any, session: Any, envelope: Any, mechanism: str, data: Any) -> Any:
        ok = (
            isinstance(data, LoginPassword)
            and data.login == USER.encode()
            and data.password == password.encode()
        )
        return AuthResult(success=ok, handled=False)

    # aiosmtpd itself touches its deprecated Session.login_data when it logs a client in
    warnings.filterwarnings("ignore", "Session.login_data", DeprecationWarning)
    handler = _Handler()
    port = free_port()
    options: dict[str, Any] = {}
    if tls is not None:
        assert folder is not None
        cert, key = certificate(folder)
        context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        context.load_cert_chain(cert, key)
        if tls == "ssl":
            options["ssl_context"] = context
        else:
            options.update(tls_context=context, require_starttls=True)
    controller = Controller(
        handler,
        hostname="127.0.0.1",
        port=port,
        authenticator=authenticator,
        auth_require_tls=False,
        **options,
    )
    controller.start()
    try:
        yield Smtp("127.0.0.1", port, handler)
    finally:
        controller.stop()
