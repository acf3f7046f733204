"""The HTTP service: SPARQL 1.1 Protocol endpoint, friendly routes and graph pages."""
