"""Booking without re-importing, end to end against real servers: ``motesplan send``
e-mails invitations and changes to an aiosmtpd SMTP server, ``motesplan publish``
brings a Radicale CalDAV calendar to the plan. What arrived is read back by clients
that did not write it: Python's ``email`` parser, vobject for the calendars in the
e-mails, and the ``caldav`` library (with Radicale's own log of the requests that
wrote) for the server.

The flow is the issue's: the Södertörn example with addresses added in a test copy,
planned, sent, replanned after the committee fixes its dates (five meetings move,
one is cancelled), sent again with ``--previous``, published twice and again after
the replan.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest
import vobject
from icalendar import Calendar

from motesplan import (
    MailError,
    SentRecord,
    SmtpServer,
    SolveOptions,
    invitation_messages,
    load_config,
    mails,
    send_mails,
    solve,
)
from tests.conftest import ROOT
from tests.servers import (
    PASSWORD,
    REFUSED,
    USER,
    Radicale,
    Smtp,
    free_port,
    radicale_server,
    smtp_server,
)
from tests.test_cli import TIME_LIMIT, assert_invalid, motesplan, with_invitations
from tests.test_cli_replan import committee_config

ORGANIZER = "anna@example.se"
SECRET = "SMTP_PASSWORD"
MOVED = ["lg-2024-03", "sk-2024-02", "sk-2024-03", "sk-2024-05", "sk-2024-06"]
CANCELLED = "sk-2024-04"
PARTIES = ("s", "m", "sd", "c", "v", "kd", "l", "mp")


@pytest.fixture(scope="module")
def smtp() -> Iterator[Smtp]:
    with smtp_server() as server:
        yield server


@pytest.fixture(scope="module")
def caldav_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Radicale]:
    with radicale_server(tmp_path_factory.mktemp("radicale")) as server:
        yield server


@pytest.fixture(scope="module")
def flow(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """The example with addresses, its plan, and the plan after the committee decided."""
    folder = tmp_path_factory.mktemp("flow")
    config = with_invitations(folder)
    decided = committee_config(folder, config)
    plan, new = folder / "plan.json", folder / "new.json"
    run = motesplan("plan", config, "--json", plan, "--time-limit", TIME_LIMIT)
    assert run.returncode == 0, run.stderr
    run = motesplan(
        "replan", decided, "--previous", plan, "--json", new, "--time-limit", TIME_LIMIT
    )
    assert run.returncode == 0, run.stderr
    return {"config": config, "decided": decided, "plan": plan, "new": new}


def _meetings(plan: Path) -> dict[str, dict[str, Any]]:
    data = json.loads(plan.read_text(encoding="utf-8"))
    return {m["id"]: m for m in data["meetings"]}


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, SECRET: PASSWORD, **extra}


def _calendar_part(email: Any) -> Any:
    """The text/calendar part of an e-mail, read by vobject."""
    parts = [p for p in email.walk() if p.get_content_type() == "text/calendar"]
    assert len(parts) == 1
    return parts[0], next(vobject.readComponents(parts[0].get_content()))


def _text_part(email: Any) -> str:
    parts = [p for p in email.walk() if p.get_content_type() == "text/plain"]
    assert len(parts) == 1
    text: str = parts[0].get_content()
    return text


# --- send -------------------------------------------------------------------------------------


def test_send_then_replan_then_send_the_changes(
    flow: dict[str, Path], smtp: Smtp, tmp_path: Path
) -> None:
    smtp.reset()
    plan = tmp_path / "plan.json"
    plan.write_bytes(flow["plan"].read_bytes())
    meetings = _meetings(plan)
    send = ("send", flow["config"], plan, "--smtp", smtp.address, "--user", USER)
    run = motesplan(*send, "--password-env", SECRET, env=_env())
    assert run.returncode == 0, run.stderr
    assert PASSWORD not in run.stdout + run.stderr
    assert len(smtp.received) == len(meetings) == 19
    uids = Counter()
    for received in smtp.received:
        email = received.email
        assert email.get_content_type() == "multipart/alternative"
        assert received.sender == ORGANIZER
        assert ORGANIZER in email["From"]
        assert len(received.recipients) == 8  # the eight municipalities
        part, cal = _calendar_part(email)
        assert part.get_param("method") == "REQUEST"
        assert cal.method.value == "REQUEST"
        event = cal.vevent
        uids[event.uid.value] += 1
        assert event.organizer.value == f"mailto:{ORGANIZER}"
        attendees = sorted(a.value.removeprefix("mailto:") for a in event.attendee_list)
        assert attendees == sorted(received.recipients)
        meeting_id = event.uid.value.split("@")[0]
        assert meeting_id in meetings
        assert "inbjuden" in _text_part(email)  # Swedish by default
    assert set(uids.values()) == {1}
    assert "E-brev skickade nu: 19; skickade förut: 0" in run.stdout

    # the same command again sends nothing: the record beside the plan knows
    smtp.reset()
    again = motesplan(*send, "--password-env", SECRET, env=_env())
    assert again.returncode == 0, again.stderr
    assert smtp.received == []
    assert "skickade nu: 0; skickade förut: 19" in again.stdout
    record = json.loads((tmp_path / "plan.json.sent.json").read_text(encoding="utf-8"))
    assert len(record["sent"]) == 19
    # nor in another language: the same meetings to the same people were sent
    again = motesplan(*send, "--password-env", SECRET, "--lang", "en", env=_env())
    assert again.returncode == 0, again.stderr
    assert smtp.received == []

    # after the committee decided: exactly the changed meetings, in place or cancelled
    new = tmp_path / "new.json"
    new.write_bytes(flow["new"].read_bytes())
    run = motesplan(
        "send", flow["decided"], new, "--previous", plan, "--smtp", smtp.address, "--lang", "en"
    )
    assert run.returncode == 0, run.stderr
    methods = {}
    for received in smtp.received:
        part, cal = _calendar_part(received.email)
        event = cal.vevent
        meeting_id = event.uid.value.split("@")[0]
        methods[meeting_id] = cal.method.value
        assert int(event.sequence.value) > meetings[meeting_id]["sequence"]
        assert part.get_param("method") == cal.method.value
        text = _text_part(received.email)
        if cal.method.value == "CANCEL":
            assert event.status.value == "CANCELLED"
            assert "is cancelled" in text
            assert received.email["Subject"].startswith("Cancelled: ")
        else:
            assert "has changed" in text
            assert received.email["Subject"].startswith("Changed: ")
    assert methods == {**dict.fromkeys(MOVED, "REQUEST"), CANCELLED: "CANCEL"}
    assert "Sent sk-2024-04 (cancellation) to " in run.stdout


def test_after_a_date_closes_send_previous_sends_exactly_the_moved_meetings(
    flow: dict[str, Path], smtp: Smtp, tmp_path: Path
) -> None:
    closed = tmp_path / "closed.toml"
    text = flow["config"].read_text(encoding="utf-8")
    text = text.replace(
        "bridge_days = true\n",
        'bridge_days = true\ndates = [{ name = "Kommunstämma", dates = [2024-04-26] }]\n',
    )
    closed.write_text(text, encoding="utf-8")
    new = tmp_path / "new.json"
    run = motesplan(
        "replan", closed, "--previous", flow["plan"], "--json", new, "--time-limit", TIME_LIMIT
    )
    assert run.returncode == 0, run.stderr
    before, after = _meetings(flow["plan"]), _meetings(new)
    assert before["lg-2024-04"]["date"] == "2024-04-26"
    assert after["lg-2024-04"]["date"] != "2024-04-26"
    moved = {m for m in after if m in before and after[m]["date"] != before[m]["date"]}
    smtp.reset()
    run = motesplan("send", closed, new, "--previous", flow["plan"], "--smtp", smtp.address)
    assert run.returncode == 0, run.stderr
    sent = {}
    for received in smtp.received:
        _, cal = _calendar_part(received.email)
        sent[cal.vevent.uid.value.split("@")[0]] = cal.method.value
    assert sent == dict.fromkeys(moved, "REQUEST")
    assert "lg-2024-04" in sent


def test_send_in_english_says_so_in_the_text_part(
    flow: dict[str, Path], smtp: Smtp, tmp_path: Path
) -> None:
    smtp.reset()
    plan = tmp_path / "plan.json"
    plan.write_bytes(flow["plan"].read_bytes())
    run = motesplan("send", flow["config"], plan, "--smtp", smtp.address, "--lang", "en")
    assert run.returncode == 0, run.stderr
    first = smtp.received[0].email
    assert first["Subject"].startswith("Invitation: ")
    assert "You are invited to" in _text_part(first)
    assert "E-mails sent now: 19; sent before: 0" in run.stdout


def test_dry_run_writes_eml_files_and_sends_nothing(
    flow: dict[str, Path], smtp: Smtp, tmp_path: Path
) -> None:
    smtp.reset()
    out = tmp_path / "eml"
    run = motesplan("send", flow["config"], flow["plan"], "--dry-run", out)
    assert run.returncode == 0, run.stderr
    assert smtp.received == []
    files = sorted(out.iterdir())
    assert len(files) == 19
    assert all(f.suffix == ".eml" for f in files)
    from email import message_from_bytes, policy  # noqa: PLC0415

    email = message_from_bytes(files[0].read_bytes(), policy=policy.default)
    _, cal = _calendar_part(email)
    assert cal.method.value == "REQUEST"
    assert email["Content-Class"] == "urn:content-classes:calendarmessage"
    assert not (flow["plan"].parent / "plan.json.sent.json").exists()


def test_a_failure_halfway_says_what_was_sent_and_a_rerun_sends_the_rest(
    flow: dict[str, Path], smtp: Smtp, tmp_path: Path
) -> None:
    plan = tmp_path / "plan.json"
    plan.write_bytes(flow["plan"].read_bytes())
    smtp.reset(fail_after=4)
    send = ("send", flow["config"], plan, "--smtp", smtp.address)
    run = motesplan(*send)
    assert run.returncode == 1, run.stderr
    assert "Traceback" not in run.stderr
    assert len(run.stderr.strip().splitlines()) == 1
    assert smtp.address in run.stderr
    assert "E-brev skickade nu: 4; skickade förut: 0" in run.stdout
    assert "Inte skickade: " in run.stdout
    first = [r.email["Message-ID"] for r in smtp.received]
    smtp.reset()
    run = motesplan(*send)
    assert run.returncode == 0, run.stderr
    assert len(smtp.received) == 15
    assert not {r.email["Message-ID"] for r in smtp.received} & set(first)
    assert "skickade nu: 15; skickade förut: 4" in run.stdout


def test_a_refused_recipient_is_named(flow: dict[str, Path], smtp: Smtp, tmp_path: Path) -> None:
    smtp.reset()
    config = tmp_path / "refused.toml"
    text = flow["config"].read_text(encoding="utf-8")
    config.write_text(text.replace("kansli", "nobody", 1).replace("@example.se", f"@{REFUSED}", 1))
    run = motesplan("send", config, flow["plan"], "--smtp", smtp.address, "--lang", "en")
    assert run.returncode == 1, run.stderr
    assert f"@{REFUSED}" in run.stderr
    assert smtp.address in run.stderr
    assert "correct the address" in run.stderr
    assert "Traceback" not in run.stderr


def test_a_wrong_password_is_refused(flow: dict[str, Path], smtp: Smtp, tmp_path: Path) -> None:
    smtp.reset()
    run = motesplan(
        "send", flow["config"], flow["plan"], "--smtp", smtp.address, "--user", USER,
        "--password-env", SECRET, "--lang", "en", env=_env(**{SECRET: "wrong"}),
    )  # fmt: skip
    assert run.returncode == 1, run.stderr
    assert "refused the login of kansli" in run.stderr
    assert smtp.address in run.stderr
    assert "wrong" not in run.stdout + run.stderr
    assert smtp.received == []


def test_what_is_sent_is_dated_now_and_names_everyone(
    flow: dict[str, Path], smtp: Smtp, tmp_path: Path
) -> None:
    smtp.reset()
    plan = tmp_path / "plan.json"
    plan.write_bytes(flow["plan"].read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "SOURCE_DATE_EPOCH"}
    before = dt.datetime.now(dt.UTC).replace(microsecond=0)
    run = motesplan("send", flow["config"], plan, "--smtp", smtp.address, env=env)
    assert run.returncode == 0, run.stderr
    after = dt.datetime.now(dt.UTC)
    for received in smtp.received:
        email = received.email
        assert before <= email["Date"].datetime <= after
        _, cal = _calendar_part(email)
        assert before <= cal.vevent.dtstamp.value <= after
        # the names survive the header (Nynäshamn, Södertälje, Tyresö are encoded)
        names = [address.display_name for address in email["To"].addresses]
        assert len(names) == 8
        assert {"Nynäshamn", "Södertälje", "Tyresö"} <= set(names)
        assert email["Message-ID"].endswith("@sodertornskommunerna.motesplan>")
    assert len({r.email["Message-ID"] for r in smtp.received}) == 19


def test_a_password_beyond_ascii_logs_in(flow: dict[str, Path], tmp_path: Path) -> None:
    with smtp_server(password="lösenord-åäö") as server:
        run = motesplan(
            "send", flow["config"], flow["plan"], "--smtp", server.address, "--user", USER,
            "--password-env", SECRET, "--dry-run", tmp_path / "eml",
            env=_env(**{SECRET: "lösenord-åäö"}),
        )  # fmt: skip
        assert run.returncode == 0, run.stderr  # a dry run never logs in
        plan = tmp_path / "plan.json"
        plan.write_bytes(flow["plan"].read_bytes())
        run = motesplan(
            "send", flow["config"], plan, "--smtp", server.address, "--user", USER,
            "--password-env", SECRET, env=_env(**{SECRET: "lösenord-åäö"}),
        )  # fmt: skip
        assert run.returncode == 0, run.stderr
        assert len(server.received) == 19


@pytest.mark.parametrize(
    ("flags", "named"),
    [
        (["--smtp", "127.0.0.1:{free}"], ["cannot reach the mail server 127.0.0.1:"]),
        (["--smtp", "nohost"], ["--smtp", "HOST:PORT"]),
        ([], ["--smtp HOST:PORT", "--dry-run DIR"]),
        (["--smtp", "{smtp}", "--user", USER, "--password-env", "NOT_SET_ANYWHERE"],
         ["NOT_SET_ANYWHERE"]),
        (["--smtp", "{smtp}", "--password-env", SECRET], ["--user"]),
        (["--smtp", "{smtp}", "--user", USER], ["--password-env"]),  # no terminal to ask
    ],
)  # fmt: skip
def test_send_input_errors_exit_2(
    flow: dict[str, Path], smtp: Smtp, flags: list[str], named: list[str]
) -> None:
    smtp.reset()
    filled = [f.format(free=free_port(), smtp=smtp.address) for f in flags]
    run = motesplan("send", flow["config"], flow["plan"], *filled, "--lang", "en")
    assert_invalid(run, *named)
    assert smtp.received == []


@pytest.mark.parametrize("tls", ["starttls", "ssl"])
def test_send_over_tls(flow: dict[str, Path], tmp_path: Path, tls: str) -> None:
    with smtp_server(tls, tmp_path) as server:
        plan = tmp_path / "plan.json"
        plan.write_bytes(flow["plan"].read_bytes())
        send = (
            "send", flow["config"], plan, "--smtp", server.address, f"--{tls}",
            "--user", USER, "--password-env", SECRET, "--lang", "en",
        )  # fmt: skip
        # a certificate the machine does not trust: nothing is sent, the server named
        run = motesplan(*send, env=_env())
        assert run.returncode == 2, run.stderr
        assert f"cannot reach the mail server {server.address}" in run.stderr
        assert "CERTIFICATE_VERIFY_FAILED" in run.stderr
        assert server.received == []
        # trusted (SSL_CERT_FILE is read by Python's default context): all of them
        run = motesplan(*send, env=_env(SSL_CERT_FILE=str(tmp_path / "cert.pem")))
        assert run.returncode == 0, run.stderr
        assert len(server.received) == 19
        if tls == "starttls":  # the server demands STARTTLS: a plain connection is refused
            server.reset()
            plain = [flag for flag in send if flag != "--starttls"]
            (tmp_path / "plan.json.sent.json").unlink()
            run = motesplan(*plain, env=_env())
            assert run.returncode == 1, run.stderr
            assert server.address in run.stderr
            assert server.received == []


# --- publish ----------------------------------------------------------------------------------


def test_publish_twice_then_after_the_replan(
    flow: dict[str, Path], caldav_server: Radicale
) -> None:
    caldav_server.clear()
    # an event someone else put in the shared calendar: never touched
    foreign = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//someone//EN\r\nBEGIN:VEVENT\r\n"
        "UID:julfika@example.se\r\nDTSTAMP:20240101T000000Z\r\n"
        "DTSTART:20241213T140000Z\r\nDTEND:20241213T150000Z\r\nSUMMARY:Julfika\r\n"
        "END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    caldav_server.client().save_event(foreign)
    publish = ("--caldav", caldav_server.calendar_url, "--user", USER, "--password-env", SECRET)
    meetings = _meetings(flow["plan"])
    run = motesplan("publish", flow["config"], flow["plan"], *publish, env=_env())
    assert run.returncode == 0, run.stderr
    assert "19 skapade, 0 uppdaterade, 0 borttagna, 0 oförändrade" in run.stdout
    events = caldav_server.events()
    ours = {uid.split("@")[0] for uid in events if uid.endswith(".motesplan")}
    assert ours == set(meetings)
    assert "julfika@example.se" in events

    # twice: nothing written
    before = len(caldav_server.writes())
    run = motesplan("publish", flow["config"], flow["plan"], *publish, env=_env())
    assert run.returncode == 0, run.stderr
    assert "0 skapade, 0 uppdaterade, 0 borttagna, 19 oförändrade" in run.stdout
    assert caldav_server.writes()[before:] == []

    # a dry run after the replan says what would change and writes nothing
    run = motesplan("publish", flow["decided"], flow["new"], *publish, "--dry-run", env=_env())
    assert run.returncode == 0, run.stderr
    assert "skulle skapa 0, uppdatera 5, ta bort 1; 13 oförändrade" in run.stdout
    assert f"Skulle ta bort {CANCELLED}" in run.stdout
    assert caldav_server.writes()[before:] == []

    # after the replan: the live meetings, moved ones in place with a higher SEQUENCE
    run = motesplan("publish", flow["decided"], flow["new"], *publish, env=_env())
    assert run.returncode == 0, run.stderr
    assert "0 skapade, 5 uppdaterade, 1 borttagna, 13 oförändrade" in run.stdout
    events = caldav_server.events()
    new = _meetings(flow["new"])
    live = {m for m, data in new.items() if data["status"] != "cancelled"}
    ours = {uid.split("@")[0]: e for uid, e in events.items() if uid.endswith(".motesplan")}
    assert set(ours) == live
    assert CANCELLED not in ours
    for meeting_id in MOVED:
        assert int(ours[meeting_id]["SEQUENCE"]) > meetings[meeting_id]["sequence"]
        assert str(ours[meeting_id]["DTSTART"].dt.date()) == new[meeting_id]["date"]
    assert "julfika@example.se" in events
    assert len(caldav_server.writes()[before:]) == 6  # five updates, one delete

    # and again: nothing
    after = len(caldav_server.writes())
    run = motesplan("publish", flow["decided"], flow["new"], *publish, env=_env())
    assert run.returncode == 0, run.stderr
    assert caldav_server.writes()[after:] == []


def test_publish_takes_over_an_imported_file_instead_of_failing(
    flow: dict[str, Path], caldav_server: Radicale, tmp_path: Path
) -> None:
    caldav_server.clear()
    ics = tmp_path / "plan.ics"
    run = motesplan("plan", flow["config"], "--ics", ics, "--time-limit", TIME_LIMIT)
    assert run.returncode == 0, run.stderr
    calendar = caldav_server.client()
    whole = Calendar.from_ical(ics.read_bytes())
    zones = list(whole.walk("VTIMEZONE"))
    for event in whole.walk("VEVENT"):  # imported as a calendar program would: one each
        single = Calendar()
        single.add("prodid", "-//someone//EN")
        single.add("version", "2.0")
        for zone in zones:
            single.add_component(zone)
        single.add_component(event)
        calendar.save_event(single.to_ical().decode())
    publish = ("--caldav", caldav_server.calendar_url, "--user", USER, "--password-env", SECRET)
    run = motesplan("publish", flow["config"], flow["plan"], *publish, env=_env())
    assert run.returncode == 0, run.stderr
    assert "0 skapade, 19 uppdaterade, 0 borttagna, 0 oförändrade" in run.stdout
    assert len(caldav_server.events()) == 19  # each UID once
    run = motesplan("publish", flow["config"], flow["plan"], *publish, env=_env())
    assert "19 oförändrade" in run.stdout


@pytest.mark.parametrize(
    ("where", "password", "code", "named"),
    [
        ("http://127.0.0.1:{free}/kansli/motesplan/", PASSWORD, 2,
         ["cannot reach the calendar server at http://127.0.0.1:"]),
        ("{root}kansli/motesplan/", "wrong", 1, ["refused the login of kansli"]),
        ("{root}kansli/", PASSWORD, 2, ["is not a CalDAV calendar"]),
        ("{root}kansli/nothing-here/", PASSWORD, 2, ["is not a CalDAV calendar"]),
    ],
)  # fmt: skip
def test_publish_errors(  # noqa: PLR0917 (fixtures and parameters)
    flow: dict[str, Path],
    caldav_server: Radicale,
    where: str,
    password: str,
    code: int,
    named: list[str],
) -> None:
    url = where.format(free=free_port(), root=caldav_server.root)
    before = len(caldav_server.writes())
    run = motesplan(
        "publish", flow["config"], flow["plan"], "--caldav", url, "--user", USER,
        "--password-env", SECRET, "--lang", "en", env=_env(**{SECRET: password}),
    )  # fmt: skip
    assert run.returncode == code, run.stderr
    assert "Traceback" not in run.stderr
    lines = run.stderr.strip().splitlines()
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("motesplan: error: "), run.stderr
    for text in named:
        assert text in lines[0]
    assert password not in run.stdout + run.stderr
    assert caldav_server.writes()[before:] == []


# --- the API: recipients per body, the record, feeds ------------------------------------------


def test_each_meeting_goes_to_its_bodys_representatives_on_its_day(
    smtp: Smtp, tmp_path: Path
) -> None:
    config = load_config(ROOT / "examples" / "kommun-2027-2030.toml")
    problem = config.problem
    result = solve(problem, SolveOptions(time_limit=5))
    assert result.plan is not None
    first_year = attrs.evolve(
        result.plan, meetings=tuple(m for m in result.plan.meetings if m.date.year <= 2028)
    )
    assert config.organizer is not None
    organizer = config.organizer
    messages = invitation_messages(problem, first_year, organizer=organizer)
    items = mails(problem, messages, organizer=organizer, language="en")
    smtp.reset()
    report = send_mails(items, SmtpServer(smtp.host, smtp.port), SentRecord(tmp_path / "sent.json"))
    assert report.error is None
    assert len(report.sent) == len(smtp.received) == len(first_year.meetings)
    by_body: dict[str, set[frozenset[str]]] = {}
    for item, received in zip(items, smtp.received, strict=True):
        meeting = item.calendar.meeting
        expected = {person.email for person in problem.invitees(meeting.series, meeting.date)}
        assert set(received.recipients) == expected, meeting.id
        body = problem.get_series(meeting.series).body
        by_body.setdefault(body, set()).add(frozenset(received.recipients))
        # a representative who left on 30 June 2028 gets nothing after it
        if meeting.date > dt.date(2028, 6, 30):
            assert "maria.nystrom@sjostad.example.se" not in received.recipients
    # a body without representatives: the parties' group offices
    assert by_body["bun"] == {
        frozenset(f"gruppkansli.{party}@sjostad.example.se" for party in PARTIES)
    }
    sets = [recipients for found in by_body.values() for recipients in found]
    assert len(set(sets)) > 2  # the council, the board and the committees differ


def test_a_broken_record_is_named_and_nothing_is_sent(
    flow: dict[str, Path], smtp: Smtp, tmp_path: Path
) -> None:
    smtp.reset()
    plan = tmp_path / "plan.json"
    plan.write_bytes(flow["plan"].read_bytes())
    record = tmp_path / "plan.json.sent.json"
    record.write_text("{ not json", encoding="utf-8")
    run = motesplan("send", flow["config"], plan, "--smtp", smtp.address, "--lang", "en")
    assert_invalid(run, str(record), "move it away")
    assert smtp.received == []
    with pytest.raises(MailError):
        SentRecord(record)


def test_the_feed_has_its_refresh_interval_and_organizer(
    flow: dict[str, Path], tmp_path: Path
) -> None:
    config = tmp_path / "feed.toml"
    text = flow["config"].read_text(encoding="utf-8")
    config.write_text(text + '\n[calendar]\nrefresh = "PT12H"\n', encoding="utf-8")
    out = tmp_path / "plan.ics"
    run = motesplan("plan", config, "--ics", out, "--time-limit", TIME_LIMIT)
    assert run.returncode == 0, run.stderr
    cal = next(vobject.readComponents(out.read_text(encoding="utf-8")))
    assert cal.contents["refresh-interval"][0].value == "PT12H"
    assert cal.contents["x-published-ttl"][0].value == "PT12H"
    assert cal.x_wr_calname.value == "Södertörnskommunerna 2024"
    organizers = {event.organizer.value for event in cal.vevent_list}
    assert organizers == {f"mailto:{ORGANIZER}"}


def test_a_refresh_that_is_not_a_duration_is_an_error(
    flow: dict[str, Path], tmp_path: Path
) -> None:
    config = tmp_path / "feed.toml"
    text = flow["config"].read_text(encoding="utf-8")
    config.write_text(text + '\n[calendar]\nrefresh = "daily"\n', encoding="utf-8")
    run = motesplan("plan", config, "--ics", tmp_path / "plan.ics", "--lang", "en")
    assert_invalid(run, "calendar.refresh", "P1D")
    assert not (tmp_path / "plan.ics").exists()


def test_publish_without_a_login_to_a_server_that_wants_one(
    flow: dict[str, Path], caldav_server: Radicale
) -> None:
    url = caldav_server.calendar_url
    run = motesplan("publish", flow["config"], flow["plan"], "--caldav", url, "--lang", "en")
    assert_invalid(run, url, "wants a login", "--user NAME")
