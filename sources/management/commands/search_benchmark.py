import statistics
import time

from django.core.management.base import BaseCommand, CommandError
from django.db import connection

from sources.search import synthetic
from sources.search.indexing import rebuild
from sources.search.service import search

# The fixed query mix, by group. Identifier queries are filled in from the generated corpus.
QUERIES = {
    "zh 1 char": ["戰", "國", "美"],
    "zh 2 chars": ["同盟", "困境", "薩德", "安全"],
    "zh 3+ chars": ["安全困境", "國際關係理論", "冷戰時期"],
    "zh simplified": ["冷战", "萨德", "国际关系", "安全困境"],
    "en words": ["alliance", "deterrence", "war", "dilemmas", "balance of power"],
    "en typos": ["securty dilema", "deterence", "alliences"],
    "en phrases": ['"security dilemma"', '"balance of power"', '"cold war"'],
}
IDENTIFIERS = ("doi", "isbn", "key", "author_year")


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, min(len(ordered) - 1, round(p / 100 * len(ordered)) - 1))]


class Command(BaseCommand):
    help = (
        "Fill the database with a synthetic bilingual corpus at each scale (1 = the seed "
        "corpus; 1000 = about 111,000 sources, 10,000 concepts, 5,000 cases), rebuild the "
        "search index and print search latency (p50/p95 per query group). Use a scratch "
        "database: DATABASE_URL=postgres://…/iratlas_bench or sqlite:////tmp/bench.sqlite3 "
        "(migrated). It refuses a database with real content unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument("--scales", nargs="+", type=float, default=[10, 100, 1000])
        parser.add_argument("--repeat", type=int, default=5)
        parser.add_argument(
            "--keep", action="store_true", help="Leave the synthetic corpus of the last scale."
        )
        parser.add_argument(
            "--force",
            action="store_true",
            help="Run beside real content (its rows are kept; its index is rebuilt after).",
        )

    def handle(self, *args, scales, repeat, keep, force, **options):
        if any(s <= 0 for s in scales) or repeat < 1:
            raise CommandError("Scales must be positive and --repeat at least 1.")
        real = synthetic.real_content()
        if real and not force:
            raise CommandError(
                f"This database holds real content ({', '.join(real)}). Point DATABASE_URL at "
                "a scratch database (e.g. postgres://…/iratlas_bench), or pass --force."
            )
        self.stdout.write(
            f"database: {connection.vendor} {connection.settings_dict['NAME']}; "
            f"{repeat} run(s) of each query\n"
        )
        self.stdout.write(
            "| scale | documents | fill s | group | queries | p50 ms | p95 ms |\n"
            "| --- | --- | --- | --- | --- | --- | --- |"
        )
        try:
            for scale in scales:
                generator = synthetic.Generator()
                started = time.perf_counter()
                documents = synthetic.fill(scale, generator)
                fill_s = time.perf_counter() - started
                groups = dict(
                    QUERIES, identifiers=[generator.probes.get(k, "") for k in IDENTIFIERS]
                )
                for row in self.measure(groups, repeat):
                    self.stdout.write(
                        f"| {scale:g} | {documents} | {fill_s:.1f} | {row[0]} | {row[1]} "
                        f"| {row[2]:.1f} | {row[3]:.1f} |"
                    )
        finally:
            if not keep:
                synthetic.clear()
                if real:
                    rebuild()

    def measure(self, groups: dict[str, list[str]], repeat: int):
        queries = [q for qs in groups.values() for q in qs if q]
        for q in queries:  # Warm up: vocabulary, caches, query plans.
            search(q, lang="en")
        every = []
        for name, qs in groups.items():
            times = []
            for _ in range(repeat):
                for q in filter(None, qs):
                    started = time.perf_counter()
                    search(q, lang="en")
                    times.append((time.perf_counter() - started) * 1000)
            every += times
            yield name, len(times), statistics.median(times), percentile(times, 95)
        yield "overall", len(every), statistics.median(every), percentile(every, 95)
