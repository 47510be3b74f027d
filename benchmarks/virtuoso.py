"""Virtuoso open source as a benchmark peer: a database of the benchmark's own, bulk-loaded from the N-Quads.

scripts/virtuoso.sh starts the server (loopback, free ports, generated passwords,
the README's settings) in a new directory; the N-Quads go in through Virtuoso's
bulk loader (`ld_dir`, `rdf_loader_run`, then a checkpoint), which keeps each
quad in its named graph. The settings the script prints point cityrel at it.

    python benchmarks/virtuoso.py var/bench/t1000000-.../graph.nq   # load, print the figures, stop

Where Virtuoso is not installed, `missing()` says why, as tests/test_remote.py does.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from _common import HOST, ROOT, free_port

SCRIPT = ROOT / "scripts" / "virtuoso.sh"
SERVER = os.environ.get("VIRTUOSO_BIN", "virtuoso-t")
ISQL = os.environ.get("VIRTUOSO_ISQL", "isql-vt")
GRAPHS = "https://w3id.org/cityrel/id/graph/"
"""Where cityrel's graph IRIs start (the generator's base IRI): the quads counted after loading."""
_ERROR = re.compile(r"^\*\*\* Error|Error [0-9A-Z]+:", re.IGNORECASE | re.MULTILINE)


def missing() -> str | None:
    """Why Virtuoso cannot be started here, or None if it can."""
    if shutil.which(SERVER) is None or shutil.which(ISQL) is None:
        return (f"Virtuoso is not installed (no {SERVER}, {ISQL}): `sudo scripts/virtuoso.sh install` adds it "
                "from the Debian package virtuoso-opensource")
    return None


@dataclass(frozen=True)
class Loaded:
    """What the bulk loader put in: quads and graphs under GRAPHS, and the seconds it took."""

    quads: int
    graphs: int
    seconds: float


class VirtuosoDatabase:
    """A Virtuoso server of the benchmark's own in `directory`, started and stopped by scripts/virtuoso.sh."""

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._env = {**os.environ, "VIRTUOSO_DIR": str(directory),
                     "VIRTUOSO_HTTP_PORT": str(free_port()), "VIRTUOSO_ISQL_PORT": str(free_port())}
        self.settings: dict[str, str] = {}
        """The CITYREL_SPARQL_* settings that point cityrel at this server (after start)."""

    @property
    def query_url(self) -> str:
        return self.settings["CITYREL_SPARQL_QUERY_URL"]

    @property
    def pid(self) -> int | None:
        try:
            found = re.findall(r"VIRT_PID=(\d+)", (self.directory / "virtuoso.lck").read_text())
        except OSError:
            return None
        return int(found[0]) if found else None

    def create(self) -> None:
        """Start on a new, empty database (one left by an earlier run in the directory is stopped and removed)."""
        if self.directory.exists():
            self.stop()
            shutil.rmtree(self.directory)
        self.directory.mkdir(parents=True)
        self.start()

    def start(self) -> None:
        """Start the server (a no-op if it runs) and read the settings the script prints."""
        done = subprocess.run([str(SCRIPT), "start"], env=self._env, capture_output=True, text=True, timeout=180,
                              check=False)
        if done.returncode != 0:
            raise RuntimeError(f"scripts/virtuoso.sh start failed: {done.stderr.strip()}")
        self.settings = {key: value.strip("'") for key, value in
                         (line.split("=", 1) for line in done.stdout.splitlines() if "=" in line)}

    def stop(self) -> None:
        subprocess.run([str(SCRIPT), "stop"], env=self._env, capture_output=True, timeout=60, check=False)

    def isql(self, *statements: str) -> str:
        """Run SQL statements as dba; what isql printed. RuntimeError on the first error."""
        password = next(line.split("=", 1)[1] for line in (self.directory / "secrets").read_text().splitlines()
                        if line.startswith("dba="))
        done = subprocess.run([ISQL, f"{HOST}:{self._env['VIRTUOSO_ISQL_PORT']}", "dba", password, "VERBOSE=OFF",
                               "ERRORS=STDOUT", "BANNER=OFF", "PROMPT=OFF", "ECHO=OFF"],
                              input="\n".join(statements) + "\n", capture_output=True, text=True, check=False)
        if _ERROR.search(done.stdout + done.stderr):
            raise RuntimeError(f"isql: {(done.stdout + done.stderr).strip()[:500]}")
        return done.stdout

    def load(self, data: Path) -> Loaded:
        """Bulk-load an N-Quads file, each quad into its own graph, and checkpoint; what went in."""
        # The loader reads only files under DirsAllowed (the server's directory): link the file there.
        target = self.directory / "load" / "graph.nq"
        target.parent.mkdir(exist_ok=True)
        try:
            os.link(data, target)
        except OSError:  # another file system
            shutil.copyfile(data, target)
        started = time.perf_counter()
        self.isql(f"ld_dir('{_sql(target.parent)}', 'graph.nq', 'urn:cityrel:bench:no-graph');",
                  "rdf_loader_run();", "checkpoint;")
        seconds = time.perf_counter() - started
        target.unlink()
        failed = self.isql("select ll_file, ll_error from DB.DBA.load_list where ll_error is not null;").strip()
        if failed:
            raise RuntimeError(f"Virtuoso's bulk loader failed: {failed[:500]}")
        quads, graphs = self.isql(
            f"sparql select count(*) count(distinct ?g) where {{ graph ?g {{ ?s ?p ?o }} "
            f"filter(strstarts(str(?g), '{GRAPHS}')) }};").split()
        return Loaded(int(quads), int(graphs), seconds)


def _sql(path: Path) -> str:
    return str(path).replace("'", "''")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data", type=Path, help="an N-Quads file (generate.py makes one)")
    parser.add_argument("--directory", type=Path, default=ROOT / "var" / "bench" / "virtuoso",
                        help="the server's directory (emptied first)")
    args = parser.parse_args()
    reason = missing()
    if reason:
        raise SystemExit(reason)
    database = VirtuosoDatabase(args.directory.resolve())
    started = time.perf_counter()
    database.create()
    print(f"started in {time.perf_counter() - started:.1f} s")
    try:
        loaded = database.load(args.data.resolve())
        print(f"loaded {loaded.quads:,} quads in {loaded.graphs:,} graphs in {loaded.seconds:.1f} s "
              f"({loaded.quads / loaded.seconds:,.0f} quads/s)")
    finally:
        database.stop()


if __name__ == "__main__":
    main()
