from django.core.management.base import BaseCommand, CommandParser

from ligesind.matching.bench import bench_count, seed_members


class Command(BaseCommand):
    help = "Add generated members for the benchmarks until there are --members of them."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--members", type=int, default=10_000)

    def handle(self, *args: object, **options: object) -> None:
        added = seed_members(int(options["members"]))  # type: ignore[call-overload]
        self.stdout.write(f"Added {added} generated members; {bench_count()} in all.")
