"""The wizard's route and its rules, without Qt (as Electrum tests its wizard).

Each test is a situation a user meets on a page: what Next allows and where it leads.
"""

from __future__ import annotations

from dataclasses import replace

from core.migration.pages import Page
from core.migration.route import Space, WizardFacts, blocker, next_page, steps

STRONG = "correct horse battery staple orbit"
READY = WizardFacts(kaspersky_found=True, scanned=True, backup_plan_ready=True, chosen=True,
                    destination="/media/usb", space=Space(free=10**9, needed=10**6))


def walk(facts: WizardFacts) -> list[Page]:
    route, page = [], Page.WELCOME
    while page != Page.DONE:
        route.append(page)
        page = next_page(page, facts)
    return [*route, Page.DONE]


def test_a_machine_without_kaspersky_skips_backup_and_removal() -> None:
    assert walk(WizardFacts(kaspersky_found=False)) == [
        Page.WELCOME, Page.SCAN, Page.BAN, Page.CHOOSE, Page.DONE]
    # Choosing something new still shows how to get it.
    assert walk(WizardFacts(kaspersky_found=False, chosen=True)) == [
        Page.WELCOME, Page.SCAN, Page.BAN, Page.CHOOSE, Page.READY, Page.DONE]


def test_the_new_protection_is_ready_before_anything_is_backed_up_or_removed() -> None:
    assert walk(READY) == list(Page)
    route = walk(READY)
    assert route.index(Page.READY) < route.index(Page.BACKUP) < route.index(Page.RUN)


def test_keeping_what_already_protects_skips_getting_a_replacement_ready() -> None:
    kept = replace(READY, chosen=False, already_protected=True)
    assert Page.READY not in walk(kept) and Page.BACKUP in walk(kept)


def test_the_step_rail_lists_exactly_the_pages_this_user_will_see() -> None:
    assert steps(READY) == walk(READY)
    clean = WizardFacts(scanned=True)
    assert steps(clean) == walk(clean)
    # Before the scan: the whole way, as for the Kaspersky user who opened Switchover.
    assert steps(WizardFacts()) == list(Page)


def test_getting_ready_needs_the_vendor_page_opened_or_the_installer_at_hand() -> None:
    assert blocker(Page.READY, READY) is not None
    assert blocker(Page.READY, replace(READY, replacement_ready=True)) is None


def test_a_resumed_uninstall_goes_from_welcome_straight_to_the_run() -> None:
    route = walk(replace(READY, resume_uninstall=True))
    assert route[:2] == [Page.WELCOME, Page.RUN] and route[-1] == Page.DONE


def test_the_scan_page_waits_for_the_scan() -> None:
    assert blocker(Page.SCAN, WizardFacts()) is not None
    assert blocker(Page.SCAN, WizardFacts(scanned=True)) is None


def test_a_backup_needs_a_destination_or_an_explicit_skip() -> None:
    assert "where to save" in (blocker(Page.LOSE, replace(READY, destination="")) or "")
    assert blocker(Page.LOSE, replace(READY, destination="", skip_backup=True)) is None
    assert blocker(Page.LOSE, READY) is None


def test_not_enough_free_space_as_core_counts_it_blocks_next() -> None:
    short = replace(READY, space=Space(free=10**6, needed=10**6 + 1))
    assert "not enough free space" in (blocker(Page.LOSE, short) or "")
    # Not measured yet: the backup itself checks again before writing a byte.
    assert blocker(Page.LOSE, replace(READY, space=None)) is None


def test_a_password_export_needs_a_strong_passphrase_typed_twice() -> None:
    export = replace(READY, password_export=True)
    assert blocker(Page.LOSE, export) == "Choose a passphrase for the password export."
    weak = blocker(Page.LOSE, replace(export, passphrase="password12",
                                      passphrase_again="password12"))
    assert weak is not None and "passphrase" in weak.lower()
    assert blocker(Page.LOSE, replace(export, passphrase=STRONG,
                                      passphrase_again=STRONG + "x")) == \
        "The two passphrases differ."
    assert blocker(Page.LOSE, replace(export, passphrase=STRONG,
                                      passphrase_again=STRONG)) is None


def test_steps_only_the_user_can_do_are_confirmed_on_the_page_that_asks() -> None:
    asks = replace(READY, must_confirm=frozenset({"vault", "password-manager"}))
    assert blocker(Page.LOSE, asks) is not None
    assert blocker(Page.LOSE, replace(asks, confirmed=frozenset({"vault"}))) is not None
    assert blocker(Page.LOSE, replace(asks, confirmed=asks.must_confirm)) is None
    # Skipping the backup does not skip emptying the vaults.
    assert blocker(Page.LOSE, replace(asks, skip_backup=True)) is not None


def test_the_backup_page_lets_go_only_after_a_checked_backup_or_a_skip() -> None:
    assert blocker(Page.BACKUP, READY) is not None
    assert blocker(Page.BACKUP, replace(READY, backup_done=True)) is None
    assert blocker(Page.BACKUP, replace(READY, skip_backup=True)) is None


def test_a_machine_already_protected_can_go_on_without_choosing() -> None:
    assert blocker(Page.CHOOSE, replace(READY, chosen=False)) == "Choose a replacement."
    assert blocker(Page.CHOOSE, replace(READY, chosen=True)) is None
    assert blocker(Page.CHOOSE, replace(READY, already_protected=True)) is None


def test_the_review_names_what_still_blocks_the_removal() -> None:
    assert blocker(Page.UNINSTALL, READY) is not None  # plan not ready yet
    blocked = replace(READY, uninstall_plan_ready=True,
                      uninstall_blocked=("Protection after removal",))
    assert "Protection after removal" in (blocker(Page.UNINSTALL, blocked) or "")
    assert blocker(Page.UNINSTALL, replace(blocked, uninstall_blocked=())) is None


def test_the_run_page_holds_next_until_the_run_stops() -> None:
    assert blocker(Page.RUN, READY) is not None
    assert blocker(Page.RUN, replace(READY, run_over=True)) is None


def test_leftovers_of_an_earlier_removal_are_shown_even_without_kaspersky() -> None:
    after_ultraav = WizardFacts(kaspersky_found=False, leftovers_found=True,
                                already_protected=True)
    assert walk(after_ultraav) == [Page.WELCOME, Page.SCAN, Page.BAN, Page.CHOOSE,
                                   Page.PROTECTED, Page.DONE]
