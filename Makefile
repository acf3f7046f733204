PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= kgdata
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo test bench clean

$(BIN)/kg: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/kg

install: $(BIN)/kg

demo: install
	$(BIN)/kg ingest seeds --store $(STORE)
	mkdir -p out
	$(BIN)/kg export --store $(STORE) --format trig -o out/graph.trig
	$(BIN)/kg viz --store $(STORE) -o out/graph.html
	@echo "Graph written to out/graph.trig and out/graph.html"
	@echo "Open http://$(HOST):$(PORT)/  (SPARQL: http://$(HOST):$(PORT)/sparql, visits: http://$(HOST):$(PORT)/visits)"
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) $(STORE) out .pytest_cache
