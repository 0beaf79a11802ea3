"""Convert the trained checkpoint with CTranslate2 and write one Argos package per pair.

Each package is a real Argos package: ``metadata.json`` (with ``target_prefix``),
``model/`` (CTranslate2, int8), ``sentencepiece.model``, a ``spacy/`` sentence
splitter so Argos' own ``translate()`` works offline (with
``ARGOS_CHUNK_TYPE=SPACY``), and a model card ``README.md`` with the measured
chrF and sample translations. The archive is written deterministically
(sorted entries, fixed timestamps) so a rebuild with the same weights gives
byte-identical files.
"""

from __future__ import annotations

import json
import shutil
import zipfile
from pathlib import Path

import ctranslate2
import sacrebleu
import sentencepiece as spm
from ctranslate2.converters import TransformersConverter

from tools.standin import LANGS, RECIPE_VERSION
from tools.standin.corpus import read_pairs
from tools.standin.train import lang_token

PACKAGE_VERSION = "1.0"
NAMES = {"en": "English", "ko": "Korean", "uk": "Ukrainian", "ru": "Russian"}
BEAM_SIZE = 4
SAMPLES = 5


def package_name(lang: str) -> str:
    return f"translate-en_{lang}-{PACKAGE_VERSION.replace('.', '_')}"


def translate(translator: ctranslate2.Translator, sp: spm.SentencePieceProcessor, lang: str, texts: list[str]) -> list[str]:
    prefix = lang_token(lang)
    results = translator.translate_batch(
        [sp.encode(t, out_type=str) for t in texts],
        target_prefix=[[prefix]] * len(texts),
        beam_size=BEAM_SIZE,
        max_batch_size=1024,
        batch_type="tokens",
    )
    return [sp.decode(r.hypotheses[0][1:]) for r in results]


def evaluate(model_dir: Path, sp_model: Path, corpora: Path, lang: str) -> dict:
    translator = ctranslate2.Translator(str(model_dir), device="cpu", compute_type="int8", intra_threads=2)
    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    pairs = read_pairs(corpora, "valid", lang)
    sources = [s for s, _ in pairs]
    hypotheses = translate(translator, sp, lang, sources)
    metric = sacrebleu.CHRF()
    chrf = metric.corpus_score(hypotheses, [[t for _, t in pairs]])
    samples = [
        {"source": s, "reference": r, "output": h}
        for (s, r), h in list(zip(pairs, hypotheses))[:SAMPLES]
    ]
    return {"chrf": round(chrf.score, 1), "chrf_signature": str(metric.get_signature()), "valid_pairs": len(pairs), "samples": samples}


def model_card(lang: str, meta: dict, evaluation: dict, training: dict, size_mb: float) -> str:
    rows = "\n".join(
        f"| {s['source']} | {s['output']} | {s['reference']} |".replace("\n", " ")
        for s in evaluation["samples"]
    )
    return f"""# {package_name(lang)}: stand-in English→{NAMES[lang]} model

**This is a stand-in, not an official Argos Translate model.** It was trained
offline by this project's recipe (`python -m tools.standin.build`, recipe
{RECIPE_VERSION}) because no official package could be downloaded here. It is
weak{', very weak for Korean (about 2,000 training pairs)' if lang == 'ko' else ''}:
install the official `translate-en_{lang}` package where a network exists; the
pipeline prefers it automatically.

| | |
|---|---|
| architecture | Marian transformer, {training['parameters']:,} parameters, shared with ko/uk/ru, target token `{meta['target_prefix']}` |
| weights | CTranslate2 {ctranslate2.__version__}, int8 |
| tokenizer | SentencePiece unigram, 8,000 pieces shared by en/ko/uk/ru |
| training data | `shared/corpora` (Tatoeba, WMT newstest/TICO-19, WMT23/24 references and system outputs), cleaned: {training['pairs_after_cleaning'][lang]:,} en-{lang} pairs |
| training | {training['device']}, {training['torch_threads']} threads, {training['training_minutes']} min, {training['steps']:,} steps |
| chrF on `valid` ({evaluation['valid_pairs']} pairs, beam {BEAM_SIZE}) | **{evaluation['chrf']}** (`{evaluation['chrf_signature']}`) |
| package size | {size_mb:.1f} MB |

## Sample translations (first {SAMPLES} of the valid split)

| English | this model | reference |
|---|---|---|
{rows}

## Using it with Argos Translate directly

`argostranslate.package.install_from_path("{package_name(lang)}.argosmodel")`.
Argos' default sentence splitter (MiniSBD) downloads its model; offline, set
`ARGOS_CHUNK_TYPE=SPACY` so it uses the rule-based spaCy splitter in `spacy/`.
"""


def write_archive(src: Path, dest: Path) -> None:
    tmp = dest.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for path in sorted(p for p in src.rglob("*") if p.is_file()):
            info = zipfile.ZipInfo(f"{src.name}/{path.relative_to(src).as_posix()}", date_time=(2026, 1, 1, 0, 0, 0))
            info.external_attr = 0o644 << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, path.read_bytes())
    tmp.replace(dest)


def build_packages(checkpoint: Path, work: Path, models: Path, corpora: Path) -> None:
    """Convert ``checkpoint`` once and write ``models/translate-en_<lang>-1_0.argosmodel`` for each language."""
    import spacy

    ct2_dir = work / "ct2"
    if ct2_dir.exists():
        shutil.rmtree(ct2_dir)
    TransformersConverter(str(checkpoint)).convert(str(ct2_dir), quantization="int8")
    sp_model = work / "sentencepiece.model"
    training = json.loads((work / "training.json").read_text(encoding="utf-8"))
    models.mkdir(parents=True, exist_ok=True)
    for lang in LANGS:
        pkg = work / "packages" / package_name(lang)
        if pkg.exists():
            shutil.rmtree(pkg)
        shutil.copytree(ct2_dir, pkg / "model")
        shutil.copy(sp_model, pkg / "sentencepiece.model")
        spacy.blank("en").to_disk(pkg / "spacy")
        evaluation = evaluate(pkg / "model", sp_model, corpora, lang)
        meta = {
            "package_version": PACKAGE_VERSION,
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
            "standin": {
                "recipe_version": RECIPE_VERSION,
                "data": "shared/corpora train.{0}.*.gz (cleaned)".format(lang),
                "training": training,
                "chrf_valid": evaluation["chrf"],
                "chrf_signature": evaluation["chrf_signature"],
            },
        }
        (pkg / "metadata.json").write_text(json.dumps(meta, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        (pkg / "README.md").write_text("(size pending)", encoding="utf-8")
        archive = models / f"{package_name(lang)}.argosmodel"
        write_archive(pkg, archive)
        size_mb = archive.stat().st_size / 1e6
        (pkg / "README.md").write_text(model_card(lang, meta, evaluation, training, size_mb), encoding="utf-8")
        write_archive(pkg, archive)
        (work / f"evaluation.{lang}.json").write_text(json.dumps(evaluation, indent=2, ensure_ascii=False), encoding="utf-8")
