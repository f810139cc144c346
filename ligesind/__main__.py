"""``python -m ligesind demo|serve|COMMAND``: the project's one entry point.

- ``demo``: migrate, load the Danish demo data and serve on http://127.0.0.1:8000
- ``serve``: serve pages and WebSockets with uvicorn (ASGI)
- anything else: a Django management command (``createadmin``, ``democode``, ``migrate`` …)
"""

import os
import sys


def serve(host: str = "127.0.0.1", port: int = 8000) -> None:
    import uvicorn

    # Chat frames are small: compressing them costs more CPU than it saves (bench/chat.py).
    uvicorn.run(
        "ligesind.asgi:application",
        host=host,
        port=port,
        log_level="info",
        lifespan="off",
        ws_per_message_deflate=False,
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
    elif command == "serve":
        port = int(argv[2]) if len(argv) > 2 else 8000
        serve(port=port)
    else:
        execute_from_command_line(["ligesind", *argv[1:]])


if __name__ == "__main__":
    main(sys.argv)
