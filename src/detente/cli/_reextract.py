"""``detente ingest --reextract``: the current extractor again over stored reports."""

from __future__ import annotations

import sys
from collections.abc import Sequence

import click

from detente.cli._options import fail


def reextract_stored(db: str, paths: Sequence[str] = (), *, quiet: bool = False) -> None:
    """Re-extract every stored report, or those whose text PATH... holds.

    Report ids and hand assignments to negotiations are kept; each report is
    its own transaction.
    """
    from detente.cli._progress import load_extractor, progress_bar
    from detente.reading import ReadError, read_paths
    from detente.store import Store, StoreError
    from detente.store.corrections import reextract

    try:
        store = Store.open(db, create=False)
    except StoreError as exc:
        fail(str(exc))
    with store:
        if paths:
            ids = []
            for got in read_paths(list(paths)):
                if isinstance(got, ReadError):
                    fail(str(got))
                found = store.find_report(got.sha256)
                if found is None:
                    fail(f"{got.origin}: not stored yet (ingest it first)")
                ids.append(int(found["id"]))
        else:
            ids = [int(r["id"]) for r in store.reports()]
        bar = progress_bar("re-extracting", quiet=quiet)
        with bar:
            task = bar.add_task("", total=len(ids))
            extractor = load_extractor(bar, task)
            results = reextract(
                store,
                extractor,
                report_ids=ids,
                force=True,
                progress=lambda n: bar.advance(task, n),
            )
    claims = sum(r.claims for r in results)
    click.echo(
        f"{len(results)} re-extracted with {extractor.name} ({claims} claims); "
        "report ids and hand assignments kept",
        err=True,
    )
    sys.exit(0)
