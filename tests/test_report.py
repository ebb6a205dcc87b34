"""The migration report a person keeps: demonstration said first, every finding, their paper."""

from __future__ import annotations

from core.detect.detection import detect
from core.machine.demo import load_demo
from core.migration.report import migration_report, paper_size


def test_letter_paper_where_people_use_it_and_a4_elsewhere() -> None:
    assert paper_size("US") == "Letter" and paper_size("ca") == "Letter"
    assert paper_size("DE") == "A4" and paper_size("GB") == "A4" and paper_size(None) == "A4"


def test_a_demonstration_says_so_before_anything_else() -> None:
    snap = load_demo("windows-total-security")
    html = migration_report(True, detect(snap), None, None, None, None,
                            snap.os.country).to_html()
    assert html.index("Demonstration.") < html.index("What was found")
    assert "Made on " in html and "T" not in html.split("Made on ")[1][:20]  # no ISO stamp


def test_every_leftover_and_other_product_the_scan_found_is_in_the_report() -> None:
    snap = load_demo("windows-after-ultraav")
    detection = detect(snap)
    report = migration_report(False, detection, None, None, None, None, snap.os.country)
    assert detection.leftovers and len(report.leftovers) == len(detection.leftovers)
    html = report.to_html()
    for leftover in detection.leftovers:
        assert leftover.what in html
    assert any("UltraAV" in name for name in report.others)
    assert report.paper == "Letter"  # a US machine
