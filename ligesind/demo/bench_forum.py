"""A generated forum for the benchmark (``python -m ligesind seed_bench``): 1,000 members,
40 categories, 10,000 threads and 100,000 posts by default, written in bulk, not through the
services. Thread sizes vary around the mean; the first thread has exactly 20 posts, the size
of one thread page.
"""

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.db.models import Count, Max
from django.utils import timezone

from ligesind.accounts.models import User
from ligesind.community import search
from ligesind.community.models import Category, Post, Thread
from ligesind.demo.bench_members import DOMAIN, seed_members

BATCH = 5000
VOCABULARY = (
    "jeg du vi det er har var ikke også men når hvor godt svært dag dage uge tak lytte "
    "hverdag angst ensomhed pårørende misbrug bedring håb tur kaffe arbejde job søvn familie "
    "venner snak skrive læse gruppe peer erfaring lidt meget stille tid igen altid aldrig "
    "gerne måske nok rart hjælp hjælper sammen alene morgen aften weekend have lov"
)
WORDS = VOCABULARY.split()


@dataclass
class ForumSize:
    members: int = 1000
    categories: int = 40
    threads: int = 10_000
    posts: int = 100_000
    first_thread_posts: int = 20


def _text(rng: random.Random, low: int, high: int) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    sentences = [" ".join(words[i : i + 12]).capitalize() + "." for i in range(0, len(words), 12)]
    return " ".join(sentences)


def thread_sizes(size: ForumSize) -> list[int]:
    """Posts per thread (opening post included): around the mean, summing to ``size.posts``."""
    mean = size.posts // size.threads
    counts = [max(1, mean + (n % 11) - 5) for n in range(size.threads)]
    counts[0] = size.first_thread_posts
    difference = size.posts - sum(counts)
    n = 1
    while difference:
        step = 1 if difference > 0 else -1
        if counts[n] + step >= 1:
            counts[n] += step
            difference -= step
        n = n + 1 if n + 1 < len(counts) else 1
    return counts


def seed_forum(size: ForumSize | None = None, seed: int = 11) -> dict[str, int]:
    size = size or ForumSize()
    seed_members(size.members)
    rng = random.Random(seed)
    for n in range(Category.objects.count(), size.categories):
        Category.objects.create(
            slug=f"bench-{n}", name=f"Benchmark-kategori {n}", position=1000 + n
        )
    if Thread.objects.filter(title__startswith="Bench:").exists():
        return counts()
    categories = list(Category.objects.values_list("pk", flat=True))
    authors = list(User.objects.filter(email__endswith=f"@{DOMAIN}").values_list("pk", flat=True))[
        : size.members
    ]
    start = timezone.now() - timedelta(days=365)
    sizes = thread_sizes(size)
    for first in range(0, size.threads, BATCH // 10):
        with transaction.atomic():
            _batch(rng, sizes, range(first, min(first + BATCH // 10, size.threads)),
                   categories, authors, start)  # fmt: skip
    with transaction.atomic():
        _count_categories()
    _settle()
    return counts()


def _batch(
    rng: random.Random,
    sizes: list[int],
    numbers: range,
    categories: list[int],
    authors: list[int],
    start: datetime,
) -> None:
    threads = []
    for n in numbers:
        created = start + timedelta(minutes=50 * n)
        threads.append(
            Thread(
                category_id=categories[n % len(categories)],
                title=f"Bench: {_text(rng, 3, 9)[:120]}",
                author_id=rng.choice(authors),
                created_at=created,
                last_post_at=created + timedelta(minutes=sizes[n] - 1),
                post_count=sizes[n],
            )
        )
    Thread.objects.bulk_create(threads)
    posts = [
        Post(
            thread=thread,
            number=number,
            author_id=rng.choice(authors),
            body=_text(rng, 30, 120),
            created_at=thread.created_at + timedelta(minutes=number - 1),
        )
        for n, thread in zip(numbers, threads, strict=True)
        for number in range(1, sizes[n] + 1)
    ]
    Post.objects.bulk_create(posts, batch_size=BATCH)
    if not search.on_postgres():
        search.index_many("thread", [(t.pk, t.title) for t in threads])
        search.index_many("post", [(p.pk, p.body) for p in posts])


def _count_categories() -> None:
    totals = Thread.objects.values("category").annotate(
        threads=Count("pk"), last=Max("last_post_at")
    )
    posts = dict(
        Post.objects.values("thread__category")
        .annotate(n=Count("pk"))
        .values_list("thread__category", "n")
    )
    for row in totals:
        if row["category"] is not None:
            Category.objects.filter(pk=row["category"]).update(
                thread_count=row["threads"],
                post_count=posts.get(row["category"], 0),
                last_post_at=row["last"],
            )


def _settle() -> None:
    """What autovacuum does to freshly loaded tables soon after: planner statistics, and the
    visibility map that lets PostgreSQL answer counts from an index alone. Without it the
    benchmark would measure a database no running site has for long."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        # VACUUM cannot run inside a transaction (as in tests); statistics still can.
        cursor.execute("ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)")


def counts() -> dict[str, int]:
    return {
        "members": User.objects.filter(email__endswith=f"@{DOMAIN}").count(),
        "categories": Category.objects.count(),
        "threads": Thread.objects.count(),
        "posts": Post.objects.count(),
    }
