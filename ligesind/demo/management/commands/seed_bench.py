from django.core.management.base import BaseCommand, CommandParser

from ligesind.demo.bench_forum import ForumSize, seed_forum
from ligesind.demo.bench_members import bench_count, seed_members


class Command(BaseCommand):
    help = (
        "Generated data for the benchmarks (never on a real site). Without options: the forum "
        "benchmark's 1,000 members, 40 categories, 10,000 threads and 100,000 posts. With "
        "--members N only: members until there are N of them (the PeerMatch benchmark)."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--members", type=int)
        parser.add_argument("--threads", type=int, default=ForumSize.threads)
        parser.add_argument("--posts", type=int, default=ForumSize.posts)

    def handle(self, *args: object, **options: object) -> None:
        if options["members"] is not None:
            added = seed_members(int(options["members"]))  # type: ignore[call-overload]
            self.stdout.write(f"Added {added} generated members; {bench_count()} in all.")
            return
        size = ForumSize(threads=int(options["threads"]), posts=int(options["posts"]))  # type: ignore[call-overload]
        made = seed_forum(size)
        self.stdout.write(
            "Forum: {members} members, {categories} categories, {threads} threads, "
            "{posts} posts.".format(**made)
        )
