"""Apply queued index work as it arrives. While Elasticsearch is down the work waits in the outbox and the worker
backs off; nothing is lost. `make serve` runs one; any number may run at once, on any hosts sharing the database
(each claims its own rows). Stop it with Ctrl-C or SIGTERM."""

import signal
import time

from elasticsearch.exceptions import ElasticsearchException
from elasticsearch.helpers import BulkIndexError

from django.core.management.base import BaseCommand
from django.db import close_old_connections

from search.indexing import BATCH, drain, prune, worker_name


class Command(BaseCommand):
    help = "Drain the search index outbox continuously (or once with --once)."

    def add_arguments(self, parser):
        parser.add_argument("--once", action="store_true", help="Drain what is queued now, then exit.")
        parser.add_argument("--interval", type=float, default=1.0, help="Seconds between polls when idle.")
        parser.add_argument("--batch", type=int, default=BATCH, help="Rows claimed at a time.")
        parser.add_argument("--name", default="", help="How this worker signs its claims (default host:pid).")

    def handle(self, *args, once=False, interval=1.0, batch=BATCH, name="", **options):
        name = name or worker_name()
        self.running = True
        signal.signal(signal.SIGTERM, self.stop)
        signal.signal(signal.SIGINT, self.stop)
        backoff, last_prune = interval, 0.0
        self.stdout.write(f"Watching the search index outbox as {name}.")
        self.stdout.flush()  # whoever started the worker may wait for this line before queueing work
        while self.running:
            close_old_connections()
            try:
                settled = drain(batch, worker=name)
                backoff = interval
            except (ElasticsearchException, BulkIndexError) as error:
                self.stderr.write(f"Elasticsearch unavailable ({error.__class__.__name__}); retrying in {backoff:.0f}s")
                settled, backoff = 0, min(backoff * 2, 30.0)
                if once:
                    return
            if time.monotonic() - last_prune > 3600:
                prune()
                last_prune = time.monotonic()
            if settled:
                self.stdout.write(f"Indexed {settled} queued change{'s' if settled != 1 else ''}.")
                continue
            if once:
                return
            time.sleep(backoff)

    def stop(self, *args):
        self.running = False
