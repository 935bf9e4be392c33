from django.core.management.base import BaseCommand

from communities.notifications import send_digests


class Command(BaseCommand):
    help = (
        "Email each person who chose the daily digest one message with everything new they follow. Idempotent: "
        "what was sent is marked, so running it twice sends nothing twice. Run it daily (cron)."
    )

    def handle(self, *args, **options):
        sent = send_digests()
        self.stdout.write(self.style.SUCCESS(f"Sent {sent} digest(s)."))
