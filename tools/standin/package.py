"""Convert a trained checkpoint with CTranslate2, measure it, and ship it when it is better.

Each package is a real Argos package: ``metadata.json`` (with ``target_prefix``
and the decoding guards the pipeline's engine applies), ``model/``
(CTranslate2, int8), ``sentencepiece.model``, a ``spacy/`` sentence splitter
so Argos' own ``translate()`` works offline (with ``ARGOS_CHUNK_TYPE=SPACY``),
and a model card ``README.md`` with the measured figures and the learning curve.
A language's package is replaced only when its chrF on ``valid`` beats the
shipped one's and its glossary forms meet the model tests' floors; only the
languages the checkpoint was trained on are candidates. The checkpoint is kept
beside the packages it shipped: ``models/checkpoint`` for the shared model,
``models/specialised/<lang>`` for a specialised run. Archives are written
deterministically (sorted entries, fixed timestamps).
"""

from __future__ import annotations

import json
import random
import shutil
import zipfile
from pathlib import Path

import ctranslate2
from ctranslate2.converters import TransformersConverter

from pipeline.engine import Decoding, Translator, installed_packages
from pipeline.glossary import load_glossary
from pipeline.models import package_zip
from quality.terms import measure
from tools.standin import LANGS, RECIPE_VERSION
from tools.standin.corpus import all_pairs
from tools.standin.evaluate import placeholder_survival, score_valid
from tools.standin.placeholders import with_placeholders
from tools.standin.train import lang_token, load_record

# Builds 1-4 all called themselves "1.0"; from the fifth on, each shipped build is "<build>.0"
# (counted in the checkpoint's training.json), so a run signature tells builds apart.
FIRST_NUMBERED_BUILD = 5
NAMES = {"en": "English", "ko": "Korean", "uk": "Ukrainian", "ru": "Russian"}
# Decoding guards, chosen on `valid` by `python -m tools.standin.guards` (figures in
# the model card): without them the stand-ins loop ("президент президент…").
DECODING = {
    "repetition_penalty": 1.2,
    "no_repeat_ngram_size": 4,
    "max_length_ratio": 2.0,
    "max_length_extra": 10,
    "suppress_foreign_letters": True,
    "length_penalty": 1.0,
}
# Training data by language: (source, domain, licence), from shared/corpora/README.md.
_WMT = ("WMT23/24 general test: references and system outputs", "news, test suites", "WMT test-set terms (research use)")
SOURCES = {
    "ko": [
        ("Tatoeba (OPUS-MT test sets, manythings.org export)", "short everyday sentences", "CC BY 2.0 FR"),
        ("Korean-English News v1 dev/test (jungyeul)", "news, loosely aligned", "CC BY-SA 3.0"),
        ("JHE dev/eval (jungyeul)", "general", "CC BY-SA 3.0"),
        ("UD English-PUD ↔ Korean-PUD", "news and Wikipedia", "CC BY-SA 3.0"),
        ("KorSTS dev/test (post-edited) and train (machine-translated Korean)", "captions, headlines, forums", "CC BY-SA 4.0"),
        ("NCSOFT context-aware translation set", "dialogue", "CC BY 4.0"),
        ("python-docs-ko 3.13", "technical documentation", "PSF"),
        ("django-docs-translations 5.1", "technical documentation", "BSD"),
    ],
    "uk": [("Tatoeba (OPUS-MT test sets)", "short everyday sentences", "CC BY 2.0 FR"), _WMT],
    "ru": [
        ("Tatoeba (OPUS-MT test sets)", "short everyday sentences", "CC BY 2.0 FR"),
        ("WMT newstest 2012–2020 (OPUS-MT test sets)", "news", "WMT test-set terms (research use)"),
        ("TICO-19 test", "COVID-19 health and news", "CC0"),
        _WMT,
    ],
}


def package_version(record: dict, shipped: dict | None = None) -> str:
    """The version of the next build of a language: after the checkpoint's last build and
    after the package shipped now (``shipped``: its metadata), which may come from another checkpoint."""
    builds = [record.get("package_build", FIRST_NUMBERED_BUILD - 1)]
    if shipped:
        builds.append(_build_number(shipped["package_version"]))
    return f"{max(builds) + 1}.0"


def _build_number(version: str) -> int:
    """The build a package version counts ("7.0" → 7)."""
    return int(float(version))


def package_name(lang: str, version: str) -> str:
    return f"translate-en_{lang}-{version.replace('.', '_')}"


def shipped_packages(models: Path) -> dict[str, dict]:
    """The metadata of the stand-in package now in ``models``, by language."""
    found = {}
    for lang in LANGS:
        for archive in models.glob(f"translate-en_{lang}-*.argosmodel"):
            with zipfile.ZipFile(archive) as zf:
                found[lang] = json.loads(zf.read(f"{archive.stem}/metadata.json"))
    return found


def trained_languages(record: dict) -> tuple[str, ...]:
    """The languages the checkpoint's last run trained on: all three for the shared model, one
    for a specialised run (``build --langs``), which forgets the others."""
    last = (record.get("runs") or [{}])[-1]
    return tuple(lang for lang in LANGS if lang in last.get("languages", LANGS))


def checkpoint_home(models: Path, langs: tuple[str, ...]) -> Path:
    """Where a shipped checkpoint is kept: the shared base, or its specialisation."""
    return models / "checkpoint" if set(langs) == set(LANGS) else models / "specialised" / "+".join(langs)


def verdicts(
    langs: tuple[str, ...], chrf: dict[str, float], shipped: dict[str, float], shortfalls: dict[str, str], *, force: bool = False
) -> dict[str, str]:
    """For each language the checkpoint was trained on, why its package is not shipped ("" when it is).

    Each language is compared with its own shipped package: one model may be best for Korean
    and another for Russian, and a mean over languages hid a loss in one behind gains in another.
    """
    reasons = {}
    for lang in langs:
        if force:
            reasons[lang] = ""
        elif chrf[lang] <= shipped.get(lang, 0.0):
            reasons[lang] = f"{lang}: chrF {chrf[lang]} is no better than the shipped package's {shipped[lang]}"
        else:
            # chrF alone once shipped a model that placed fewer glossary forms than the tests require.
            reasons[lang] = shortfalls.get(lang, "")
    return reasons


# The points measured before evaluations named their decoding all used v2's guards.
_V2_DECODING = "repetition_penalty 1.2, no_repeat_ngram 4, max_length 2x+10"


def learning_curve(record: dict) -> str:
    rows = "\n".join(
        f"| {e['training_minutes'] / 60:.2f} | {e['steps']:,} | "
        + " | ".join(f"{e['chrf'][lang]}" for lang in LANGS)
        + f" | {e.get('decoding', _V2_DECODING)} |"
        for e in record.get("evaluations", [])
    )
    header = f"| cumulative hours | steps | {' | '.join(f'chrF {lang}' for lang in LANGS)} | decoding guards |"
    return f"{header}\n|---|---|---|---|---|---|\n{rows}"


def _run_line(run: dict) -> str:
    threads = f"{run['torch_threads']} thread{'s' if run['torch_threads'] != 1 else ''}"
    only = run.get("languages", LANGS)
    if len(only) < len(LANGS):
        threads += f", {'/'.join(only)} pairs only"
    return f"{run['minutes']} min on {run['device']} ({threads})"


def model_card(lang: str, meta: dict, evaluation: dict, record: dict, size_mb: float, home: str) -> str:
    samples = "\n".join(f"| {s['source']} | {s['output']} | {s['reference']} |".replace("\n", " ") for s in evaluation["samples"])
    sources = "\n".join(f"| {name} | {domain} | {licence} |" for name, domain, licence in SOURCES[lang])
    runs = "; ".join(_run_line(r) for r in record.get("runs", []))
    if record.get("averaged_runs"):
        runs += f"; the last {record['averaged_runs']} side by side from one checkpoint, their weights averaged (`tools.standin.average`)"
    guards = ", ".join(f"{k} {v}" for k, v in meta["decoding"].items())
    survival = evaluation["placeholders"]
    model = f"shared with ko/uk/ru, target token `{meta['target_prefix']}`"
    if trained_languages(record) == (lang,):
        model += f"; specialised: its last run trained on {NAMES[lang]} pairs only, so it no longer translates into the others"
    return f"""# {package_name(lang, meta["package_version"])}: stand-in English→{NAMES[lang]} model

**This is a stand-in, not an official Argos Translate model.** It was trained
offline by this project's recipe (`python -m tools.standin.build`, recipe
{RECIPE_VERSION}) because no official package could be downloaded here. It is
weak{", Korean especially" if lang == "ko" else ""}: install the official
`translate-en_{lang}` package where a network exists; the pipeline prefers it
automatically.

| | |
|---|---|
| architecture | Marian transformer, {record["parameters"]:,} parameters, {model} |
| weights | CTranslate2 {ctranslate2.__version__}, int8 |
| tokenizer | SentencePiece unigram, 8,000 pieces shared by en/ko/uk/ru |
| training data | {meta["standin"]["pairs_after_cleaning"]:,} cleaned en-{lang} pairs (sources below), plus {meta["standin"]["placeholder_pairs"]:,} copies with aligned glossary terms or numbers replaced by `#N` |
| training | {record["training_minutes"]} min cumulative, {record["steps"]:,} steps, {record["target_tokens_seen"]:,} target tokens: {runs} |
| decoding (applied by the pipeline's engine) | beam 4, {guards} |
| chrF on `valid` ({evaluation["valid_pairs"]} pairs) | **{evaluation["chrf"]}** (`{evaluation["chrf_signature"]}`) |
| outputs repeating a 1–4-gram 3× on `valid` | {evaluation["repeating_outputs"]} % |
| outputs with letters {NAMES[lang]} never writes, on `valid` | {evaluation["foreign_letter_outputs"]} % |
| term placeholders intact (`tests/data/termset.tsv`) | {survival["intact"]}/{survival["sentences"]} ({survival["percent"]} %) |
| package size | {size_mb:.1f} MB |

## Training data

| source | domain | licence |
|---|---|---|
{sources}

## Learning curve (chrF on `valid`, this recipe's decoding)

{learning_curve(record)}

Training continues from `{home}`:
`python -m tools.standin.build --resume {home} --minutes N`.

## Sample translations (first {len(evaluation["samples"])} of the valid split)

| English | this model | reference |
|---|---|---|
{samples}

## Using it with Argos Translate directly

`argostranslate.package.install_from_path("{package_name(lang, meta["package_version"])}.argosmodel")`.
Argos' default sentence splitter (MiniSBD) downloads its model; offline, set
`ARGOS_CHUNK_TYPE=SPACY` so it uses the rule-based spaCy splitter in `spacy/`.
Argos' own `translate()` does not apply the decoding guards above.
"""


def write_archive(src: Path, dest: Path) -> None:
    tmp = dest.with_suffix(".tmp")
    tmp.write_bytes(package_zip(src))
    tmp.replace(dest)


def _replace_dir(src: Path, dest: Path) -> None:
    tmp = dest.with_name(dest.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    shutil.copytree(src, tmp)
    if dest.exists():
        shutil.rmtree(dest)
    tmp.rename(dest)


def assemble(lang: str, version: str, ct2_dir: Path, sp_model: Path, packages: Path, record: dict, data: dict) -> Path:
    """An unpacked Argos package for ``lang`` (model card written after evaluation)."""
    import spacy

    pkg = packages / package_name(lang, version)
    if pkg.exists():
        shutil.rmtree(pkg)
    shutil.copytree(ct2_dir, pkg / "model")
    shutil.copy(sp_model, pkg / "sentencepiece.model")
    spacy.blank("en").to_disk(pkg / "spacy")
    meta = {
        "package_version": version,
        "argos_version": "1.11.0",
        "code": f"translate-en_{lang}",
        "name": f"English - {NAMES[lang]} (stand-in)",
        "from_code": "en",
        "from_name": NAMES["en"],
        "to_code": lang,
        "to_name": NAMES[lang],
        "type": "translate",
        "target_prefix": lang_token(lang),
        "description": "Stand-in model trained offline by the project's recipe; not an official Argos package.",
        "decoding": DECODING,
        "standin": {
            "recipe_version": RECIPE_VERSION,
            "data": f"shared/corpora train.{lang}.*.gz (cleaned); sources and licences in README.md",
            **data,
            "cumulative_training_minutes": record["training_minutes"],
            "training": {k: v for k, v in record.items() if k != "evaluations"},
        },
    }
    (pkg / "metadata.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return pkg


def build_packages(checkpoint: Path, work: Path, models: Path, corpora: Path, glossary: Path, *, force: bool = False) -> bool:
    """Convert and measure ``checkpoint`` in every language; ship the package of each language it
    was trained on whose chrF beats the shipped one and whose glossary forms meet the floors, and
    keep the checkpoint beside them. Returns whether anything shipped."""
    record = load_record(checkpoint)
    ct2_dir = work / "ct2"
    if ct2_dir.exists():
        shutil.rmtree(ct2_dir)
    TransformersConverter(str(checkpoint)).convert(str(ct2_dir), quantization="int8")
    sp_model = checkpoint / "source.spm"
    terms = load_glossary(glossary)
    shipped = shipped_packages(models)
    pkgs, evaluations, translators = {}, {}, {}
    for lang in LANGS:
        pairs = all_pairs(corpora, lang)
        data = {
            "pairs_after_cleaning": len(pairs),
            "placeholder_pairs": len(with_placeholders(pairs, lang, terms, random.Random(1))),
        }
        version = package_version(record, shipped.get(lang))
        pkgs[lang] = assemble(lang, version, ct2_dir, sp_model, work / "packages", record, data)
        package = next(p for p in installed_packages([work / "packages"]) if p.to_code == lang)
        translator = Translator(package)
        evaluations[lang] = score_valid(translator, corpora, lang)
        evaluations[lang]["placeholders"] = placeholder_survival(translator, terms, lang)
        (work / f"evaluation.{lang}.json").write_text(json.dumps(evaluations[lang], indent=2, ensure_ascii=False), encoding="utf-8")
        # float32, as the model tests run it: the term floors below are theirs.
        translators[lang] = Translator(package, precision="reproducible")
    term_forms = measure(translators, terms)
    point = {
        "training_minutes": record["training_minutes"],
        "steps": record["steps"],
        "chrf": {lang: evaluations[lang]["chrf"] for lang in LANGS},
        "repeating_outputs": {lang: evaluations[lang]["repeating_outputs"] for lang in LANGS},
        "foreign_letter_outputs": {lang: evaluations[lang]["foreign_letter_outputs"] for lang in LANGS},
        "placeholders_intact": {lang: evaluations[lang]["placeholders"]["percent"] for lang in LANGS},
        "term_forms": {lang: term_forms[lang].line(lang) for lang in LANGS},
        # Guards change with the model (tools.standin.guards): each point names its decoding.
        "decoding": Decoding.from_metadata({"decoding": DECODING}, checkpoint).describe(),
    }
    record["evaluations"] = [e for e in record.get("evaluations", []) if e["steps"] != record["steps"]] + [point]
    (checkpoint / "training.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    langs = trained_languages(record)
    before = {lang: meta.get("standin", {}).get("chrf_valid", 0.0) for lang, meta in shipped.items()}
    shortfalls = {lang: s for lang in langs if (s := term_forms[lang].shortfall(lang))}
    reasons = verdicts(langs, point["chrf"], before, shortfalls, force=force)
    print(f"trained on {', '.join(langs)}; chrF valid {point['chrf']}; shipped {before}")
    for reason in filter(None, reasons.values()):
        print("not shipped:", reason)
    ship = [lang for lang, reason in reasons.items() if not reason]
    if not ship:
        return False
    home = checkpoint_home(models, langs)
    models.mkdir(parents=True, exist_ok=True)
    for lang in ship:
        pkg = pkgs[lang]
        meta = json.loads((pkg / "metadata.json").read_text(encoding="utf-8"))
        meta["standin"].update(
            chrf_valid=evaluations[lang]["chrf"],
            chrf_signature=evaluations[lang]["chrf_signature"],
            repeating_outputs_percent=evaluations[lang]["repeating_outputs"],
            foreign_letter_outputs_percent=evaluations[lang]["foreign_letter_outputs"],
            placeholders_intact_percent=evaluations[lang]["placeholders"]["percent"],
        )
        (pkg / "metadata.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        for old in models.glob(f"translate-en_{lang}-*.argosmodel"):
            old.unlink()
        archive = models / f"{pkg.name}.argosmodel"
        (pkg / "README.md").write_text("(size pending)", encoding="utf-8")
        write_archive(pkg, archive)
        size_mb = archive.stat().st_size / 1e6
        card = model_card(lang, meta, evaluations[lang], record, size_mb, f"{models.name}/{home.relative_to(models).as_posix()}")
        (pkg / "README.md").write_text(card, encoding="utf-8")
        write_archive(pkg, archive)
        record["package_build"] = max(record.get("package_build", 0), _build_number(meta["package_version"]))
    (checkpoint / "training.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    _replace_dir(checkpoint, home)
    print(f"shipped {', '.join(ship)} to {models}; checkpoint kept in {home}")
    return True
