"""The ``kg`` command line: ingest, export, query, visits, viz, serve, ner, evaluate."""

from __future__ import annotations

import datetime as dt
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Optional

import typer

from kg.errors import KgError

app = typer.Typer(help="zhkg: knowledge graphs from Chinese regional news.",
                  no_args_is_help=True, add_completion=False)

StoreOpt = Annotated[str, typer.Option(
    "--store", envvar="KG_STORE",
    help="store folder, or the query endpoint URL of a SPARQL 1.1 server (…/query)")]
DEFAULT_STORE = "kgdata"


def _is_url(store: str) -> bool:
    return store.startswith(("http://", "https://"))


class ExportFormat(StrEnum):
    turtle = "turtle"
    trig = "trig"
    nquads = "nquads"
    nt = "nt"
    jsonld = "jsonld"
    xml = "xml"
    graphml = "graphml"
    gexf = "gexf"


class Scheme(StrEnum):
    cluener = "cluener"
    msra = "msra"


class TableFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"kg: {message}", err=True)
    raise typer.Exit(code)


def _open(store: str, *, read_only: bool = True):
    from kg.store import open_store

    if read_only and not _is_url(store) and not Path(store).exists():
        _fail(f"no store at {store}: run `kg ingest PATH --store {store}` first")
    try:
        return open_store(store if _is_url(store) else Path(store), read_only=read_only)
    except KgError as exc:
        _fail(str(exc))


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(
               help="files or folders: text, HTML, JSON Lines, CSV or WARC (told by content)")],
           store: StoreOpt = DEFAULT_STORE,
           region: Annotated[Optional[str], typer.Option(help="home region (我县 → 随县)")] = None,
           workers: Annotated[int, typer.Option(help="processes for extraction (0: all cores)")] = 1,
           date: Annotated[Optional[dt.datetime], typer.Option(
               formats=["%Y-%m-%d"], help="issue date of documents that carry none")] = None,
           paper: Annotated[Optional[str], typer.Option(
               help="newspaper or site of documents that name none")] = None,
           cluster: Annotated[Optional[str], typer.Option(
               help="extract on the Dask cluster whose scheduler is at this address "
                    "(tcp://HOST:8786)")] = None,
           ) -> None:
    """Read documents, extract facts, store them (a document ingested again replaces its facts)."""
    from tqdm import tqdm

    from kg.documents import iter_paths
    from kg.ingest import ingest_paths

    missing = [p for p in paths if not p.exists()]
    if missing:
        _fail(f"no such file or folder: {', '.join(map(str, missing))}")
    files = iter_paths(paths)
    if not files:
        _fail("no readable files (text, HTML, JSON Lines, CSV, WARC) found in "
              + ", ".join(map(str, paths)))
    st = _open(store, read_only=False)
    publish = _publisher(st)
    try:
        with tqdm(unit="doc", disable=len(files) < 20 or not sys.stderr.isatty()) as bar:
            report = ingest_paths(st, files, region, progress=lambda _: bar.update(),
                                  workers=workers if workers > 0 else (os.cpu_count() or 1),
                                  date=date.date() if date else None, paper=paper,
                                  cluster=cluster, on_commit=publish)
    except KgError as exc:
        _fail(str(exc))
    finally:
        st.close()
    _print_summary(report, store)
    if report.refused:
        raise typer.Exit(1)


def _publisher(st):
    """After stores are written, publish a snapshot a running read-only ``kg serve`` switches to."""
    from kg.store.snapshots import publish

    if getattr(st, "path", None) is None:
        return None
    publish(st)
    return lambda: publish(st)


def _print_summary(report, store: str) -> None:
    for source, why in report.refused:
        typer.echo(f"kg: refused {why}", err=True)
    for source in report.undated[:20]:
        typer.echo(f"kg: no date: {source} (give one with --date YYYY-MM-DD)", err=True)
    if len(report.undated) > 20:
        typer.echo(f"kg: no date: … and {len(report.undated) - 20} more", err=True)
    formats = ", ".join(f"{n} {fmt}" for fmt, n in sorted(report.formats.items()))
    typer.echo(f"ingested {report.documents} document(s), {report.quads} quads into {store}"
               + (f" ({formats})" if formats else "")
               + (f"; {len(report.undated)} without a date" if report.undated else "")
               + (f"; {len(report.refused)} refused" if report.refused else ""))


@app.command()
def export(store: StoreOpt = DEFAULT_STORE,
           format: Annotated[ExportFormat, typer.Option("--format", "-f")] = ExportFormat.trig,
           output: Annotated[Optional[Path], typer.Option("-o", "--output")] = None) -> None:
    """Write the whole graph as Turtle, TriG, N-Quads, N-Triples, JSON-LD or RDF/XML, or the
    network of officials, places and organizations (visits and meetings, weighted by distinct
    events) as GraphML or GEXF for Gephi and networkx."""
    st = _open(store)
    if format in (ExportFormat.graphml, ExportFormat.gexf):
        from kg.analysis import network, network_bytes

        data = network_bytes(network(st), format.value)
    else:
        data = st.dump(format.value)
    if output:
        output.parent.mkdir(parents=True, exist_ok=True)
        output.write_bytes(data)
        typer.echo(f"wrote {len(data)} bytes to {output}", err=True)
    else:
        sys.stdout.buffer.write(data)


@app.command()
def query(sparql: Annotated[str, typer.Argument(help="a SPARQL query, or @FILE")],
          store: StoreOpt = DEFAULT_STORE,
          format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table) -> None:
    """Run a SPARQL query over all documents."""
    from pyoxigraph import QueryBoolean

    from kg.answers import rows_of

    if sparql.startswith("@"):
        path = Path(sparql[1:])
        try:
            sparql = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            _fail(f"cannot read the query file {path}: {getattr(exc, 'strerror', None) or exc}")
    st = _open(store)
    try:
        result = st.query(sparql)
        header, rows = rows_of(bool(result) if isinstance(result, QueryBoolean) else result)
    except KgError as exc:
        _fail(f"bad SPARQL: {exc}")
    _print_rows(header, rows, format)


def _print_rows(header: list[str], rows: list[list[str]], fmt: TableFormat) -> None:
    if fmt is TableFormat.json:
        typer.echo(json.dumps([dict(zip(header, r)) for r in rows], ensure_ascii=False, indent=1))
    elif fmt is TableFormat.csv:
        import csv

        w = csv.writer(sys.stdout)
        w.writerow(header)
        w.writerows(rows)
    else:
        typer.echo("\t".join(header))
        for r in rows:
            typer.echo("\t".join(r))


@app.command()
def visits(person: Annotated[Optional[str], typer.Option(help="visitor's name")] = None,
           place: Annotated[Optional[str], typer.Option(help="place, or a region containing it")] = None,
           from_: Annotated[Optional[dt.datetime], typer.Option("--from", formats=["%Y-%m-%d"])] = None,
           to: Annotated[Optional[dt.datetime], typer.Option("--to", formats=["%Y-%m-%d"])] = None,
           min_confidence: Annotated[Optional[float], typer.Option(
               "--min-confidence", min=0.0, max=1.0, help="only visits this sure (0–1)")] = None,
           store: StoreOpt = DEFAULT_STORE,
           format: Annotated[TableFormat, typer.Option("--format", "-f")] = TableFormat.table) -> None:
    """Who visited where, when: one row per visit, with its confidence, its number of reports,
    and one report's source page and sentence."""
    from kg.queries import select_visits

    st = _open(store)
    rows = select_visits(st.select, person, place, from_.date() if from_ else None,
                         to.date() if to else None, min_confidence=min_confidence)
    keep = ["personLabel", "placeLabel", "date", "confidence", "reports", "source", "evidence"]
    _print_rows(["person", "place", "date", "confidence", "reports", "source", "evidence"],
                [[r[k] or "" for k in keep] for r in rows], format)


@app.command()
def remove(documents: Annotated[list[str], typer.Argument(help="document ids (file names without .txt) or .txt files")],
           store: StoreOpt = DEFAULT_STORE) -> None:
    """Remove documents: their graphs, the facts only they state (an entity only they mention
    disappears), their share of the counts; one transaction per document."""
    from kg.documents import doc_id_for
    from kg.ingest import remove_documents
    from kg.rdf import doc_iri

    ids = [doc_id_for(Path(d)) if d.endswith(".txt") else d for d in documents]
    st = _open(store, read_only=False)
    try:
        present = set(st.graphs())
        missing = [d for d in ids if doc_iri(d).value not in present]
        removed = remove_documents(st, ids)
    except KgError as exc:
        _fail(str(exc))
    finally:
        st.close()
    for d in missing:
        typer.echo(f"kg: no document {d!r} in {store}", err=True)
    typer.echo(f"removed {removed} document(s) from {store}")
    if missing:
        raise typer.Exit(1)


@app.command()
def viz(store: StoreOpt = DEFAULT_STORE,
        focus: Annotated[Optional[str], typer.Option(help="centre on this entity (name)")] = None,
        hops: Annotated[int, typer.Option(min=1, max=4)] = 2,
        region: Annotated[Optional[str], typer.Option(help="visits network of this region")] = None,
        from_: Annotated[Optional[dt.datetime], typer.Option("--from", formats=["%Y-%m-%d"])] = None,
        to: Annotated[Optional[dt.datetime], typer.Option("--to", formats=["%Y-%m-%d"])] = None,
        document: Annotated[Optional[str], typer.Option(help="everything one document says (its id)")] = None,
        output: Annotated[Path, typer.Option("-o", "--output")] = Path("out/graph.html")) -> None:
    """Render an interactive pyvis graph (works offline) to an HTML file: the whole graph, the
    neighbourhood of --focus, the visits network of --region, or one --document."""
    from kg.vocab import KGR
    from viz.render import document_graph, render_html, to_html, visits_graph

    st = _open(store)
    try:
        if region:
            html = to_html(visits_graph(st, region, from_.date() if from_ else None,
                                        to.date() if to else None))
        elif document:
            html = to_html(document_graph(st, KGR + "doc/" + document))
        else:
            html = render_html(st, focus=focus, hops=hops)
    except KgError as exc:
        _fail(str(exc))
    output.parent.mkdir(parents=True, exist_ok=True)
    output.write_text(html, encoding="utf-8")
    typer.echo(f"wrote {output}", err=True)


@app.command()
def serve(store: StoreOpt = DEFAULT_STORE,
          host: Annotated[str, typer.Option()] = "127.0.0.1",
          port: Annotated[int, typer.Option()] = 8000) -> None:
    """Serve the SPARQL endpoint, the visits API and the graph pages."""
    import uvicorn

    from api.app import create_app
    from api.config import Settings

    if not _is_url(store) and not Path(store).exists():
        _fail(f"no store at {store}: run `kg ingest PATH --store {store}` first")
    settings = Settings(store=store if _is_url(store) else Path(store))
    uvicorn.run(create_app(settings), host=host, port=port, log_level="info")


@app.command()
def ner(scheme: Annotated[Scheme, typer.Option(
        help="the classes: cluener (name, government, company, organization, position, address) "
             "or msra (PER, LOC, ORG), each from its own model")] = Scheme.cluener) -> None:
    """Entity spans: JSON Lines {"id","text"} on stdin → {"id","entities"} on stdout."""
    from kg.ner import run_jsonl

    bad = run_jsonl(sys.stdin, sys.stdout, sys.stderr, scheme.value)
    if bad:
        raise typer.Exit(1 if bad else 0)


@app.command()
def evaluate(gold: Annotated[Path, typer.Argument(help="gold JSON (GUIDELINES.md)")],
             store: StoreOpt = DEFAULT_STORE,
             show: Annotated[int, typer.Option(help="missed/spurious facts to list per question")] = 10,
             as_json: Annotated[bool, typer.Option("--json")] = False) -> None:
    """Precision, recall and F1 per question against your own gold annotations."""
    from kg.evaluate import evaluate_store, format_report

    st = _open(store)
    try:
        report = evaluate_store(st, gold)
    except KgError as exc:
        _fail(str(exc))
    if as_json:
        typer.echo(json.dumps(report.scores, ensure_ascii=False))
    else:
        typer.echo(format_report(report, show))


if __name__ == "__main__":
    app()
