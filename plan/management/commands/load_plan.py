from django.core.management.base import BaseCommand, CommandError

from plan.plan_loader import CONTENT_DIR, PlanDataError, PlanLoader


class Command(BaseCommand):
    help = "Build or update the portal's pages and snippets from the plan's data files."

    def add_arguments(self, parser):
        parser.add_argument("--content-dir", default=str(CONTENT_DIR))

    def handle(self, *args, content_dir, **options):
        self.stdout.write(f"Loading the plan from {content_dir} …")
        try:
            PlanLoader(content_dir, log=self.stdout.write).run()
        except (PlanDataError, FileNotFoundError) as error:
            raise CommandError(f"The plan's data files are not consistent: {error}") from error
