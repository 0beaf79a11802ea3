import dataclasses
import json
import re
import shutil
import socket
from collections import Counter

import pytest

from pipeline import terms
from pipeline.engine import MAX_INPUT_TOKENS, Decoding, Translator, find_package, installed_packages
from pipeline.errors import EngineError
from pipeline.languages import LANGUAGES
from pipeline.read import read_article
from pipeline.segment import segment_text
from tests.conftest import SAMPLE, SHARED

SCRIPTS = {"ko": ("\uac00", "\ud7a3"), "uk": ("\u0400", "\u04ff"), "ru": ("\u0400", "\u04ff")}


def in_script(text: str, lang: str) -> int:
    low, high = SCRIPTS[lang]
    return sum(low <= ch <= high for ch in text)


def test_packages_install_with_argos_and_translate_into_target_script(package_dir, translators):
    from argostranslate import package

    codes = sorted(p.code for p in package.get_installed_packages())
    assert codes == ["translate-en_ko", "translate-en_ru", "translate-en_uk"]
    for lang, translator in translators.items():
        assert translator.package.standin and translator.package.path.parent == package_dir
        meta = json.loads((translator.package.path / "metadata.json").read_text())
        assert meta["target_prefix"] == f"<2{lang}>" and meta["standin"]["chrf_valid"] > 0
        [hyp] = translator.translate(["The soldiers arrived in the city yesterday."])
        assert hyp.text and in_script(hyp.text, lang) >= 5, hyp.text
        assert hyp.score < 0


def test_argos_finds_our_packages_itself(package_dir):
    from argostranslate import package

    pkg = next(p for p in package.get_installed_packages() if p.to_code == "ru")
    assert pkg.target_prefix == "<2ru>" and (pkg.package_path / "model" / "model.bin").is_file()


def test_official_package_is_preferred_over_standin(package_dir, tmp_path):
    official = tmp_path / "translate-en_ru-official"
    shutil.copytree(find_package("en", "ru", [package_dir]).path, official)
    meta = json.loads((official / "metadata.json").read_text())
    del meta["standin"], meta["decoding"]
    meta["package_version"] = "0.9"
    (official / "metadata.json").write_text(json.dumps(meta))
    chosen = find_package("en", "ru", [package_dir, tmp_path])
    assert chosen.path == official and not chosen.standin
    assert chosen.label() == "translate-en_ru 0.9 (length_penalty 0.2)"
    assert chosen.decoding == Decoding() and chosen.decoding.options(12) == {}
    standin = find_package("en", "ru", [package_dir])
    assert standin.label().startswith(f"translate-en_ru {standin.version} (stand-in; repetition_penalty 1.2")
    assert len(installed_packages([package_dir, tmp_path])) == 4


def test_standin_decoding_guards_reach_ctranslate2(translators):
    """The guards a stand-in declares are applied: a tight length cap truncates its output."""
    translator = translators["ru"]
    meta = json.loads((translator.package.path / "metadata.json").read_text())
    assert translator.package.decoding == Decoding(**meta["decoding"])
    assert (
        translator.package.decoding.options(10)["max_decoding_length"]
        == int(10 * meta["decoding"]["max_length_ratio"]) + meta["decoding"]["max_length_extra"] + 1
    )
    sentence = "The soldiers arrived in the city yesterday after a long march through the forest."
    [guarded] = translator.translate([sentence])
    capped = Translator(dataclasses.replace(translator.package, decoding=Decoding(max_length_ratio=0.25)), precision="reproducible")
    [short] = capped.translate([sentence])
    pieces = len(translator._sp.encode(sentence))
    assert len(capped._sp.encode(short.text)) <= int(0.25 * pieces) < len(translator._sp.encode(guarded.text))


def test_alternatives_are_the_models_next_choices(translators):
    translator = translators["uk"]
    sentence = translator.normalize("Experts predict numerous casualties as the troops enter the front.")
    [alternatives] = translator.alternatives([sentence], 4)
    assert len(alternatives) == 4 and len({h.text for h in alternatives}) > 1
    assert alternatives[0] == translator.translate([sentence])[0]
    # Ranked by the beam's length-normalised score, not the per-token mean reported.
    assert all(h.text and h.score < 0 for h in alternatives)


@pytest.fixture(scope="module")
def early_translators(translators, tmp_path_factory):
    """The shipped packages with the early shared checkpoint of ../shared/standin (95 min, one
    model for three languages) as their model: the kind of model that slipped other scripts in."""
    from ctranslate2.converters import TransformersConverter

    early = {}
    for lang, translator in translators.items():
        path = tmp_path_factory.mktemp("early") / translator.package.path.name
        shutil.copytree(translator.package.path, path, ignore=shutil.ignore_patterns("model"))
        TransformersConverter(str(SHARED / "standin" / "checkpoint")).convert(str(path / "model"), quantization="int8")
        early[lang] = dataclasses.replace(translator.package, path=path)
    return early


def test_letters_the_language_never_writes_are_never_generated(translators, early_translators, glossary):
    """A multilingual stand-in slips Hangul into Russian and Russian letters into Ukrainian
    (the early checkpoint does on the sample's protected segments, unguarded); a package that
    declares suppress_foreign_letters cannot generate them, with that model or the shipped one."""
    doc = segment_text("sample", read_article(SAMPLE))
    sources = [terms.protect(s.source, terms.match_terms(s.source, glossary)) for s in doc.segments]
    slipped = 0
    for lang, translator in translators.items():
        language = LANGUAGES[lang]
        texts = [translator.normalize(s) for s in sources]
        early = early_translators[lang]
        unguarded = Translator(
            dataclasses.replace(early, decoding=dataclasses.replace(early.decoding, suppress_foreign_letters=False)),
            precision="reproducible",
        )
        slipped += sum(any(language.never_writes(ch) for ch in h.text) for h in unguarded.translate(texts))
        for guarded in (translator, Translator(early, precision="reproducible")):
            assert early.decoding.suppress_foreign_letters and guarded.package.decoding.suppress_foreign_letters
            outputs = guarded.translate(texts)
            assert not [h.text for h in outputs if any(language.never_writes(ch) for ch in h.text)], lang
            assert all(in_script(h.text, lang) >= 3 for h in outputs), lang
    assert slipped >= 1


def test_bad_decoding_metadata_is_one_clear_error(package_dir, tmp_path):
    broken = tmp_path / "translate-en_ru-broken"
    shutil.copytree(find_package("en", "ru", [package_dir]).path, broken)
    meta = json.loads((broken / "metadata.json").read_text())
    meta["decoding"] = {"no_repeat_ngram_size": "four"}
    (broken / "metadata.json").write_text(json.dumps(meta))
    with pytest.raises(EngineError, match=r"metadata.json: bad 'decoding'"):
        installed_packages([tmp_path])


def test_missing_model_is_a_clear_error(tmp_path):
    with pytest.raises(EngineError, match=r"no Argos package for en→ko is installed; run `pipeline models install models/`"):
        find_package("en", "ko", [tmp_path])


def test_batched_translation_equals_one_at_a_time(translators):
    """Batching is for speed only: each segment comes out as Argos would translate it alone."""
    from pipeline.read import read_article
    from pipeline.segment import segment_text

    doc = segment_text("sample", read_article(SAMPLE))
    sources = [s.source for s in doc.segments]
    sources += [re.sub(r"\d", lambda m: str((int(m.group()) + 1) % 10), s) for s in sources if re.search(r"\d", s)]
    for lang, translator in translators.items():
        texts = [translator.normalize(s) for s in sources]
        lengths = Counter(len(translator._sp.encode(t)) for t in texts)
        # Lengths vary (a mixed batch would pad) and some repeat (batches of several are made).
        assert len(lengths) > 5 and sum(n > 1 for n in lengths.values()) >= 2
        batched = Translator(translator.package, batch_size=64, precision="reproducible").translate(texts)
        alone = [translator.translate([t])[0] for t in texts]
        assert [h.text for h in batched] == [h.text for h in alone], lang
        assert [h.score for h in batched] == pytest.approx([h.score for h in alone], abs=1e-4)


def test_long_sentence_is_split_not_truncated(translators):
    ru = translators["ru"]
    sentence = " ".join(["the soldiers moved to the front, and the officers waited"] * 200)  # 2,000 words
    chunks = ru._chunks(sentence)
    assert len(chunks) > 10
    assert " ".join(chunks).split() == sentence.split()
    assert all(len(ru._sp.encode(c)) <= MAX_INPUT_TOKENS for c in chunks)
    [hyp] = ru.translate([sentence[:3000]])
    assert len(hyp.text) > 1000


def test_word_longer_than_the_model_input_is_copied_not_fatal(translators):
    url = "https://news.example.test/" + "a1b2c3" * 100
    sentence = f"The full report is at {url} and was published on Monday."
    for translator in translators.values():
        [hyp] = translator.translate([sentence, "Peace talks resumed."])[:1]
        assert url in hyp.text and hyp.text.replace(url, "").strip()


def test_translation_opens_no_socket(translators, monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert translators["uk"].translate(["Peace talks resumed."])[0].text


def test_runtime_import_path_stays_light(package_dir):
    """Argos pulls in stanza/spaCy/torch; the pipeline needs only its package module."""
    import subprocess
    import sys

    code = (
        "import sys, pipeline.run, pipeline.cli, pipeline.models\n"
        "from pipeline.engine import Translator, find_package\n"
        "t = Translator(find_package('en', 'ru')); t.translate(['Hello.'])\n"
        "print(sorted(m for m in ('torch', 'stanza', 'spacy', 'transformers') if m in sys.modules))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_declared_length_penalty_reaches_ctranslate2(translators):
    """A stronger length penalty a package declares lets longer hypotheses win the beam; the
    reported score stays the per-token mean, whatever the penalty."""
    translator = translators["uk"]
    sentences = [translator.normalize(s.source) for s in segment_text("sample", read_article(SAMPLE)).segments]

    def with_penalty(value: float) -> list:
        decoding = dataclasses.replace(translator.package.decoding, length_penalty=value)
        return Translator(dataclasses.replace(translator.package, decoding=decoding), precision="reproducible").translate(sentences)

    weak, strong = with_penalty(0.0), with_penalty(2.0)
    assert sum(len(h.text) for h in strong) > sum(len(h.text) for h in weak)
    same = [(w, s) for w, s in zip(weak, strong) if w.text == s.text]
    assert same and all(abs(w.score - s.score) < 1e-4 for w, s in same)
