"""The `switchover` command line (spec/cli.md) and its output formatters: a thin face over core."""
