"""Fill fresh search indices from the database and swap the aliases to them: readers never see an empty or half
index, and changes made while it runs are replayed afterwards."""

from elasticsearch.exceptions import ElasticsearchException
from tqdm import tqdm

from django.core.management.base import BaseCommand, CommandError

from search.indexing import rebuild


class Command(BaseCommand):
    help = "Rebuild the portal's content and people search indices, then swap their aliases."

    def add_arguments(self, parser):
        parser.add_argument("--no-progress", action="store_true", help="No progress bar (for logs).")

    def handle(self, *args, no_progress=False, **options):
        def progress(**kwargs):
            return tqdm(file=self.stderr._out, disable=no_progress, **kwargs)

        try:
            counts = rebuild(progress=progress)
        except ElasticsearchException as error:
            reason = error.__class__.__name__
            raise CommandError(f"Elasticsearch is not available ({reason}); nothing changed.") from error
        replayed = counts.pop("replayed")
        summary = ", ".join(f"{count} in {index}" for index, count in counts.items())
        self.stdout.write(self.style.SUCCESS(f"Search indices rebuilt: {summary}; {replayed} later changes replayed."))
