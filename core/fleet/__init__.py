"""Fleets: the policy IT staff write, the unattended migration it drives, and the fleet report."""
