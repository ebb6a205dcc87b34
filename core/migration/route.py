"""The wizard's route and its rules as pure logic, tested without a screen (as Electrum does).

Qt draws the pages and forwards what the user typed and ticked; everything a page would
otherwise decide is decided here from plain facts (`WizardFacts`): which page follows
which, and what must be true before Next is allowed. A page asks `blocker(page, facts)`
and shows the sentence it returns. The order is a safe switch's: the new protection is
chosen and ready before the backup and the removal. A machine without Kaspersky stops
after choosing (nothing to back up or remove); a resumed uninstall goes from Welcome
straight to the run.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from core.language.translate import tr
from core.migration.pages import Page


@dataclass(frozen=True)
class Space:
    """Free space on the backup's target and what the backup needs there (core's rule)."""

    free: int
    needed: int


@dataclass(frozen=True)
class WizardFacts:
    """What the wizard knows so far: plain data, copied from the session by the GUI."""

    kaspersky_found: bool = False
    resume_uninstall: bool = False
    scanned: bool = False
    backup_plan_ready: bool = False
    skip_backup: bool = False
    destination: str = ""
    space: Space | None = None            # None: not measured (yet)
    password_export: bool = False
    passphrase: str = ""
    passphrase_again: str = ""
    must_confirm: frozenset[str] = frozenset()
    confirmed: frozenset[str] = frozenset()
    backup_done: bool = False
    chosen: bool = False
    already_protected: bool = False       # something the user keeps protects in real time
    replacement_ready: bool = False       # vendor page opened, installer ready, or built in
    leftovers_found: bool = False         # traces of an earlier removal (a driver, a root)
    uninstall_plan_ready: bool = False
    uninstall_blocked: tuple[str, ...] = field(default=())
    run_over: bool = False                # the run stopped: finished, waiting or failed


def next_page(page: Page, facts: WizardFacts) -> Page:
    """The page after `page` (DONE is the last; Qt's -1 after it is the GUI's business).

    Nothing chosen (the machine is already protected by something the user keeps) skips
    getting a replacement ready; a machine without Kaspersky stops after that.
    """
    if page == Page.WELCOME and facts.resume_uninstall:
        return Page.RUN
    # Without Kaspersky there is nothing to back up or remove; what an earlier removal
    # left behind (UltraAV's switch leaves a driver and a root certificate) is still shown,
    # with what to do, on the check page.
    after_choosing = Page.LOSE if facts.kaspersky_found else (
        Page.PROTECTED if facts.leftovers_found else Page.DONE)
    if page == Page.CHOOSE and not facts.chosen:
        return after_choosing
    if page == Page.READY and not facts.kaspersky_found:
        return after_choosing
    return Page(min(page + 1, Page.DONE))


def steps(facts: WizardFacts) -> list[Page]:
    """Every page this user will see, in order: what the step rail shows.

    Before the scan nothing is known yet, so the rail shows the whole way of someone who
    has Kaspersky and picks a replacement (the reason they opened Switchover).
    """
    if not facts.scanned and not facts.resume_uninstall:
        facts = replace(facts, kaspersky_found=True, chosen=True)
    route, page = [], Page.RUN if facts.resume_uninstall else Page.WELCOME
    if facts.resume_uninstall:
        route.append(Page.WELCOME)
    while page != Page.DONE:
        route.append(page)
        page = next_page(page, facts)
    return [*route, Page.DONE]


def passphrase_blocker(facts: WizardFacts) -> str | None:
    from core.backup.secrets import passphrase_problem

    if not facts.passphrase:
        return tr("Choose a passphrase for the password export.")
    problem = passphrase_problem(facts.passphrase)
    if problem:
        return problem
    if facts.passphrase != facts.passphrase_again:
        return tr("The two passphrases differ.")
    return None


def _lose_blocker(facts: WizardFacts) -> str | None:
    if not facts.backup_plan_ready:
        return tr("Looking at what uninstalling would lose…")
    unconfirmed = facts.must_confirm - facts.confirmed
    if unconfirmed:
        return tr("Tick “I have done this” under each step only you can do.")
    if facts.skip_backup:
        return None
    if not facts.destination:
        return tr("Choose where to save the backup, or tick that you skip it.")
    if facts.space is not None and facts.space.free < facts.space.needed:
        return tr("There is not enough free space there: choose another place or fewer folders.")
    if facts.password_export:
        return passphrase_blocker(facts)
    return None


def blocker(page: Page, facts: WizardFacts) -> str | None:
    """Why Next is not allowed yet on `page`, in one sentence; None when it is."""
    if page == Page.SCAN and not facts.scanned:
        return tr("Looking at this computer…")
    if page == Page.LOSE:
        return _lose_blocker(facts)
    if page == Page.BACKUP and not (facts.backup_done or facts.skip_backup):
        return tr("Wait for the backup to finish and pass its check, or go back and skip it.")
    if page == Page.CHOOSE and not (facts.chosen or facts.already_protected):
        return tr("Choose a replacement.")
    if page == Page.READY and not facts.replacement_ready:
        return tr("Open the vendor's page, or tick that the installer is ready.")
    if page == Page.UNINSTALL:
        if not facts.uninstall_plan_ready:
            return tr("Preparing the removal plan…")
        if facts.uninstall_blocked:
            return tr("Before you can go on: {steps}.").format(
                steps="; ".join(facts.uninstall_blocked))
    if page == Page.RUN and not facts.run_over:
        return tr("The uninstall is running.")
    return None
