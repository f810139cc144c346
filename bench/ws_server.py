"""The chat benchmark's server: N uvicorn processes serving bench/asgi_relay.py on one port.

Each process listens on a socket of its own with SO_REUSEPORT, so the kernel spreads new
connections evenly over them, as a proxy in front of several processes would. (uvicorn --workers
shares one socket, and when 1,000 clients connect at once one process takes most of them.)

    python bench/ws_server.py PORT WORKERS DEFLATE
"""

import multiprocessing
import signal
import socket
import sys
from pathlib import Path
from types import FrameType

ROOT = Path(__file__).resolve().parent.parent


def serve(port: int, deflate: bool) -> None:
    import uvicorn

    sys.path.insert(0, str(ROOT))
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
    sock.bind(("127.0.0.1", port))
    sock.listen(2048)
    config = uvicorn.Config(
        "bench.asgi_relay:application",
        log_level="warning",
        lifespan="off",
        ws_max_queue=1024,
        ws_per_message_deflate=deflate,
    )
    uvicorn.Server(config).run(sockets=[sock])


def main() -> None:
    port, workers, deflate = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3] == "true"
    processes = [
        multiprocessing.Process(target=serve, args=(port, deflate), daemon=True)
        for _ in range(workers)
    ]
    for process in processes:
        process.start()

    def stop(signum: int, frame: FrameType | None) -> None:
        for process in processes:
            process.terminate()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    for process in processes:
        process.join()


if __name__ == "__main__":
    main()
