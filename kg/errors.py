"""The exceptions zhkg raises, as one tree (the service maps each to one HTTP status in
``api/errors.py``; the command line prints the message).

    KgError
    ├── DocumentError      a file that cannot be read as a Chinese text document
    ├── QueryError         a SPARQL query or update that does not parse or is refused
    │   └── RequestError   a request the SPARQL protocol does not allow (repeated or
    │                      conflicting parameters, an undecodable body, a bad graph IRI)
    ├── NotFound           an entity, region, document or graph that is not in the store
    ├── NotAcceptable      no media type the client accepts fits the result
    ├── UnsupportedMedia   a request body in a media type the service does not read
    ├── ResultTooLarge     a request or its result is over the configured size limit
    ├── Unauthorized       a write without a bearer token
    ├── Forbidden          a write with a wrong token, or to a read-only service
    ├── ProtectedGraph     a write that would touch the graphs derived from documents
    ├── QueryTimeout       a query ran past its deadline and was stopped
    ├── StoreError         the triple store cannot be opened, written or reached
    ├── GoldError          a gold file that does not follow gold/GUIDELINES.md
    └── ExtractionError    a stage of extraction failed on a document (names the stage)
"""


class KgError(Exception):
    """Base class of every error zhkg raises on purpose."""


class DocumentError(KgError):
    """A document is empty, binary or in an encoding we cannot decode."""


class QueryError(KgError):
    """A SPARQL query is malformed or asks for something not allowed."""


class RequestError(QueryError):
    """A request the SPARQL protocol does not allow (repeated or conflicting parameters …)."""


class NotFound(KgError):
    """What was asked for is not in the store."""


class NotAcceptable(KgError):
    """No media type the client accepts fits the query's result."""


class UnsupportedMedia(KgError):
    """The request body's media type is not one the service reads."""


class ResultTooLarge(KgError):
    """The request, or its serialised result, is over the configured size limit."""


class Unauthorized(KgError):
    """A write came without credentials."""


class Forbidden(KgError):
    """A write came with wrong credentials, or the service is read-only."""


class ProtectedGraph(KgError):
    """A write would change graphs that are derived from documents (re-ingest instead)."""


class QueryTimeout(KgError):
    """A query ran past its deadline and was stopped."""


class StoreError(KgError):
    """The store cannot be opened (locked, corrupt), written or reached."""


class GoldError(KgError):
    """A gold annotation file is malformed."""


class ExtractionError(KgError):
    """A stage of extraction failed on a document: ``stage`` names it, the cause is chained
    (``raise … from``), so a failure reads "stage 'events' failed on doc-7: IndexError: …"."""

    def __init__(self, stage: str, doc_id: str, cause: BaseException) -> None:
        super().__init__(f"extraction stage {stage!r} failed on {doc_id}: {type(cause).__name__}: {cause}")
        self.stage = stage
        self.doc_id = doc_id
