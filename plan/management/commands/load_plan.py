from django.core.management.base import BaseCommand, CommandError

from plan.plan_loader import CONTENT_DIR, PlanLoader
from plan.schema import PlanDataError


class Command(BaseCommand):
    help = "Build or update the portal's pages and snippets from the plan's data files."

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", default=str(CONTENT_DIR))
        parser.add_argument(
            "--dry-run", action="store_true", help="Print what would change and change nothing."
        )
        parser.add_argument(
            "--no-share-cards",
            action="store_false",
            dest="share_cards",
            help="Make no share cards (pages make theirs when first asked for).",
        )

    def handle(self, *args, content_dir, dry_run, share_cards, **options):
        self.stdout.write(f"Loading the plan from {content_dir} …")
        try:
            PlanLoader(
                content_dir, log=self.stdout.write, dry_run=dry_run, share_cards=share_cards
            ).run()
        except PlanDataError as error:
            raise CommandError(f"The plan's data files are not consistent:\n{error}") from error
