"""The PySide6 wizard: a thin face over `core`. Pages call core; none holds logic of its own."""
