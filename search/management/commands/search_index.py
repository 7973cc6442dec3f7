from django.core.management.base import BaseCommand, CommandError

from search.client import get_client
from search.indexing import document_counts, orphan_indices, outdated_languages, prune, rebuild
from search.models import PendingIndexUpdate
from search.sync import deliver_pending


class Command(BaseCommand):
    help = (
        "Manage the search indices: `rebuild` (new indices, bulk load, atomic alias swap; with "
        "--if-outdated only when an index is missing or built for another schema version), "
        "`status` (documents per language, pending updates, orphan indices), `sync` (deliver "
        "pending updates), `prune` (delete orphan indices)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "sync", "prune"])
        parser.add_argument(
            "--if-outdated",
            action="store_true",
            help="rebuild only if an index is missing or was built for another schema version",
        )

    def handle(self, *args, action, if_outdated=False, **options):
        client = get_client()
        if client is None:
            if action == "status":
                self.stdout.write("Elasticsearch is not configured (ELASTICSEARCH_URL is empty).")
                return
            raise CommandError("Set ELASTICSEARCH_URL to use Elasticsearch.")
        if action == "rebuild":
            self.rebuild(client, if_outdated)
        else:
            getattr(self, action)(client)

    def rebuild(self, client, if_outdated):
        if if_outdated and not outdated_languages(client):
            self.stdout.write("The indices are up to date: nothing to rebuild.")
            return
        names = rebuild(client, out=self.stdout)
        for language, name in names.items():
            self.stdout.write(f"{language}: alias now points to {name}")

    def status(self, client):
        counts = document_counts(client)
        for language, count in counts.items():
            shown = "no index yet" if count is None else f"{count} documents"
            self.stdout.write(f"{language}: {shown}")
        outdated = [
            language for language in outdated_languages(client) if counts[language] is not None
        ]
        if outdated:
            self.stdout.write(
                f"outdated schema: {', '.join(outdated)} (run `search_index rebuild`)"
            )
        self.stdout.write(f"pending updates: {PendingIndexUpdate.objects.count()}")
        orphans = orphan_indices(client)
        self.stdout.write(f"orphan indices: {len(orphans)}")
        for name in orphans:
            self.stdout.write(f"  {name}")

    def prune(self, client):
        deleted = prune(client)
        self.stdout.write(f"deleted {len(deleted)} orphan indices")
        for name in deleted:
            self.stdout.write(f"  {name}")

    def sync(self, client):
        updated = 0
        while delivered := deliver_pending():
            updated += delivered
        remaining = PendingIndexUpdate.objects.count()
        self.stdout.write(f"{updated} pages updated, {remaining} updates still pending")
