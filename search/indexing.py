"""Writing to Elasticsearch: single-page updates, full rebuilds with an alias swap, status."""

import sys

from elasticsearch.helpers import streaming_bulk

from search.documents import alias_name, index_source, new_index, schema_version
from search.registry import LANGUAGES, DocumentBuilder, searchable_models, searchable_pages


def ensure_indices(client):
    """Create the index behind an alias that does not exist yet (first run, or a test prefix),
    so that writing to the alias never makes Elasticsearch invent a mapping."""
    for language in LANGUAGES:
        if not client.indices.exists_alias(name=alias_name(language)):
            index = new_index(language)
            index.aliases(**{alias_name(language): {}})
            index.create(using=client)


def page_actions(documents, indices):
    """Bulk index actions for one page's {language: fields}, into {language: index name}."""
    for language, fields in documents.items():
        yield {
            "_index": indices[language],
            "_id": fields["page_id"],
            "_source": index_source(fields, language),
        }


def update_pages(client, pages_by_id):
    """Bring the index entries of these pages up to date; None means remove the page."""
    ensure_indices(client)
    builder = DocumentBuilder()
    aliases = {language: alias_name(language) for language in LANGUAGES}
    actions = []
    for page_id, page in pages_by_id.items():
        if page is None:
            actions += [
                {"_op_type": "delete", "_index": alias, "_id": page_id}
                for alias in aliases.values()
            ]
        else:
            actions += page_actions(builder.build(page), aliases)
    for ok, item in streaming_bulk(client, actions, raise_on_error=False, refresh="wait_for"):
        (operation,) = item.values()
        if not ok and operation.get("status") != 404:  # deleting what is not there is fine
            raise RuntimeError(f"Elasticsearch refused an update: {operation}")


def all_pages():
    for model in searchable_models():
        yield from searchable_pages(model)


def progress(done, total, out, width=30):
    filled = width * done // max(total, 1)
    out.write(f"\r[{'#' * filled}{' ' * (width - filled)}] {done}/{total}")
    if done == total:
        out.write("\n")
    out.flush()


# The visitors' client gives up after seconds; a bulk load on a busy node needs longer.
REBUILD_TIMEOUT = 120
REBUILD_RETRIES = 3


def rebuild(client, out=sys.stdout, pages=None, documents=None):
    """Load every live searchable page (or the given `documents`: {language: [(id, source)]})
    into new indices, then point the aliases at them in one atomic `update_aliases` call and
    delete the old indices. Returns {language: new index}. If anything fails, the new indices
    are deleted and the aliases keep pointing at the old ones."""
    client = client.options(
        request_timeout=REBUILD_TIMEOUT, max_retries=REBUILD_RETRIES, retry_on_timeout=True
    )
    names = {}
    try:
        for language in LANGUAGES:
            index = new_index(language)
            index.settings(refresh_interval="-1")  # bulk loading is faster without refreshes
            index.create(using=client)
            names[language] = index._name
        if documents is None:
            load_pages(client, names, list(all_pages()) if pages is None else pages, out)
        else:
            load_documents(client, names, documents)
        swap_aliases(client, names)
    except BaseException:
        if names:
            client.indices.delete(index=",".join(names.values()), ignore_unavailable=True)
        raise
    return names


def load_pages(client, names, pages, out):
    builder = DocumentBuilder()
    actions = (action for page in pages for action in page_actions(builder.build(page), names))
    progress(0, len(pages), out)
    for done, _result in enumerate(streaming_bulk(client, actions, chunk_size=500), start=1):
        if done % len(LANGUAGES) == 0:
            progress(done // len(LANGUAGES), len(pages), out)


def load_documents(client, names, documents):
    """Bulk-load ready `_source`s ({language: iterable of (id, source)}), e.g. generated ones."""
    for language, sources in documents.items():
        actions = ({"_index": names[language], "_id": i, "_source": s} for i, s in sources)
        for _result in streaming_bulk(client, actions, chunk_size=1000):
            pass


def swap_aliases(client, names):
    """Point each language alias at its new index and delete the old indices, in one atomic
    `update_aliases` call: searches see either the old index or the new one, never neither."""
    joined = ",".join(names.values())
    client.indices.put_settings(index=joined, settings={"refresh_interval": None})
    client.indices.refresh(index=joined)
    actions = []
    for language, name in names.items():
        alias = alias_name(language)
        actions.append({"add": {"index": name, "alias": alias}})
        for previous in client.indices.get(index=f"{alias}-*", ignore_unavailable=True):
            if previous != name:
                actions.append({"remove_index": {"index": previous}})
    client.indices.update_aliases(actions=actions)


def orphan_indices(client):
    """Indices under our aliases' names that no alias points to: left by an interrupted
    rebuild (or an older version), they only take space."""
    orphans = []
    for language in LANGUAGES:
        alias = alias_name(language)
        found = client.indices.get_alias(index=f"{alias}-*", ignore_unavailable=True)
        orphans += [name for name, info in found.body.items() if alias not in info["aliases"]]
    return sorted(orphans)


def prune(client):
    """Delete the orphan indices; returns their names."""
    orphans = orphan_indices(client)
    if orphans:
        client.indices.delete(index=",".join(orphans))
    return orphans


def index_schema(client, alias):
    """The schema version the index behind `alias` was built with (None if it has none)."""
    [mapping] = client.indices.get_mapping(index=alias).body.values()
    return mapping["mappings"].get("_meta", {}).get("schema")


def outdated_languages(client):
    """Languages whose index is missing or was built under another schema version than this
    code's (search/documents.py): after a release that changed them, searches would read fields
    the old documents lack."""
    current = schema_version()
    return [
        language
        for language in LANGUAGES
        if not client.indices.exists_alias(name=alias_name(language))
        or index_schema(client, alias_name(language)) != current
    ]


def document_counts(client):
    """{language: documents} for the live aliases; None for a language with no index yet."""
    counts = {}
    for language in LANGUAGES:
        alias = alias_name(language)
        exists = client.indices.exists_alias(name=alias)
        counts[language] = client.count(index=alias)["count"] if exists else None
    return counts
