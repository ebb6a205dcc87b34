"""Backups: the plan of what uninstalling would lose, the archive, its checks and its restore."""
