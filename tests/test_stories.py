"""Stories: rewritten copies across outlets grouped, stored, and counted once as evidence."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from detente.ingest import ingest_paths
from detente.positions import build, merge
from detente.positions.stories import coverage
from detente.report.brief import prepare, render
from detente.store import Store
from detente.stories import THRESHOLD, group, pair_scores, shingles, signature
from story_set import BASE, story_reports


def test_rewrites_keep_most_shingles_and_other_stories_share_few() -> None:
    copies = story_reports()
    by_story: dict[str, list[str]] = {}
    for c in copies:
        by_story.setdefault(c.story, []).append(c.text)
    doha = by_story["gaza-doha-hostages"]
    same = signature(doha[0]).jaccard(signature(doha[1]))
    other = signature(doha[0]).jaccard(signature(by_story["congo-doha-framework"][0]))
    assert same >= THRESHOLD > other
    # Credit lines differ between outlets and are left out.
    assert not any(b"editing" in s for s in shingles(doha[0]))


def test_grouping_precision_and_recall_on_the_test_set() -> None:
    copies = story_reports()
    assert len({c.how for c in copies}) >= 4 and len(BASE) >= 10
    predicted = group([c.text for c in copies])
    precision, recall = pair_scores(predicted, [c.story for c in copies])
    print(f"story grouping: {len(copies)} reports, precision {precision:.2f}, recall {recall:.2f}")
    assert precision >= 0.9 and recall >= 0.9


def test_pair_scores_count_pairs() -> None:
    # Gold: {0,1,2} {3}; predicted: {0,1} {2,3} -> 1 right pair of 2 found, 1 of 3 gold pairs.
    assert pair_scores([0, 0, 1, 1], ["a", "a", "a", "b"]) == (0.5, 1 / 3)


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list]:
    """The test set ingested (real extraction) into a SQLite file, one file per report."""
    tmp = tmp_path_factory.mktemp("stories")
    d = tmp / "reports"
    d.mkdir()
    copies = story_reports()
    for i, c in enumerate(copies):
        (d / f"{i:03d}.txt").write_text(c.text, encoding="utf-8")
    db = tmp / "detente.db"
    with Store.open(db) as store:
        summary = ingest_paths(store, [str(d)], published=date(2025, 6, 2))
        assert summary.failed == [] and summary.count("ingested") == len(copies)
    return db, copies


def test_ingest_stores_stories(story_db: tuple[Path, list]) -> None:
    db, copies = story_db
    with Store.open(db) as store:
        rows = store.reports()
        by_origin = {Path(r["origin"]).name: r for r in rows}
        predicted = [by_origin[f"{i:03d}.txt"]["story_id"] for i in range(len(copies))]
        assert None not in predicted
        precision, recall = pair_scores(predicted, [c.story for c in copies])
        assert precision >= 0.9 and recall >= 0.9
        with store.engine.connect() as conn:
            import sqlalchemy as sa

            names = dict(conn.execute(sa.text("select id, name from stories")).all())
        assert set(names) == set(predicted)
        # The label is the headline of a report of that story.
        titles = {r["title"] for r in rows}
        assert set(names.values()) <= titles


def test_a_later_copy_joins_the_stored_story(story_db: tuple[Path, list], tmp_path: Path) -> None:
    db, copies = story_db
    headline, paras = BASE["sudan-jeddah-truce"]
    late = "Jeddah: army holds out\n\nPORT SUDAN (Kyodo) - " + "\n\n".join(paras[1:3] + paras[:1])
    f = tmp_path / "late.txt"
    f.write_text(late, encoding="utf-8")
    with Store.open(db) as store:
        summary = ingest_paths(store, [str(f)], published=date(2025, 6, 3))
        assert summary.count("ingested") == 1
        rows = {Path(r["origin"]).name: r for r in store.reports()}
        sudan = {
            rows[f"{i:03d}.txt"]["story_id"]
            for i, c in enumerate(copies)
            if c.story == "sudan-jeddah-truce"
        }
        assert sudan == {rows["late.txt"]["story_id"]}


def test_copies_of_one_story_count_once(story_db: tuple[Path, list]) -> None:
    db, copies = story_db
    with Store.open(db) as store:
        picture = build(store)
        by_id = {int(r["id"]): r for r in picture.reports}
        brief_html = render(prepare(store, runs=20))
    checked = 0
    for p in picture.positions:
        reps = [by_id[r] for r in p.reports]
        stories = {r["story_id"] for r in reps}
        outlets = {r["agency"] for r in reps}
        line = coverage(p, by_id)
        n_s = len(stories)
        assert line.startswith(f"reported by {len(outlets)} outlet")
        assert f"({n_s} stor" in line
        if len(reps) > 1 and n_s == 1:
            checked += 1
            # Unattributed copies of one story rest on one origin, not one per outlet.
            own = [e for e in p.evidence if "own reporting" in e.origin]
            assert len({e.origin for e in own}) <= 1
    assert checked >= 3, "the test set must yield positions carried by several copies"
    assert "outlets (1 story)" in brief_html


def test_own_reporting_counts_the_story_not_the_copy() -> None:
    claim = {"id": 1, "report": 1, "actor": "SDN", "kind": "reject", "issue": "ceasefire"}
    reports = {
        1: {"id": 1, "agency": "AFP", "story_id": 4, "published": "2025-06-02"},
        2: {"id": 2, "agency": "dpa", "story_id": 4, "published": "2025-06-02"},
        3: {"id": 3, "agency": "EFE", "story_id": None, "published": "2025-06-02"},
    }
    claims = [
        {**claim, "id": i, "report": i, "quote": "q", "start": 0, "end": 1} for i in (1, 2, 3)
    ]
    [pos] = merge(claims, reports)
    assert pos.independent_sources == 2  # story 4 once, the unassigned report once
    assert coverage(pos, reports) == "reported by 3 outlets (2 stories)"


def ungrouped_copy(db: Path, dest: Path, *, spread_days: int = 0) -> Path:
    """A copy of *db* with its stories and signatures removed (and, with *spread_days*, the
    reports' dates spread that many days apart in id order), ready to be grouped again."""
    import shutil

    import sqlalchemy as sa

    shutil.copy(db, dest)
    with Store.open(dest) as store, store.engine.begin() as conn:
        conn.execute(sa.text("update reports set story_id = null"))
        conn.execute(sa.text("delete from stories"))
        conn.execute(sa.text("delete from report_signatures"))
        if spread_days:
            conn.execute(
                sa.text("update reports set published = date('2025-01-01', (id * :d) || ' days')"),
                {"d": spread_days},
            )
    return dest


def test_assignment_in_small_pages_gives_the_same_stories(
    story_db: tuple[Path, list], tmp_path: Path
) -> None:
    from detente.stories import assign_stories

    db, copies = story_db
    with Store.open(ungrouped_copy(db, tmp_path / "copy.db")) as store:
        stats = assign_stories(store, page=4)
        assert stats.assigned >= len(copies)
        rows = {Path(r["origin"]).name: r["story_id"] for r in store.reports()}
    predicted = [rows[f"{i:03d}.txt"] for i in range(len(copies))]
    precision, recall = pair_scores(predicted, [c.story for c in copies])
    assert precision >= 0.9 and recall >= 0.9
    assert stats.new_stories == len(set(rows.values()))


def test_stories_listing(story_db: tuple[Path, list]) -> None:
    import json

    from cli_runner import run

    db, copies = story_db
    code, out, err = run("stories", "--db", str(db), "--format", "json", "--min-reports", "3")
    assert code == 0, err
    rows = json.loads(out)
    assert rows and all(r["reports"] >= 3 for r in rows)
    by_story: dict[str, set[str]] = {}
    for c in copies:
        by_story.setdefault(c.story, set()).add(c.outlet)
    # Each listed story names the outlets that ran it, most reported first.
    assert [r["reports"] for r in rows] == sorted((r["reports"] for r in rows), reverse=True)
    # (Kyodo ran the late copy another test adds to this database.)
    listed = {frozenset(r["outlets"]) - {"Kyodo"} for r in rows}
    assert listed <= {frozenset(o) for o in by_story.values()}
    code, _, err = run("stories", "--db", str(db.parent / "missing.db"))
    assert code == 2 and err.startswith("detente: no database")


def test_stories_do_not_depend_on_the_page_size(
    story_db: tuple[Path, list], tmp_path: Path
) -> None:
    # Copies spread over months: each report is compared with those published within the
    # window of its own date, whichever reports it happens to be stored with.
    from itertools import pairwise

    import sqlalchemy as sa

    from detente.stories import WINDOW_DAYS, assign_stories

    db, _copies = story_db
    partitions = []
    for page in (500, 3):
        copy = ungrouped_copy(db, tmp_path / f"page{page}.db", spread_days=4)
        with Store.open(copy) as store:
            assign_stories(store, page=page)
            with store.engine.connect() as conn:
                query = sa.text("select id, story_id, published from reports order by id")
                rows = conn.execute(query).all()
        by_story: dict[int, list[date]] = {}
        for _id, story, published in rows:
            by_story.setdefault(story, []).append(date.fromisoformat(str(published)))
        # A story grows only by reports within the window of one already in it.
        for dates in by_story.values():
            dates.sort()
            assert all((b - a).days <= WINDOW_DAYS for a, b in pairwise(dates))
        partitions.append(sorted(sorted(i for i, s, _ in rows if s == k) for k in by_story))
    assert partitions[0] == partitions[1]
    assert len(partitions[0]) > 1
