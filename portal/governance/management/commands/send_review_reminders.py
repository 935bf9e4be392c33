from django.core.management.base import BaseCommand

from portal.governance.review import send_review_reminders


class Command(BaseCommand):
    help = (
        "Email each content owner one digest of their live pages that are overdue or due soon for review. "
        "Idempotent per day: an owner already reminded today is not emailed again. Run it daily (cron)."
    )

    def handle(self, *args, **options):
        run = send_review_reminders()
        self.stdout.write(
            self.style.SUCCESS(
                f"Sent {run.sent} digest(s); {run.skipped} owner(s) already reminded today; "
                f"{run.without_owner} due page(s) have no owner with an email address."
            )
        )
