"""The catalog of alternatives: its records, signatures, updates and the ranking."""
