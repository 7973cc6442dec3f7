"""`/healthz`: whether this app node can serve, as JSON; 200 when every dependency answers,
503 otherwise. Used by scripts/production.sh and monitors, and by any load balancer with active
health checks (the bundled open-source nginx has passive ones only)."""

from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

from search.client import get_client


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def cache_backend():
    cache.set("healthz", "ok", 10)
    if cache.get("healthz") != "ok":
        raise RuntimeError("cache did not return what was stored")


def elasticsearch():
    client = get_client()
    if client is None:
        return  # search answers from the database
    status = client.cluster.health()["status"]
    if status == "red":
        raise RuntimeError("cluster status red")


CHECKS = {"database": database, "cache": cache_backend, "elasticsearch": elasticsearch}


@never_cache
def healthz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
            results[name] = "ok"
        except Exception as error:  # any failure means this dependency is down
            results[name] = f"error: {type(error).__name__}"
    healthy = all(result == "ok" for result in results.values())
    return JsonResponse(
        {"status": "ok" if healthy else "error", "checks": results}, status=200 if healthy else 503
    )
