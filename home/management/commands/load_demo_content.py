import importlib
import importlib.util

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction


class Command(BaseCommand):
    help = (
        "Load the demo content (site, home page, pages, demo accounts). Idempotent: a second run changes "
        "nothing. Each app whose `demo` module has a load() adds its own part; home's comes first."
    )

    def handle(self, *args, **options):
        if not settings.DEMO_CONTENT_ALLOWED:
            raise CommandError("Demo content (with its known passwords) is refused here: DEMO_CONTENT_ALLOWED is off.")
        loaders = [importlib.import_module("home.demo")]
        for config in apps.get_app_configs():
            if config.name != "home" and importlib.util.find_spec(f"{config.name}.demo") is not None:
                module = importlib.import_module(f"{config.name}.demo")
                if hasattr(module, "load"):  # portal.demo holds shared helpers, not content
                    loaders.append(module)
        with transaction.atomic():
            for loader in loaders:
                loader.load(stdout=self.stdout)
        self.stdout.write(self.style.SUCCESS(f"Demo content is in place ({len(loaders)} part(s))."))
