"""The exceptions zhkg raises, as one tree.

    KgError
    ├── DocumentError      a file that cannot be read as a Chinese text document
    ├── QueryError         a SPARQL query that does not parse or is refused
    ├── StoreError         the triple store cannot be opened or written
    └── GoldError          a gold file that does not follow gold/GUIDELINES.md
"""


class KgError(Exception):
    """Base class of every error zhkg raises on purpose."""


class DocumentError(KgError):
    """A document is empty, binary or in an encoding we cannot decode."""


class QueryError(KgError):
    """A SPARQL query is malformed or asks for something not allowed."""


class StoreError(KgError):
    """The store cannot be opened (locked, corrupt) or written."""


class GoldError(KgError):
    """A gold annotation file is malformed."""
