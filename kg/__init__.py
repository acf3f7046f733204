"""zhkg: a knowledge-graph builder for Chinese regional news.

Data flows one way: documents (:mod:`kg.documents`) → facts (:mod:`kg.extract`)
→ RDF (:mod:`kg.rdf`) → a triple store (:mod:`kg.store`) → answers (``api/``,
``viz/``).
"""

__version__ = "0.1.0"
