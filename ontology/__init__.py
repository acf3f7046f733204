"""The zhkg ontology (OWL, Turtle) and its SHACL shapes, shipped as package data."""

from pathlib import Path

HERE = Path(__file__).parent
ONTOLOGY = HERE / "zhkg.ttl"
SHAPES = HERE / "shapes.ttl"
