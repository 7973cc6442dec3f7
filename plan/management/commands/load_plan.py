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

    def handle(self, *args, content_dir, dry_run, **options):
        self.stdout.write(f"Loading the plan from {content_dir} …")
        try:
            PlanLoader(content_dir, log=self.stdout.write, dry_run=dry_run).run()
        except PlanDataError as error:
            raise CommandError(f"The plan's data files are not consistent:\n{error}") from error
