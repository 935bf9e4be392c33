from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.embedded_elasticsearch import ElasticsearchError, EmbeddedElasticsearch


class Command(BaseCommand):
    help = (
        "Start, stop or show the embedded Elasticsearch (loopback only). Does nothing but report when "
        "ELASTICSEARCH_URL points at your own cluster. `status` exits 3 when the server is not running."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["start", "stop", "status"])
        parser.add_argument("--port", type=int, help="listen on this port instead of the first free one from 9200")
        parser.add_argument(
            "--heap", help="Java heap of a server this starts, e.g. 2g (default ELASTICSEARCH_HEAP, else 512m)"
        )
        parser.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for health yellow")

    def handle(self, action, port=None, timeout=120.0, heap=None, **options):
        port = port or settings.ELASTICSEARCH_PORT
        try:
            server = EmbeddedElasticsearch(
                settings.ELASTICSEARCH_RUN_DIR,
                port=port,
                start_timeout=timeout,
                heap=heap or settings.ELASTICSEARCH_HEAP,
            )
            if action == "start":
                was_running = server.external_url is None and server.running_pid() is not None
                status = server.start()
                if status.external and not status.version:
                    raise CommandError(status.describe())
                prefix = "Reused: " if was_running else ""
                self.stdout.write(self.style.SUCCESS(prefix + status.describe()))
                if was_running and status.heap and status.heap != server.heap:
                    # A running server keeps the heap it started with: say so rather than pretend.
                    self.stdout.write(
                        self.style.WARNING(
                            f"It keeps its {status.heap} heap, not {server.heap}: stop it and start it again "
                            "to change the heap."
                        )
                    )
            elif action == "stop":
                if server.external_url:
                    self.stdout.write(f"ELASTICSEARCH_URL is set ({server.external_url}): nothing to stop.")
                elif server.stop():
                    self.stdout.write(self.style.SUCCESS("Stopped the embedded Elasticsearch."))
                else:
                    self.stdout.write("The embedded Elasticsearch was not running.")
            else:
                status = server.status()
                self.stdout.write(status.describe())
                if not status.running:
                    raise SystemExit(3)
        except ElasticsearchError as error:
            raise CommandError(str(error)) from error
