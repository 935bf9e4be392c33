import os
import signal
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from portal.embedded_elasticsearch import ElasticsearchError, EmbeddedElasticsearch


def restore_default_signals():
    # A shell that starts us in the background makes SIGINT ignored, and children inherit that.
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)


class Command(BaseCommand):
    help = (
        "Serve the portal for development (what `make serve` runs): start the embedded Elasticsearch unless "
        "ELASTICSEARCH_URL is set, migrate, load demo content, index it, and run the development server until "
        "Ctrl-C or SIGTERM, then stop everything this command started."
    )

    def add_arguments(self, parser):
        parser.add_argument("addrport", nargs="?", default="127.0.0.1:8000")

    def handle(self, addrport, **options):
        try:
            server = EmbeddedElasticsearch(
                settings.ELASTICSEARCH_RUN_DIR, port=settings.ELASTICSEARCH_PORT, heap=settings.ELASTICSEARCH_HEAP
            )
        except ElasticsearchError as error:  # a heap setting that is not a size
            raise CommandError(str(error)) from error
        started_here = server.external_url is None and server.running_pid() is None
        children = []

        def interrupt(signum, frame):
            raise KeyboardInterrupt

        # Handle both even when they were ignored on entry (Python may reset an ignored signal; a shell may not).
        signal.signal(signal.SIGINT, interrupt)
        signal.signal(signal.SIGTERM, interrupt)
        try:
            self.stdout.write(server.start().describe())
            steps = (["migrate", "--noinput"], ["load_demo_content"], ["update_index"], ["rebuild_search_index"])
            for step in steps:
                self.run_step(step)
            children.append(self.spawn(["search_worker"]))  # applies index updates as pages and posts change
            self.stdout.write(
                self.style.SUCCESS(
                    f"The portal is at http://{addrport}/ (admin: http://{addrport}/admin/). Ctrl-C stops it."
                )
            )
            web = self.spawn(["runserver", addrport])
            children.append(web)
            web.wait()
        except KeyboardInterrupt:
            self.stdout.write("Stopping…")
        except ElasticsearchError as error:
            raise CommandError(str(error)) from error
        finally:
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C must not cut the clean-up short
            for child in children:
                self.stop_group(child)
            if started_here:
                server.stop()
                self.stdout.write("Stopped the embedded Elasticsearch.")

    def manage(self, args):
        return [sys.executable, str(settings.BASE_DIR / "manage.py"), *args]

    def run_step(self, args):
        child = self.spawn(args)
        try:
            if child.wait() != 0:
                raise CommandError(f"`manage.py {' '.join(args)}` failed (exit code {child.returncode}).")
        finally:
            self.stop_group(child)

    def spawn(self, args):
        # Own process group, so the development server's autoreloader child is stopped with it.
        return subprocess.Popen(self.manage(args), start_new_session=True, preexec_fn=restore_default_signals)

    @staticmethod
    def stop_group(child, timeout=15):
        if child.poll() is None:
            try:
                os.killpg(child.pid, signal.SIGTERM)
                child.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(child.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        else:
            try:
                os.killpg(child.pid, signal.SIGTERM)  # stragglers such as the autoreloader's child
            except ProcessLookupError:
                pass
