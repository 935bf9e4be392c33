"""Recompute everyone's evidenced expertise from the records it is derived from (after a bulk import, a change of
weights, or to let recent evidence weigh more as time passes), then queue their profiles for re-indexing."""

from tqdm import tqdm

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from portal.expertise.refresh import rebuild


class Command(BaseCommand):
    help = "Recompute the evidenced expertise of every person (topic by topic) and re-index their profiles."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")

    def handle(self, *args, no_progress=False, **options):
        people = get_user_model().objects.count()
        with tqdm(total=people, unit="people", file=self.stderr._out, disable=no_progress) as bar:
            rows = rebuild(progress=bar.update)
        self.stdout.write(self.style.SUCCESS(f"Evidence rebuilt: {rows} rows for {people} people."))
