"""``python -m ligesind demo|serve|COMMAND``: the project's one entry point.

- ``demo``: migrate, load the Danish demo data and serve on http://127.0.0.1:8000
- ``serve [PORT]``: serve pages and WebSockets with uvicorn (ASGI), one process
- ``serve --prod``: production (``ligesind.serving``): gunicorn for pages, uvicorn processes for
  WebSockets, the task worker; graceful on SIGTERM
- anything else: a Django management command (``createadmin``, ``democode``, ``migrate`` …)
"""

import os
import sys
from typing import Any


def uvicorn_options() -> dict[str, Any]:
    """How uvicorn serves Ligesind (Django's settings must be loaded)."""
    from django.conf import settings

    trusted = settings.LIGESIND_TRUSTED_PROXIES
    return {
        "lifespan": "off",
        # Chat frames are small: compressing them costs more CPU than it saves (bench/chat.py).
        "ws_per_message_deflate": False,
        # X-Forwarded-For only from the proxies named in LIGESIND_TRUSTED_PROXIES; uvicorn's
        # default believes any client on 127.0.0.1, who could then pick its own address.
        "proxy_headers": bool(trusted),
        "forwarded_allow_ips": trusted or None,
    }


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    import django
    import uvicorn

    django.setup()
    uvicorn.run(
        "ligesind.asgi:application", host=host, port=port, log_level="info", **uvicorn_options()
    )


def main(argv: list[str]) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ligesind.settings.dev")
    import django
    from django.core.management import call_command, execute_from_command_line

    command = argv[1] if len(argv) > 1 else "help"
    if command == "demo":
        django.setup()
        call_command("migrate", verbosity=0)
        call_command("load_demo")
        print("Serving Ligesind on http://127.0.0.1:8000 (Ctrl+C stops it)")
        serve()
    elif command == "serve" and "--prod" in argv[2:]:
        os.environ["DJANGO_SETTINGS_MODULE"] = "ligesind.settings.prod"
        from ligesind.serving import serve_production

        sys.exit(serve_production())
    elif command == "serve":
        port = int(argv[2]) if len(argv) > 2 else 8000
        serve(port=port)
    elif command == "serve-ws":  # one of serve --prod's WebSocket processes
        from ligesind.serving import serve_ws

        serve_ws(argv[2])
    else:
        execute_from_command_line(["ligesind", *argv[1:]])


if __name__ == "__main__":
    main(sys.argv)
