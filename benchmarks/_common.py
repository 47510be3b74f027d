"""What the benchmark scripts share: processes on loopback, percentiles, memory, tables."""

from __future__ import annotations

import math
import os
import signal
import socket
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
HOST = "127.0.0.1"
WORK = ROOT / "var" / "bench"
"""Where generated graphs and stores go (var/ is not versioned)."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        port: int = probe.getsockname()[1]
        return port


def wait_until_answers(url: str, seconds: float = 120.0, process: subprocess.Popen[bytes] | None = None) -> None:
    """Poll `url` until it answers with any HTTP status; SystemExit if it does not in time or the process died."""
    until = time.monotonic() + seconds
    while time.monotonic() < until:
        if process is not None and process.poll() is not None:
            raise SystemExit(f"{process.args!r} exited with {process.returncode} before {url} answered")
        try:
            httpx.get(url, timeout=2.0, trust_env=False)
            return
        except httpx.HTTPError:
            time.sleep(0.05)
    raise SystemExit(f"{url} did not answer within {seconds:g} s")


def stop(process: subprocess.Popen[bytes] | None, grace: float = 5.0) -> None:
    """End a process this benchmark started, by its pid: SIGTERM, then SIGKILL after `grace` seconds."""
    if process is None or process.poll() is not None:
        return
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(grace)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()


def rss_mb(pid: int) -> float:
    """Resident memory of a live process, in MB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def peak_mb(pid: int) -> float:
    """Peak resident memory (VmHWM) of a live process, in MB (0 if it is gone)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def children(pid: int) -> list[int]:
    """The direct children of a process."""
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


def wait_until_idle(cpu_seconds_used: Callable[[], float], within: float, *, interval: float = 0.5,
                    threshold: float = 0.03) -> bool:
    """Wait until processes stop using CPU (`cpu_seconds_used`: their CPU seconds so far grow by less than
    `threshold` in `interval`); whether they did within `within` seconds.

    A freshly opened Oxigraph store compacts for a while (a core's worth for about 30 s at 100 k
    articles), which a timed run would share."""
    until = time.monotonic() + within
    while time.monotonic() < until:
        before = cpu_seconds_used()
        time.sleep(interval)
        if cpu_seconds_used() - before < threshold:
            return True
    return False


def percentile(values: Sequence[float], q: float) -> float:
    """The q-th percentile (0-100) by linear interpolation; NaN for no values."""
    if not values:
        return math.nan
    ordered = sorted(values)
    position = (len(ordered) - 1) * q / 100
    low, high = math.floor(position), math.ceil(position)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else math.nan


def geometric_mean(values: Sequence[float]) -> float:
    kept = [v for v in values if v > 0 and math.isfinite(v)]
    return math.exp(sum(map(math.log, kept)) / len(kept)) if kept else math.nan


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """A plain-text table: first column left-aligned, the others right-aligned."""
    cells = [[str(h) for h in headers]] + [[_cell(value) for value in row] for row in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for number, row in enumerate(cells):
        lines.append("  ".join(c.ljust(widths[i]) if i == 0 else c.rjust(widths[i]) for i, c in enumerate(row)))
        if number == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def _cell(value: object) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        return f"{value:,.1f}" if abs(value) >= 10 else f"{value:.2f}"
    return str(value)


def environment() -> str:
    """One line about the machine and versions, printed above every table."""
    from importlib.metadata import version

    cores = len(os.sched_getaffinity(0))
    memory = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    names = ("cityrel", "oxigraph", "pyoxigraph", "rdflib", "pyshacl", "httpx")
    versions = []
    for name in (*names, "rdflib-endpoint"):
        try:
            versions.append(f"{name} {version(name)}")
        except Exception:  # noqa: BLE001 - an optional peer that is not installed
            versions.append(f"{name} (not installed)")
    return f"{cores} cores, {memory:.0f} GB; Python {sys.version.split()[0]}; " + ", ".join(versions)
