PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STORE ?= kgdata
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: install demo test bench clean test-deps train-ner eval vendor

$(BIN)/kg: pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(BIN)/kg

install: $(BIN)/kg vendor

# The explorer's front-end files, served by the service itself: npm packages pinned by
# package-lock.json (YASGUI, vis-timeline, ECharts) and the boundaries of China's provinces,
# prefectures and counties, copied into api/static/vendor (git-ignored). Without npm the
# pages still work without those views, and the browser tests that need them are skipped.
VENDORED := api/static/vendor/.stamp
vendor: $(VENDORED)

$(VENDORED): package-lock.json viz/vendor.py $(BIN)/kg
	@if command -v npm >/dev/null 2>&1; then \
		npm ci --ignore-scripts --no-audit --no-fund --loglevel=error; \
	else echo "vendor: npm is missing: YASGUI, the timeline and the map are not vendored"; fi
	$(BIN)/python -m viz.vendor
	@if [ -d node_modules ]; then touch $@; fi

demo: install
	$(BIN)/kg ingest seeds --store $(STORE)
	mkdir -p out
	$(BIN)/kg export --store $(STORE) --format trig -o out/graph.trig
	$(BIN)/kg viz --store $(STORE) -o out/graph.html
	@echo "Graph written to out/graph.trig and out/graph.html"
	@echo "Open http://$(HOST):$(PORT)/  (SPARQL: http://$(HOST):$(PORT)/sparql, visits: http://$(HOST):$(PORT)/visits)"
	$(BIN)/kg serve --store $(STORE) --host $(HOST) --port $(PORT)

test: install test-deps
	$(BIN)/python -m pytest -q

bench: install
	$(BIN)/python bench/run.py
	$(BIN)/python bench/profile_ingest.py | head -60
	$(BIN)/python bench/profile_query.py
	rm -rf bench/.seedstore && $(BIN)/kg ingest seeds --store bench/.seedstore
	$(BIN)/python bench/load.py --store bench/.seedstore --clients 16 --seconds 30 | tee bench/results/load-latest.json
	$(BIN)/python bench/load.py --store bench/.seedstore --clients 16 --seconds 30 --mixed | tee bench/results/load-mixed-latest.json
	rm -rf bench/.seedstore
	$(BIN)/python bench/graph_page.py --nodes 2000 | tee bench/results/graph-page-latest.json
	$(BIN)/python bench/entity_page.py | tee bench/results/entity-page-latest.json
	$(BIN)/python bench/html_agreement.py
	$(BIN)/python bench/ingest_real.py
	$(BIN)/python bench/long_docs.py
	$(BIN)/python bench/real_corpus.py build
	$(BIN)/python bench/real_corpus.py measure

# System packages some tests need (run as root, as CI does): Debian's Chromium and a CJK
# font for the browser tests, Virtuoso's server binary for the remote-store tests.
# Without root (or apt) they are skipped with a message, and so are the tests needing them.
test-deps:
	@if command -v chromium >/dev/null 2>&1 && command -v virtuoso-t >/dev/null 2>&1 \
		&& fc-list 2>/dev/null | grep -qi wenquanyi; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends chromium fonts-wqy-zenhei virtuoso-opensource-7-bin >/dev/null; \
	else echo "test-deps: not root; browser and Virtuoso tests will be skipped"; fi

# Retrain the shipped entity taggers on CLUENER2020 and MSRA NER (fixed, documented 10% dev splits held out).
CLUENER ?= ../shared/data/cluener/train.json
MSRA ?= ../shared/data/msra/train.bio
train-ner: install
	$(BIN)/python -m kg.train_ner $(CLUENER) --dev-out bench/data/cluener_dev.json
	$(BIN)/python -m kg.train_ner $(MSRA) --scheme msra --iterations 150 --dev-out bench/data/msra_dev.json

clean:
	rm -rf $(VENV) $(STORE) out .pytest_cache node_modules api/static/vendor

# Extraction accuracy on the seeds, the annotated 新闻联播 stories and our real pages, side by side.
eval: install
	$(BIN)/python bench/eval_sets.py
	$(BIN)/python bench/duee_meetings.py
