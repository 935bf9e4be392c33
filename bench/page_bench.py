"""Server-side render time of portal pages, as ratios to a baseline page rendered in the same run.

Usage: .venv/bin/python bench/page_bench.py [--requests 200]
Builds a throwaway SQLite database with the demo content, then times requests through Django's test client
(no network, no browser). Baseline: the login page (base template, no Wagtail routing or queries of its own).

Then where the search page's time goes (issue 18 part 3: the HTML page as fast as /api/search/ plus rendering):
for a few searches, the JSON API, the HTML page, and the page's template rendered alone from the context the view
built, each the median of --requests / 4 runs, timed in turn.
"""

import argparse
import io
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def timed(client, url, n):
    samples = []
    for _ in range(n):
        start = time.perf_counter()
        response = client.get(url)
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    samples.sort()
    return {"p50": statistics.median(samples), "p95": samples[int(len(samples) * 0.95) - 1]}


SEARCHES = ["q=community", "q=after+action+review", "q=knowledge&type=article", "topic=facilitation"]


def search_breakdown(client, n):
    """The HTML search page against /api/search/ (the same search, permissions, facets and re-check, as JSON) plus
    the page's template rendered alone: what the page adds beyond those two (the people strip, editors' picks,
    credits) is the overhead to remove. The four are timed in turn, request by request, so that a change in the
    machine's load weighs on every column alike (timed one column after the other, a busy spell on a shared
    machine made one search's ratio 1.41x in one run and 1.15x in the next)."""
    from django.template.loader import render_to_string
    from django.test import override_settings

    import search.views

    captured = {}
    render = search.views.render

    def capturing(request, template, context):
        captured.update(request=request, template=template, context=context)
        return render(request, template, context)

    def once(url):
        start = time.perf_counter()
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        return (time.perf_counter() - start) * 1000

    def alone():
        start = time.perf_counter()
        render_to_string(captured["template"], captured["context"], captured["request"])
        return (time.perf_counter() - start) * 1000

    from django.conf import settings

    # "kept": the shared fragments on, but never the whole response (an anonymous search is kept whole since
    # `ad0de10`, which would time a cache hit): what every signed-in reader's search costs.
    whole_never = (*settings.PAGE_CACHE_NEVER, "/search/")
    kept_on = override_settings(PAGE_CACHE_SECONDS=300, PAGE_CACHE_NEVER=whole_never)
    kept_off = override_settings(PAGE_CACHE_SECONDS=0)
    print(
        "\nhtml: fragments off (PAGE_CACHE_SECONDS=0); kept: on (the people strip and picks shared by readers), "
        "the whole page never kept"
    )
    columns = ("api ms", "html ms", "kept ms", "render ms")
    # The last column, request by request: what the kept page cost beyond the API request and the rendering timed
    # next to it (the median of those differences, steadier than a difference of medians on a busy machine).
    headings = (*columns, "kept - (api + render)", "kept / (api + render)")
    print(f"{'search':28} {' '.join(f'{c:>9}' for c in columns)} {headings[4]:>22} {headings[5]:>22}")
    for query in SEARCHES:
        search.views.render = capturing
        try:
            client.get(f"/search/?{query}")
        finally:
            search.views.render = render
        with kept_on:  # the strip and picks kept before the first timed request, as for every later one
            once(f"/search/?{query}")
        samples = {column: [] for column in columns}
        for _ in range(n):
            samples["api ms"].append(once(f"/api/search/?{query}"))
            with kept_off:
                samples["html ms"].append(once(f"/search/?{query}"))
            with kept_on:
                samples["kept ms"].append(once(f"/search/?{query}"))
            samples["render ms"].append(alone())
        api, html, kept, rendered = (statistics.median(samples[column]) for column in columns)
        beyond = statistics.median(
            k - a - r for k, a, r in zip(samples["kept ms"], samples["api ms"], samples["render ms"], strict=True)
        )
        figures = f"{api:9.2f} {html:9.2f} {kept:9.2f} {rendered:9.2f}"
        print(f"{query:28} {figures} {beyond:22.2f} {kept / (api + rendered):22.2f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200)
    args = parser.parse_args()
    database = Path(tempfile.mkdtemp(prefix="portal-bench-")) / "bench.sqlite3"
    os.environ["DATABASE_URL"] = f"sqlite:///{database}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.test")
    os.environ["TEST_INDEX_PREFIX"] = "bench_pages_"
    import django

    django.setup()
    from django.core.management import call_command
    from django.test import Client

    call_command("migrate", verbosity=0)
    call_command("load_demo_content", verbosity=0, stdout=io.StringIO())
    client = Client()
    pages = {
        "baseline: /accounts/login/": "/accounts/login/",
        "home /": "/",
        "page /about/": "/about/",
        "search /search/?q=community": "/search/?q=community",
    }
    for url in pages.values():  # warm caches and connections
        timed(client, url, 5)
    results = {name: timed(client, url, args.requests) for name, url in pages.items()}
    base = results["baseline: /accounts/login/"]["p50"]
    print(f"{'page':34} {'p50 ms':>8} {'p95 ms':>8} {'p50 / baseline':>15}")
    for name, figures in results.items():
        print(f"{name:34} {figures['p50']:8.2f} {figures['p95']:8.2f} {figures['p50'] / base:15.2f}")
    search_breakdown(client, max(20, args.requests // 4))
    from elasticsearch import Elasticsearch

    from django.conf import settings

    Elasticsearch([settings.ELASTICSEARCH_URL]).indices.delete(index="bench_pages_*", ignore_unavailable=True)


if __name__ == "__main__":
    main()
