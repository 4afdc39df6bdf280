"""Lighthouse measurement of the built sites (a measurement, not a pytest test).

Builds each programme's site as users build it (mkdocs build --strict), serves it under a
Pages-like sub-path on 127.0.0.1, runs Lighthouse (mobile) on one page per page type and prints,
in Dutch, the scores per page type and every failing accessibility, best-practices and SEO audit.

Usage (from the repository root):

    .venv/bin/python tests/lighthouse/meet.py [--programma 3noord|groningen|alle]

Lighthouse comes from tests/lighthouse/package-lock.json; when tests/lighthouse/node_modules is
missing, this script runs `npm ci --ignore-scripts` there first. It uses the installed Chromium
(CHROME_PATH, default /usr/bin/chromium) and never downloads a browser.

Exit code: 0 when every page type scores 100 on accessibility, 1 when one does not,
2 when a build or a Lighthouse run failed.
"""

import argparse
import functools
import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
PEILDATUM = "2026-11-22"

sys.path.insert(0, str(REPO / "tests"))
from sitebouw import PAGINATYPEN  # noqa: E402  (the page types the browser tests visit)

# programme: (mkdocs config, sub-path, page types relative to the site root)
PROGRAMMAS = {
    "3noord": (
        REPO / "mkdocs.yml",
        "uitvoeringsagenda-3noord",
        [*PAGINATYPEN, "besluiten/voorstel/"],
    ),
    "groningen": (
        REPO / "tests/programmas/groningen-ontwikkeltafels/mkdocs.yml",
        "groningen-ontwikkeltafels",
        [
            "",
            "advies/",
            "ontwikkeltafels/",
            "ontwikkeltafels/preventie/",
            "vergaderingen/",
            "vergaderingen/regiegroep/",
            "vergaderingen/regiegroep/2022-04-12-regiegroep/",
            "vergaderingen/ontwikkeltafels/2022-03-07-ontwikkeltafels/",
            "besluiten/",
            "besluiten/0009-advies-regiegroep-aan-adviescommissie/",
            "besluiten/status/geaccordeerd/",
            "nulplaten/",
            "nulplaten/de-juiste-zorg/",
            "planning/",
            "regios/",
            "regios/groningen/",
            "open-data/",
            "over/",
            "toegankelijkheid/",
            "besluiten/voorstel/",
            "404.html",
        ],
    ),
}
# Lighthouse category id: Dutch column label
CATEGORIEEN = {
    "accessibility": "toegankelijkheid",
    "best-practices": "goede praktijken",
    "seo": "SEO",
    "performance": "prestaties (mobiel)",
}


class PagesHandler(http.server.SimpleHTTPRequestHandler):
    """Serves files like GitHub Pages: a missing path gets the site's own 404.html."""

    def log_message(self, *args):
        pass

    def send_error(self, code, message=None, explain=None):
        site = self.path.lstrip("/").split("/", 1)[0]
        page = Path(self.directory, site, "404.html")
        if code != 404 or not site or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)


def build(config, destination, site_url):
    """Builds one site; retries once after a minute, since the tree may be mid-edit."""
    env = dict(os.environ, AGENDA_SITE_URL=site_url, AGENDA_PEILDATUM=PEILDATUM, NO_MKDOCS_2_WARNING="1")
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(config), "-d", str(destination)]
    for attempt in (1, 2):
        result = subprocess.run(command, cwd=REPO, env=env, capture_output=True, text=True)
        if result.returncode == 0:
            return True
        print(
            f"bouwen mislukt ({config.relative_to(REPO)}, poging {attempt}):\n{result.stdout}{result.stderr}",
            file=sys.stderr,
        )
        if attempt == 1:
            time.sleep(60)
    return False


def lighthouse(urls, outdir):
    """Runs Lighthouse on all URLs in one Node process; returns the reports in order."""
    if not (HERE / "node_modules/.bin/lighthouse").exists():
        print("Lighthouse installeren (npm ci --ignore-scripts) ...", file=sys.stderr)
        subprocess.run(["npm", "ci", "--ignore-scripts", "--no-audit", "--no-fund"], cwd=HERE, check=True)
    env = dict(os.environ, CHROME_PATH=os.environ.get("CHROME_PATH", "/usr/bin/chromium"))
    subprocess.run(["node", str(HERE / "run-lighthouse.mjs"), str(outdir), *urls], cwd=HERE, env=env, check=True)
    return [json.loads((outdir / f"{n}.json").read_text()) for n in range(len(urls))]


def failures(report, category):
    """Yields (id, title, [offending element or item]) for each failing audit of a category."""
    for ref in report["categories"][category]["auditRefs"]:
        audit = report["audits"][ref["id"]]
        if audit.get("score") is None or audit["score"] >= 1:
            continue
        items = []
        for item in (audit.get("details") or {}).get("items", []):
            node = item.get("node") or {}
            if node:
                items.append(f"{node.get('selector', '')}  {node.get('snippet', '')}".strip())
            else:
                items.append(", ".join(f"{k}={v}" for k, v in item.items() if isinstance(v, (str, int, float))))
        yield audit["id"], audit["title"], items


def score(report, category):
    value = report["categories"][category]["score"]
    return "-" if value is None else str(round(value * 100))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--programma", choices=[*PROGRAMMAS, "alle"], default="alle")
    names = list(PROGRAMMAS) if (arg := parser.parse_args().programma) == "alle" else [arg]
    started = time.monotonic()

    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        root = Path(tmp, "site")
        root.mkdir()
        handler = functools.partial(PagesHandler, directory=str(root))
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        base = f"http://127.0.0.1:{server.server_address[1]}"

        pages = []  # (programme, page type, url)
        for name in names:
            config, subpath, page_types = PROGRAMMAS[name]
            if not build(config, root / subpath, f"{base}/{subpath}/"):
                return 2
            for page in page_types:
                if not (root / subpath / page / ("" if page.endswith(".html") else "index.html")).is_file():
                    print(f"let op: {name} heeft geen pagina {page!r}", file=sys.stderr)
                pages.append((name, page, f"{base}/{subpath}/{page}"))

        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            outdir = Path(tmp, "rapporten")
            outdir.mkdir()
            reports = lighthouse([url for _, _, url in pages], outdir)
        finally:
            server.shutdown()

    broken, below = [], []
    for name in names:
        print(f"\n== {name} ==")
        header = ["paginasoort", *CATEGORIEEN.values()]
        rows = []
        for (programme, page, _), report in zip(pages, reports, strict=True):
            if programme != name:
                continue
            if report.get("runtimeError") or "categories" not in report:
                broken.append((programme, page, report.get("runtimeError")))
                rows.append([page or "(voorpagina)", *["fout"] * len(CATEGORIEEN)])
                continue
            rows.append([page or "(voorpagina)", *(score(report, c) for c in CATEGORIEEN)])
            for warning in report.get("runWarnings", []):
                print(f"let op: Lighthouse bij {page or '(voorpagina)'}: {warning}", file=sys.stderr)
            if report["categories"]["accessibility"]["score"] != 1:
                below.append((programme, page))
        widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
        for row in [header, ["-" * w for w in widths], *rows]:
            print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip())

    for category in ("accessibility", "best-practices", "seo"):
        print(f"\nAfgekeurde controles, {CATEGORIEEN[category]}:")
        found = False
        for (programme, page, _), report in zip(pages, reports, strict=True):
            if "categories" not in report:
                continue
            for audit_id, title, items in failures(report, category):
                found = True
                print(f"- {programme} {page or '(voorpagina)'}: {audit_id} — {title}")
                for item in items:
                    print(f"    {item}")
        if not found:
            print("  geen")

    for programme, page, error in broken:
        print(f"\nLighthouse-fout bij {programme} {page or '(voorpagina)'}: {error}")
    print(f"\n{len(pages)} pagina's gemeten in {time.monotonic() - started:.0f} s.")
    if broken:
        return 2
    if below:
        print("Toegankelijkheid onder 100: " + ", ".join(f"{p} {s or '(voorpagina)'}" for p, s in below))
        return 1
    print("Toegankelijkheid overal 100.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
