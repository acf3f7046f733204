"""Pictures of the graph: pyvis HTML pages that work offline."""
