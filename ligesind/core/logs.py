"""Log records as one JSON object a line (production), for log collectors.

A record is written with its time, level, logger and message (and the exception's traceback,
if any). Request objects and other arguments that Django attaches are left out: they can carry
a member's address, cookies or what they typed.
"""

import json
import logging
from datetime import UTC, datetime


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, tz=UTC).isoformat(),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
        }
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)
