"""Self-contained side-by-side review page: source and each language aligned by segment."""

from __future__ import annotations

from html import escape

from pipeline.formats import RunContext
from pipeline.formats.notes import memory_notes, source_spans, term_spans
from pipeline.languages import LANGUAGES
from pipeline.model import Document, Finding, Severity

# Marks the page as this pipeline's output, so that a folder of articles that also holds the
# review pages (``--out`` = the articles folder) does not take them as articles.
GENERATOR = '<meta name="generator" content="newsroom-pipeline review page">'

PER_LANGUAGE = False

STYLE = """
body{font:15px/1.45 system-ui,"Noto Sans",sans-serif;margin:1.5em;color:#222}
[lang=ko]{font-family:"Noto Sans CJK KR","Noto Sans KR","NanumGothic","Nanum Gothic","Malgun Gothic","Apple SD Gothic Neo",sans-serif}
table{border-collapse:collapse;width:100%;table-layout:fixed}
ul.m{margin:.3em 0 0;padding-left:1.1em;color:#225;font-size:13px}
th,td{border:1px solid #ccc;padding:.45em;vertical-align:top;text-align:left;overflow-wrap:anywhere}
th{background:#f0f0f0;position:sticky;top:0}
th.id,td.id{width:7.5em}
td.id{font:12px monospace;color:#555;overflow-wrap:anywhere}
mark.term{background:#dff0d8;border-bottom:2px solid #3c763d;padding:0 .1em}
tr.attention td.id{border-left:5px solid #d9534f}
.state{font-size:11px;color:#777;display:block;margin-top:.3em}
ul.f{margin:.3em 0 0;padding-left:1.1em;font-size:12px}
li.error{color:#a94442}li.warning{color:#8a6d3b}li.info{color:#31708f}
li b{font-weight:600;text-transform:uppercase;font-size:10px;letter-spacing:.04em}
details{font-size:12px;color:#31708f;margin-top:.3em}details ul{margin:.2em 0 0;padding-left:1.1em}
tr.boilerplate td{background:#f7f7f7;color:#888}
.legend{font-size:13px;color:#555}
"""
SCRIPT = """
document.getElementById('only').addEventListener('change',function(e){
  document.querySelectorAll('tbody tr').forEach(function(r){
    r.style.display=(e.target.checked&&!r.classList.contains('attention'))?'none':'';});});
"""


def _item(finding: Finding) -> str:
    level = finding.severity.name.lower()
    return f'<li class="{level}"><b>{level}</b> {escape(finding.code)}: {escape(finding.message)}</li>'


def _highlight(text: str, spans: list[tuple[int, int, str]]) -> str:
    out, pos = [], 0
    for start, end, term_id in sorted(spans):
        if start < pos:
            continue
        out.append(escape(text[pos:start]))
        out.append(f'<mark class="term" title="glossary: {escape(term_id)}">{escape(text[start:end])}</mark>')
        pos = end
    out.append(escape(text[pos:]))
    return "".join(out)


def relpath(doc: str, lang: str | None) -> str:
    return f"{doc}.html"


def dumps(doc: Document, lang: str | None, context: RunContext) -> bytes:
    langs, glossary, signature = context.langs, context.glossary, context.signature
    head = "".join(f"<th>{LANGUAGES[lang].name} ({lang})</th>" for lang in langs)
    rows = []
    needing = 0
    for seg in doc.segments:
        cells = []
        attention = False
        for lang in langs:
            tr = seg.target(lang)
            problems = [f for f in tr.findings if f.severity >= Severity.WARNING]
            notes = [f for f in tr.findings if f.severity < Severity.WARNING]
            attention |= bool(problems)
            # Severity in words as well as colour; informational notes folded so errors stand out.
            items = "".join(_item(f) for f in sorted(problems, key=lambda f: -f.severity))
            folded = (
                f"<details><summary>{len(notes)} note{'s' if len(notes) > 1 else ''}</summary><ul>{''.join(_item(f) for f in notes)}</ul></details>"
                if notes
                else ""
            )
            score = f", score {tr.score:.2f}" if tr.score is not None else ""
            memory = "".join(f'<li class="memory">{escape(note)}</li>' for note in memory_notes(tr))
            cells.append(
                f'<td lang="{lang}">{_highlight(tr.text, term_spans(tr.text, tr.terms))}'
                f'<span class="state">{tr.state.name.lower().replace("_", " ")}{score}</span>'
                + (f'<ul class="f">{items}</ul>' if items else "")
                + (f'<ul class="m">{memory}</ul>' if memory else "")
                + folded
                + "</td>"
            )
        needing += attention
        classes = " ".join(c for c, on in (("attention", attention), ("boilerplate", seg.boilerplate)) if on)
        source = _highlight(seg.source, source_spans(seg))
        rows.append(
            f'<tr id="{escape(seg.id)}" class="{classes}"><td class="id">{escape(seg.id)}</td>'
            f'<td lang="en">{source}</td>{"".join(cells)}</tr>'
        )
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">{GENERATOR}<title>Review: {escape(doc.name)}</title>
<style>{STYLE}</style></head><body>
<h1>Review: {escape(doc.name)}</h1>
<p class="legend">{len(doc.segments)} segments, {needing} need attention (red bar).
Glossary terms are <mark class="term">highlighted</mark>. Models: {escape(", ".join(f"{k}: {v}" for k, v in sorted(signature.packages.items())))}; glossary {escape(glossary.version)}.</p>
<p><label><input type="checkbox" id="only"> Show only segments needing attention</label></p>
<table><thead><tr><th class="id">Segment</th><th>English</th>{head}</tr></thead>
<tbody>
{chr(10).join(rows)}
</tbody></table>
<script>{SCRIPT}</script>
</body></html>
""".encode()
