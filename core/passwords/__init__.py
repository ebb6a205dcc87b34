"""Password manager exports: recognising them by content, reading Kaspersky's, writing what
others import.
"""
