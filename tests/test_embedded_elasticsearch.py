"""The embedded Elasticsearch manager, against a real server of its own (not the one the suite searches)."""

import http.server
import io
import os
import shutil
import socket
import threading
from pathlib import Path

import pytest

from django.core.management import call_command
from django.core.management.base import CommandError

from portal.embedded_elasticsearch import (
    ES_VERSION,
    ElasticsearchError,
    EmbeddedElasticsearch,
    http_get_json,
    port_is_free,
)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class NotElasticsearch(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html>a web page, not a search engine</html>")

    def log_message(self, *args):
        pass


@pytest.fixture
def web_server_on_a_port():
    server = http.server.HTTPServer(("127.0.0.1", free_port()), NotElasticsearch)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server.server_address[1]
    server.shutdown()
    server.server_close()


@pytest.fixture
def manager(tmp_path):
    server = EmbeddedElasticsearch(tmp_path / "run", first_port=9250, environ={}, start_timeout=120)
    yield server
    server.stop()
    if server.state_dir != server.run_dir:
        shutil.rmtree(server.state_dir, ignore_errors=True)


def process_uid(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("Uid:"):
            return int(line.split()[1])
    raise AssertionError("no Uid line")


@pytest.mark.slow
def test_start_status_reuse_and_stop_a_real_server(manager, settings, monkeypatch):
    status = manager.start()
    assert status.running and status.version == ES_VERSION and status.health in ("yellow", "green")
    assert status.url.startswith("http://127.0.0.1:") and int(status.url.rsplit(":", 1)[1]) >= 9250
    assert manager.url_file.read_text() == status.url
    # Loopback only, heap 512 MB (the default), log4j lookups off, disk watermarks off.
    config = (manager.config_dir / "elasticsearch.yml").read_text()
    assert "network.host: 127.0.0.1" in config
    assert "cluster.routing.allocation.disk.threshold_enabled: false" in config
    cmdline = Path(f"/proc/{status.pid}/cmdline").read_bytes().decode().split("\0")
    assert "-Xmx512m" in cmdline and "-Dlog4j2.formatMsgNoLookups=true" in cmdline
    if os.geteuid() == 0:
        assert process_uid(status.pid) != 0, "Elasticsearch must never run as root"
        assert str(manager.state_dir).startswith("/var/lib/")
    # A second start reuses the running server.
    again = manager.start()
    assert again.pid == status.pid
    # `manage.py elasticsearch status` and `stop` on that server (the command finds it by its run folder).
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    settings.ELASTICSEARCH_RUN_DIR, settings.ELASTICSEARCH_PORT = manager.run_dir, None
    out = io.StringIO()
    call_command("elasticsearch", "status", stdout=out)
    assert f"runs at {status.url} (pid {status.pid}) with a 512m heap" in out.getvalue()
    # Asked for another heap, a running server is reused as it is, and the command says so.
    out = io.StringIO()
    call_command("elasticsearch", "start", "--heap", "1g", stdout=out)
    assert "Reused: " in out.getvalue() and "It keeps its 512m heap, not 1g" in out.getvalue()
    assert manager.status().pid == status.pid
    call_command("elasticsearch", "stop", stdout=out)
    assert "Stopped the embedded Elasticsearch." in out.getvalue()
    assert not manager.status().running
    assert not manager.pid_file.exists()
    assert http_get_json(status.url, timeout=1) is None
    with pytest.raises(SystemExit) as stopped:
        call_command("elasticsearch", "status", stdout=io.StringIO())
    assert stopped.value.code == 3  # scripts can tell
    call_command("elasticsearch", "stop", stdout=out)
    assert out.getvalue().endswith("The embedded Elasticsearch was not running.\n")  # nothing left to stop


def test_a_port_taken_by_something_else_is_a_clear_error(tmp_path, web_server_on_a_port):
    manager = EmbeddedElasticsearch(tmp_path / "run", port=web_server_on_a_port, environ={})
    with pytest.raises(ElasticsearchError, match=f"Port {web_server_on_a_port} .* not Elasticsearch"):
        manager.start()
    assert not manager.pid_file.exists()


def test_the_command_reports_a_taken_port_and_fails(settings, tmp_path, web_server_on_a_port, monkeypatch):
    monkeypatch.delenv("ELASTICSEARCH_URL", raising=False)
    settings.ELASTICSEARCH_RUN_DIR = tmp_path / "run"
    with pytest.raises(CommandError, match="not Elasticsearch"):
        call_command("elasticsearch", "start", "--port", str(web_server_on_a_port))


def test_automatic_port_choice_skips_taken_ports(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert not port_is_free(port)
        manager = EmbeddedElasticsearch(tmp_path, first_port=port, environ={})
        assert manager.choose_port() > port


def test_with_elasticsearch_url_nothing_is_started(tmp_path, settings):
    manager = EmbeddedElasticsearch(tmp_path / "run", environ={"ELASTICSEARCH_URL": settings.ELASTICSEARCH_URL})
    status = manager.start()
    assert status.external and status.version == ES_VERSION
    assert not manager.pid_file.exists()
    assert manager.stop() is False


def test_failure_reasons_are_read_from_the_log(tmp_path):
    manager = EmbeddedElasticsearch(tmp_path / "run", state_dir=tmp_path / "state", environ={})
    manager.logs_dir.mkdir(parents=True)
    manager.console_log.write_text("java.net.BindException: Address already in use\n")
    message = manager.diagnose("Elasticsearch exited with code 1 while starting.")
    assert "port was taken" in message and str(manager.console_log) in message
    manager.console_log.write_text("Error occurred during initialization of VM\n")
    assert "Java failed" in manager.diagnose("x")
    manager.console_log.write_text("java.io.IOException: No space left on device\n")
    assert "disk is full" in manager.diagnose("x")


def test_a_stale_pid_file_is_not_trusted(tmp_path):
    manager = EmbeddedElasticsearch(tmp_path / "run", environ={})
    manager.run_dir.mkdir(parents=True)
    manager.pid_file.write_text(str(os.getpid()))  # alive, but not our Elasticsearch
    assert manager.running_pid() is None
    assert manager.stop() is False


def test_the_heap_is_configurable_and_checked(tmp_path):
    manager = EmbeddedElasticsearch(tmp_path / "run", state_dir=tmp_path / "state", environ={}, heap="2G")
    manager.config_dir.mkdir(parents=True)
    manager.write_config(9299, None)
    options = (manager.config_dir / "jvm.options").read_text().splitlines()
    assert "-Xms2g" in options and "-Xmx2g" in options and "-Xmx512m" not in options
    assert EmbeddedElasticsearch(tmp_path / "other", environ={}).heap == "512m"  # the default
    for wrong in ("2 GB", "0g", "-Xmx2g", "lots"):
        with pytest.raises(ElasticsearchError, match="not a size"):
            EmbeddedElasticsearch(tmp_path / "run", environ={}, heap=wrong)
    # With ELASTICSEARCH_URL nothing is started here, so a heap setting meant for the embedded server is no error.
    own = EmbeddedElasticsearch(tmp_path / "run", environ={"ELASTICSEARCH_URL": "http://127.0.0.1:9"}, heap="lots")
    assert own.external_url == "http://127.0.0.1:9" and own.start().external
