"""Booking at the size of a mandate period: the four-year municipal example (about 470
meetings and reserve dates) e-mailed to a local SMTP server and published to a local
Radicale CalDAV server, both started here on 127.0.0.1 (as the tests start them):

    .venv/bin/python benchmarks/bench_booking.py [--runs N]

It prints the median of N runs (default 3) of: making the e-mails; ``motesplan send``
of all of them; the same command again (the record has them: nothing is sent);
``motesplan publish`` to an empty calendar; and again (nothing written). The ratios say
what a rerun costs next to the first run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import format_table, machine

from motesplan import SolveOptions, invitation_messages, load_config, mails, result_to_json, solve

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.servers import PASSWORD, USER, radicale_server, smtp_server  # noqa: E402

CONFIG = ROOT / "examples" / "kommun-2027-2030.toml"
SECRET = "BENCH_PASSWORD"


def motesplan(*args: str | Path) -> float:
    """Run the command line; its wall-clock seconds (it must succeed)."""
    env = {**os.environ, SECRET: PASSWORD}
    start = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "motesplan", *map(str, args)],
        cwd=ROOT,
        env=env,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        check=False,
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"motesplan {' '.join(map(str, args))} failed:\n{done.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    config = load_config(CONFIG)
    problem = config.problem
    assert config.organizer is not None
    result = solve(problem, SolveOptions(time_limit=10))
    assert result.plan is not None
    plan = result.plan
    folder = Path(tempfile.mkdtemp(prefix="motesplan-bench-"))
    plan_file = folder / "plan.json"
    plan_file.write_text(result_to_json(result, problem), encoding="utf-8")
    record = folder / "plan.json.sent.json"
    figures: dict[str, list[float]] = {name: [] for name in ("make", "send", "again")}
    figures |= {"publish": [], "publish again": []}
    count = 0
    for _ in range(runs):
        start = time.perf_counter()
        made = mails(
            problem,
            invitation_messages(problem, plan, organizer=config.organizer),
            organizer=config.organizer,
        )
        figures["make"].append(time.perf_counter() - start)
        count = len(made)
    with smtp_server() as server:
        for _ in range(runs):
            record.unlink(missing_ok=True)
            server.reset()
            send = ("send", CONFIG, plan_file, "--smtp", server.address, "--user", USER)
            figures["send"].append(motesplan(*send, "--password-env", SECRET))
            assert len(server.received) == count, (len(server.received), count)
            figures["again"].append(motesplan(*send, "--password-env", SECRET))
    (folder / "radicale").mkdir()
    with radicale_server(folder / "radicale") as caldav:
        for _ in range(runs):
            caldav.clear()
            login = ("--user", USER, "--password-env", SECRET)
            publish = ("publish", CONFIG, plan_file, "--caldav", caldav.calendar_url, *login)
            figures["publish"].append(motesplan(*publish))
            writes = len(caldav.writes())
            figures["publish again"].append(motesplan(*publish))
            assert len(caldav.writes()) == writes  # nothing written
    shutil.rmtree(folder, ignore_errors=True)
    median = {name: statistics.median(values) for name, values in figures.items()}
    rows = [
        {"step": "make the e-mails (Python)", "seconds": f"{median['make']:.2f}", "ratio": ""},
        {"step": "motesplan send", "seconds": f"{median['send']:.2f}", "ratio": "1"},
        {
            "step": "motesplan send again (nothing sent)",
            "seconds": f"{median['again']:.2f}",
            "ratio": f"{median['again'] / median['send']:.2f}",
        },
        {"step": "motesplan publish (empty calendar)", "seconds": f"{median['publish']:.2f}",
         "ratio": "1"},
        {
            "step": "motesplan publish again (nothing written)",
            "seconds": f"{median['publish again']:.2f}",
            "ratio": f"{median['publish again'] / median['publish']:.2f}",
        },
    ]  # fmt: skip
    print(f"{CONFIG.name}: {count} e-mails / events; median of {runs} runs")
    print(format_table(rows, ("step", "seconds", "ratio"), {"step"}))
    print("\n".join(machine()))


if __name__ == "__main__":
    main()
