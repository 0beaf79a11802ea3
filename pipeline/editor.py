"""`pipeline review`: a local web editor over an output folder's review files.

Reviewers who are journalists, not CAT-tool users, get source and translation side by
side, the checks' findings and the memory's matches, and approve with Ctrl+Enter. Every
change goes through the PO file of its article and language, under the rules of
``pipeline import`` (no empty text, no English copied as a translation), and then through a
cached ``pipeline run`` over the folder, which merges it like any reviewer's edit: an
approval goes into the memory and into every review format, a draft stays a draft. Each
segment carries a version (a digest of its text, state and comment); a save against a stale
version is refused with the current text (409), so two reviewers or two tabs never
overwrite each other. Served on 127.0.0.1 only by default, with a fresh token per start.
"""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import threading
from dataclasses import dataclass
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote, urlsplit

import polib

from pipeline.config import Config
from pipeline.errors import InputError, PipelineError
from pipeline.formats import po, write_atomic
from pipeline.formats.notes import copies_source, edited_unreviewed
from pipeline.formats.registry import REVIEWED, output_paths
from pipeline.memory import Memory
from pipeline.model import Segment, State, Translation
from pipeline.workspace import Manifest, RunRecord, find_run_record

MAX_BODY = 1 << 20


class Conflict(Exception):
    """The segment changed since the editor loaded it."""

    def __init__(self, current: dict):
        super().__init__("changed since it was loaded")
        self.current = current


_ID = re.compile(r"^(?P<doc>[^/\\:]+):p\d+:s\d+$")
# A machine note for a reviewed text set back to "needs review": no machine text to compare
# with, so any text is a person's draft (``notes.edited_unreviewed``).
_SET_BACK = "machine: none (set back to needs review by a reviewer), text 000000000000"


@dataclass
class ReviewApp:
    """The editor's operations on one output folder (the HTTP layer is ``serve``)."""

    out: Path
    config: Config
    package_dirs: list[Path] | None = None

    def __post_init__(self) -> None:
        record = find_run_record(self.out, self.out)
        if record is None:
            raise InputError(self.out, "not an output folder of `pipeline run` (no .pipeline-run.json)")
        self.record: RunRecord = record
        self._lock = threading.Lock()

    def _pos(self, lang: str, doc: str | None = None) -> list[Path]:
        if lang not in self.record.targets:
            raise NotFound(f"no language {lang!r} in this folder ({', '.join(self.record.targets)})")
        paths = sorted((self.out / lang / "LC_MESSAGES").glob("*.po"))
        return [p for p in paths if doc is None or p.stem == doc]

    def files(self) -> list[dict[str, Any]]:
        """Every article and language the folder holds, with its progress."""
        found = []
        for lang in self.record.targets:
            for path in self._pos(lang):
                entries = _live(polib.pofile(str(path)))
                reviewed = sum(_state(e) == "reviewed" for e in entries)
                found.append({"doc": path.stem, "lang": lang, "segments": len(entries), "reviewed": reviewed})
        return found

    def segments(self, lang: str, doc: str | None = None) -> list[dict[str, Any]]:
        """The segments of ``lang`` (of one article, or of all), as the JSON contract gives them."""
        return [_segment(e, path.stem) for path in self._pos(lang, doc) for e in _live(polib.pofile(str(path)))]

    def update(self, lang: str, seg_id: str, *, version: str, state: str, text: str, comment: str | None = None) -> dict[str, Any]:
        """Set one segment to ``state`` ("reviewed", "needs-review", or "machine": fresh machine
        text) with ``text``; the segment as it is afterwards."""
        m = _ID.match(seg_id)
        paths = self._pos(lang, m["doc"]) if m else []
        if not paths:
            raise NotFound(f"no segment {seg_id!r} in {lang}")
        if state not in ("reviewed", "needs-review", "machine"):
            raise ValueError(f"state must be reviewed, needs-review or machine, not {state!r}")
        with self._lock:
            path = paths[0]
            catalog = polib.pofile(str(path), wrapwidth=0)
            entry = next((e for e in _live(catalog) if e.msgctxt == seg_id), None)
            if entry is None:
                raise NotFound(f"no segment {seg_id!r} in {lang}")
            if _version(entry) != version:
                raise Conflict(_segment(entry, path.stem))
            text = "" if state == "machine" else text.strip()
            if state != "machine" and not text:
                raise ValueError("an empty translation is not a translation")
            if text and copies_source(Segment(id=seg_id, source=entry.msgid, paragraph=0, index=0), Translation(text=text)):
                raise ValueError("the translation is the English source")
            was_reviewed = _state(entry) == "reviewed"
            if state != "reviewed" and was_reviewed:
                if state == "machine":
                    raise ValueError("approved: set it back to needs review first")
                with Memory(self.config.path(self.config.memory)) as memory:
                    memory.forget(entry.msgid, lang)
                entry.comment = "\n".join([_SET_BACK, *(entry.comment or "").splitlines()])
            if state != "reviewed" and (was_reviewed or state == "machine"):
                # The other formats still hold the old text as reviewed or as a draft: the run
                # writes them again from this PO.
                self._drop_copies(path.stem, lang)
            entry.msgstr = text
            if comment is not None:
                entry.tcomment = comment.strip()
            if state == "reviewed":
                entry.flags = [f for f in entry.flags if f != "fuzzy"]
                with Memory(self.config.path(self.config.memory)) as memory:
                    memory.store([(seg_id, lang, entry.msgid, text, entry.tcomment, "review app")], _glossary_version(self.record))
            elif "fuzzy" not in entry.flags:
                entry.flags.append("fuzzy")
            write_atomic(path, str(catalog).encode("utf-8"))
            self._regenerate()
            return next(_segment(e, path.stem) for e in _live(polib.pofile(str(path))) if e.msgctxt == seg_id)

    def _drop_copies(self, doc: str, lang: str) -> None:
        """Remove the other review files of ``doc`` in ``lang`` (the run writes them again from
        the PO), so that what they hold does not come back; refused where one was edited since
        the last run, as that edit would be lost."""
        manifest = Manifest(self.out)
        paths = output_paths(self.out, doc, [lang], [name for name in REVIEWED if name != "po"])
        edited = [p for p in paths.values() if p.is_file() and manifest.edited(p)]
        if edited:
            raise ValueError(f"{edited[0].name} was edited since the last run: run `pipeline run` first")
        for path in paths.values():
            path.unlink(missing_ok=True)

    def _regenerate(self) -> None:
        """A cached run over the folder: the edit merged into every review format."""
        from pipeline.run import RunOptions, run

        options = RunOptions.from_config(
            self.config,
            out=str(self.out),
            glossary=str(self.record.glossary),
            targets=",".join(self.record.targets),
            package_dirs=self.package_dirs,
        )
        run([str(a) for a in self.record.articles], options, root=self.record.root)


class NotFound(Exception):
    pass


def _live(catalog: polib.POFile) -> list[polib.POEntry]:
    return [e for e in catalog if e.msgctxt and not e.obsolete]


def _glossary_version(record: RunRecord) -> str:
    from pipeline.glossary import load_glossary

    return load_glossary(record.glossary).version


def _state(entry: polib.POEntry) -> str:
    tr = po.translation(entry)
    if tr.state == State.REVIEWED:
        return "reviewed"
    # Untouched machine text is "machine"; an empty entry or a person's draft needs review.
    return "machine" if tr.text and tr.machine_digest and not edited_unreviewed(tr) else "needs-review"


def _version(entry: polib.POEntry) -> str:
    return hashlib.sha256(json.dumps([entry.msgstr, entry.fuzzy, entry.tcomment or ""]).encode()).hexdigest()[:12]


def _segment(entry: polib.POEntry, doc: str) -> dict[str, Any]:
    notes = [line for line in (entry.comment or "").splitlines() if line]
    return {
        "id": entry.msgctxt,
        "doc": doc,
        "source": entry.msgid,
        "text": entry.msgstr,
        "state": _state(entry),
        "version": _version(entry),
        "qa": [n.removeprefix("qa: ") for n in notes if n.startswith("qa: ")],
        "matches": [_match(n) for n in notes if n.startswith("memory ")],
        "terms": next((n.removeprefix("terms: ") for n in notes if n.startswith("terms: ")), ""),
        "comment": entry.tcomment or "",
    }


def _match(note: str) -> dict[str, str]:
    """ "memory 98% from doc:p1:s2: «text» (for «source»…)" → its parts."""
    head, _, rest = note.removeprefix("memory ").partition(": «")
    return {"label": head, "text": rest.split("» (for «", 1)[0]}


def serve(app: ReviewApp, host: str = "127.0.0.1", port: int = 0, *, ready: Any = None) -> None:
    """Serve ``app`` until interrupted; ``ready(address)`` is called with the address (token included)."""
    token = secrets.token_urlsafe(18)

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:  # one line per start, not per request
            pass

        def _send(self, status: int, body: Any, kind: str = "application/json") -> None:
            data = body.encode("utf-8") if isinstance(body, str) else json.dumps(body, ensure_ascii=False).encode("utf-8")
            self.send_response(status)
            self.send_header("Content-Type", f"{kind}; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.send_header("Cache-Control", "no-store")
            self.send_header("X-Content-Type-Options", "nosniff")
            self.send_header(
                "Content-Security-Policy", "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; connect-src 'self'"
            )
            self.end_headers()
            self.wfile.write(data)

        def _refused(self, query: dict[str, list[str]]) -> bool:
            """Sends 401/403 and returns True unless the request has the token and comes from this page."""
            given = self.headers.get("X-Review-Token") or (query.get("token") or [""])[0]
            if not given:
                self._send(HTTPStatus.UNAUTHORIZED, {"error": "no token: use the address `pipeline review` printed"})
                return True
            own = f"http://{self.headers.get('Host', '')}"
            origin = self.headers.get("Origin") or (self.headers.get("Referer") or "").split("/?", 1)[0].rstrip("/")
            if not secrets.compare_digest(given, token) or (origin and origin != own):
                self._send(HTTPStatus.FORBIDDEN, {"error": "wrong token, or a request from another site"})
                return True
            return False

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            if self._refused(query):
                return
            try:
                if url.path == "/":
                    return self._send(HTTPStatus.OK, PAGE, "text/html")
                if url.path == "/api/files":
                    return self._send(HTTPStatus.OK, app.files())
                if url.path == "/api/segments":
                    doc = query["doc"][0] if "doc" in query else None
                    return self._send(HTTPStatus.OK, app.segments(query["lang"][0], doc))
            except KeyError:
                return self._send(HTTPStatus.BAD_REQUEST, {"error": "lang is required"})
            except NotFound as exc:
                return self._send(HTTPStatus.NOT_FOUND, {"error": str(exc)})
            self._send(HTTPStatus.NOT_FOUND, {"error": "no such page"})

        def do_PUT(self) -> None:
            url = urlsplit(self.path)
            query = parse_qs(url.query)
            if self._refused(query):
                return
            if not url.path.startswith("/api/segments/"):
                return self._send(HTTPStatus.NOT_FOUND, {"error": "no such resource"})
            length = int(self.headers.get("Content-Length") or 0)
            if length > MAX_BODY:
                return self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "too large"})
            try:
                body = json.loads(self.rfile.read(length) or b"{}")
                seg_id = unquote(url.path.removeprefix("/api/segments/"))
                comment = body.get("comment")
                saved = app.update(
                    query["lang"][0],
                    seg_id,
                    version=str(body["version"]),
                    state=str(body["state"]),
                    text=str(body.get("text", "")),
                    comment=None if comment is None else str(comment),
                )
            except Conflict as exc:
                return self._send(HTTPStatus.CONFLICT, {"error": "changed since you loaded it", "current": exc.current})
            except NotFound as exc:
                return self._send(HTTPStatus.NOT_FOUND, {"error": str(exc)})
            except (KeyError, ValueError, TypeError, AttributeError) as exc:
                return self._send(HTTPStatus.BAD_REQUEST, {"error": str(exc).strip("'")})
            except PipelineError as exc:
                return self._send(HTTPStatus.UNPROCESSABLE_ENTITY, {"error": str(exc)})
            self._send(HTTPStatus.OK, saved)

    server = ThreadingHTTPServer((host, port), Handler)
    try:
        if ready:
            ready(f"http://{host}:{server.server_address[1]}/?token={token}")
        server.serve_forever()
    finally:
        server.server_close()


PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Review</title>
<style>
body{font:15px/1.45 system-ui,"Noto Sans",sans-serif;margin:0;color:#222}
[lang=ko],textarea.ko{font-family:"Noto Sans CJK KR","NanumGothic","Nanum Gothic","Malgun Gothic",sans-serif}
header{position:sticky;top:0;background:#f4f4f4;border-bottom:1px solid #ccc;padding:.5em 1em;display:flex;gap:1em;align-items:center;flex-wrap:wrap}
main{padding:0 1em 4em}
.seg{display:grid;grid-template-columns:1fr 1fr;gap:.8em;border-bottom:1px solid #ddd;padding:.7em 0}
.seg.current{background:#fffbe6}
.seg textarea{width:100%;min-height:4.5em;font:inherit;box-sizing:border-box}
.meta{grid-column:1/3;font-size:13px;color:#555;display:flex;gap:.6em;flex-wrap:wrap;align-items:center}
.state{border-radius:3px;padding:0 .4em;background:#eee}.state.reviewed{background:#d6f5d6}.state.needs-review{background:#ffe0b3}
.finding{color:#a00}.match{cursor:pointer;text-decoration:underline dotted}.err{color:#a00;font-weight:bold}
button{font:inherit}
</style></head><body>
<header><label>Article <select id="file"></select></label>
<label>Show <select id="filter"><option value="all">all segments</option>
<option value="attention">needing attention</option><option value="unreviewed">unreviewed</option>
<option value="errors">with QA errors</option></select></label>
<span id="progress"></span><span id="status" role="status"></span>
<span style="font-size:13px;color:#555">Ctrl+Enter: approve and go to the next segment needing attention</span></header>
<main id="list"></main>
<script>
const token = new URLSearchParams(location.search).get("token");
const api = (path, options={}) => fetch(path, {...options, headers:{"X-Review-Token":token,"Content-Type":"application/json"}});
let files = [], current = null, segments = [];
const $ = id => document.getElementById(id);
function status(text, error){ $("status").textContent = text; $("status").className = error ? "err" : ""; }
async function loadFiles(){
  files = await (await api("/api/files")).json();
  $("file").innerHTML = files.map((f,i) => `<option value="${i}">${f.doc} (${f.lang}) ${f.reviewed}/${f.segments}</option>`).join("");
  await loadSegments();
}
function needsAttention(s){ return s.state !== "reviewed" || s.qa.length > 0; }
const FILTERS = {all: () => true, attention: needsAttention, unreviewed: s => s.state !== "reviewed",
                 errors: s => s.qa.some(q => q.startsWith("error"))};
async function loadSegments(){
  current = files[+$("file").value]; if(!current) return;
  segments = await (await api(`/api/segments?lang=${current.lang}&doc=${encodeURIComponent(current.doc)}`)).json();
  render();
}
function render(){
  const shown = FILTERS[$("filter").value];
  $("list").innerHTML = "";
  for(const s of segments){
    if(!shown(s)) continue;
    const row = document.createElement("div"); row.className = "seg"; row.dataset.id = s.id;
    row.innerHTML = `<div lang="en"></div><div><textarea class="${current.lang}" lang="${current.lang}"></textarea>
      <input class="comment" placeholder="reviewer comment" style="width:100%"></div>
      <div class="meta"><span class="state ${s.state}">${s.state}</span>
      <button data-act="reviewed">Approve</button><button data-act="needs-review">Needs review</button>
      <button data-act="machine">Machine text</button><span class="notes"></span></div>`;
    row.children[0].textContent = s.source;
    row.querySelector("textarea").value = s.text;
    row.querySelector(".comment").value = s.comment;
    const notes = row.querySelector(".notes");
    for(const f of s.qa){ const e = document.createElement("span"); e.className = "finding"; e.textContent = f; notes.append(e); }
    if(s.terms){ const e = document.createElement("span"); e.textContent = "terms: " + s.terms; notes.append(e); }
    for(const m of s.matches){
      const e = document.createElement("span"); e.className = "match"; e.title = "use this translation";
      e.textContent = `${m.label}: ${m.text}`; e.onclick = () => { row.querySelector("textarea").value = m.text; };
      notes.append(e);
    }
    row.querySelectorAll("button").forEach(b => b.onclick = () => save(s, row, b.dataset.act));
    row.querySelector("textarea").onkeydown = ev => { if(ev.key === "Enter" && (ev.ctrlKey || ev.metaKey)){ ev.preventDefault(); save(s, row, "reviewed", true); } };
    row.querySelector("textarea").onfocus = () => { document.querySelectorAll(".seg.current").forEach(r => r.classList.remove("current")); row.classList.add("current"); };
    $("list").append(row);
  }
  const done = segments.filter(s => s.state === "reviewed").length;
  $("progress").textContent = `${done}/${segments.length} reviewed`;
}
async function save(s, row, state, next){
  status("saving…");
  const body = {version: s.version, state, text: row.querySelector("textarea").value, comment: row.querySelector(".comment").value};
  const response = await api(`/api/segments/${encodeURIComponent(s.id)}?lang=${current.lang}`, {method: "PUT", body: JSON.stringify(body)});
  const data = await response.json();
  if(response.status === 409){
    Object.assign(s, data.current); status(`${s.id}: ${data.error}; now showing the current text`, true); render(); return;
  }
  if(!response.ok){ status(`${s.id}: ${data.error}`, true); return; }
  Object.assign(s, data); status(`${s.id}: saved (${s.state})`); render();
  if(next){
    const i = segments.indexOf(s);
    const after = segments.slice(i + 1).concat(segments.slice(0, i)).find(needsAttention);
    const target = after && document.querySelector(`.seg[data-id="${after.id}"] textarea`);
    if(target) target.focus();
  }
}
$("file").onchange = loadSegments; $("filter").onchange = render;
loadFiles();
</script></body></html>
"""
