"""One JSON log line per request, tagged with the request id that nginx generates.

nginx sets `X-Request-ID` (its `$request_id`) on every proxied request and writes the same id in
its own access log, so one id follows a request through both logs. A request that reached the app
without one (or with a malformed one) gets a fresh id.
"""

import json
import logging
import re
import time
import uuid

logger = logging.getLogger("portal.request")
REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


class RequestLogMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        supplied = request.headers.get("X-Request-ID", "")
        request.id = supplied if REQUEST_ID.fullmatch(supplied) else uuid.uuid4().hex
        response = self.get_response(request)
        response.headers["X-Request-ID"] = request.id
        logger.info(
            "request",
            extra={
                "request_id": request.id,
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
            },
        )
        return response


class JsonFormatter(logging.Formatter):
    """A log record as one JSON object; the request fields above travel as `extra`."""

    FIELDS = ("request_id", "method", "path", "status", "duration_ms")

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        entry.update(
            {field: getattr(record, field) for field in self.FIELDS if hasattr(record, field)}
        )
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
