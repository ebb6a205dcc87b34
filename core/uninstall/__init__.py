"""Removing Kaspersky: the plan, the command lines rebuilt from validated parts, the runner and
the check afterwards.
"""
