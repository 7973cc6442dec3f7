from django.core.management.base import BaseCommand, CommandError

from search.client import get_client
from search.indexing import document_counts, orphan_indices, prune, rebuild
from search.models import PendingIndexUpdate
from search.sync import deliver_pending


class Command(BaseCommand):
    help = (
        "Manage the search indices: `rebuild` (new indices, bulk load, atomic alias swap), "
        "`status` (documents per language, pending updates, orphan indices), `sync` (deliver "
        "pending updates), `prune` (delete orphan indices)."
    )

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "sync", "prune"])

    def handle(self, *args, action, **options):
        client = get_client()
        if client is None:
            if action == "status":
                self.stdout.write("Elasticsearch is not configured (ELASTICSEARCH_URL is empty).")
                return
            raise CommandError("Set ELASTICSEARCH_URL to use Elasticsearch.")
        getattr(self, action)(client)

    def rebuild(self, client):
        names = rebuild(client, out=self.stdout)
        for language, name in names.items():
            self.stdout.write(f"{language}: alias now points to {name}")

    def status(self, client):
        for language, count in document_counts(client).items():
            shown = "no index yet" if count is None else f"{count} documents"
            self.stdout.write(f"{language}: {shown}")
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
