"""The stand-in recipe: placeholder training pairs and resumed training (slow: trains a few steps)."""

import gzip
import json
import random

import pytest

from tests.conftest import SHARED

CHECKPOINT = SHARED / "standin" / "checkpoint"


def test_placeholder_pairs_replace_aligned_terms_and_numbers_on_both_sides(glossary):
    from tools.standin.placeholders import NUMBER_RATE, with_placeholders

    pairs = [
        ("Troops gathered in Kursk on Monday.", "Войска собрались в Курске в понедельник."),
        ("Russia and Ukraine talked.", "Россия и Украина провели переговоры."),
        # The term is not found on the target side: no copy.
        ("Kursk was quiet.", "Город был тихим."),
        ("He paid 8000 dollars.", "Он заплатил 8000 долларов."),
    ]
    extra = with_placeholders(pairs, "ru", glossary, random.Random(1))
    assert extra[:2] == [
        ("Troops gathered in #1 on Monday.", "Войска собрались в #1 в понедельник."),
        ("#1 and #2 talked.", "#1 и #2 провели переговоры."),
    ]
    assert all("Город" not in tgt for _, tgt in extra)
    numbers = with_placeholders([pairs[3]] * 200, "ru", glossary, random.Random(1))
    assert set(numbers) == {("He paid #1 dollars.", "Он заплатил #1 долларов.")}
    assert 0.5 * NUMBER_RATE < len(numbers) / 200 < 1.5 * NUMBER_RATE


@pytest.fixture
def corpora(tmp_path):
    """The first 40 training pairs of each language: enough for a few steps."""
    folder = tmp_path / "corpora"
    folder.mkdir()
    for lang in ("ko", "uk", "ru"):
        for side in ("en", lang):
            with gzip.open(SHARED / "corpora" / f"train.{lang}.{side}.gz", "rt", encoding="utf-8") as fh:
                lines = [next(fh) for _ in range(40)]
            with gzip.open(folder / f"train.{lang}.{side}.gz", "wt", encoding="utf-8") as fh:
                fh.writelines(lines)
    return folder


@pytest.mark.slow
def test_resume_continues_the_checkpoint_and_accumulates_figures(tmp_path, corpora):
    import torch
    from safetensors.torch import load_file

    from tools.standin.build import main

    work = tmp_path / "work"
    args = ["--corpora", str(corpora), "--work", str(work), "--threads", "1", "--stage", "train", "--minutes", "0.1"]
    assert main([*args, "--resume", str(CHECKPOINT)]) == 0
    out = work / "checkpoint"
    before = json.loads((SHARED / "standin" / "training.json").read_text())
    record = json.loads((out / "training.json").read_text())
    run = record["runs"][-1]
    assert len(record["runs"]) == 2 and run["steps"] >= 1 and run["device"] == "cpu"
    assert record["steps"] == before["steps"] + run["steps"]
    assert record["target_tokens_seen"] == before["target_tokens_seen"] + run["target_tokens"] > before["target_tokens_seen"]
    assert record["training_minutes"] == pytest.approx(before["training_minutes"] + run["minutes"], abs=0.1)
    # The SentencePiece model is kept; weights are float16 and have moved.
    assert (out / "source.spm").read_bytes() == (CHECKPOINT / "source.spm").read_bytes()
    old, new = load_file(CHECKPOINT / "model.safetensors"), load_file(out / "model.safetensors")
    assert all(t.dtype == torch.float16 for t in new.values()) and old.keys() == new.keys()
    assert any(not torch.equal(old[k], new[k]) for k in old)
    # A second resume continues from the first: figures keep adding up; this one on Korean pairs only.
    # It keeps the build number of the packages the first was shipped as, so the next build is newer.
    (out / "training.json").write_text(json.dumps(dict(record, package_build=7)))
    assert main([*args, "--resume", str(out), "--langs", "ko"]) == 0
    again = json.loads((out / "training.json").read_text())
    assert again["package_build"] == 7
    assert len(again["runs"]) == 3 and again["steps"] == record["steps"] + again["runs"][-1]["steps"]
    assert run["languages"] == ["ko", "uk", "ru"] and again["runs"][-1]["languages"] == ["ko"]
    assert again["runs"][-1]["examples"] < run["examples"]


@pytest.mark.slow
def test_runs_from_one_checkpoint_average_into_one(tmp_path, corpora):
    """Two runs resumed from one checkpoint with different seeds train differently; their
    average holds the mean weights and both runs' figures."""
    import torch
    from safetensors.torch import load_file

    from tools.standin.average import average
    from tools.standin.build import main

    runs = [tmp_path / f"seed{seed}" for seed in (1, 2)]
    for seed, work in zip((1, 2), runs):
        args = ["--corpora", str(corpora), "--work", str(work), "--threads", "1", "--stage", "train", "--minutes", "0.05"]
        assert main([*args, "--resume", str(CHECKPOINT), "--seed", str(seed)]) == 0
    one, two = (load_file(work / "checkpoint" / "model.safetensors") for work in runs)
    assert any(not torch.equal(one[k], two[k]) for k in one)
    record = average([work / "checkpoint" for work in runs], tmp_path / "average")
    mean = load_file(tmp_path / "average" / "model.safetensors")
    for key in one:
        expected = (one[key].float() + two[key].float()) / 2
        assert torch.allclose(mean[key].float(), expected, atol=1e-3, rtol=1e-3), key
    before = json.loads((SHARED / "standin" / "training.json").read_text())
    own = record["runs"][-2:]
    assert [run["seed"] for run in own] == [1, 2] and len(record["runs"]) == 3 and record["averaged_runs"] == 2
    assert record["steps"] == before["steps"] + own[0]["steps"] + own[1]["steps"]
    assert record["training_minutes"] == pytest.approx(before["training_minutes"] + own[0]["minutes"] + own[1]["minutes"], abs=0.1)
    # Two saves of one run would count its minutes twice.
    with pytest.raises(SystemExit, match="one seed"):
        average([runs[0] / "checkpoint"] * 2, tmp_path / "twice")


def test_each_language_ships_from_the_checkpoint_best_for_it():
    """A specialised checkpoint is a candidate for its own language only, a shared one for all
    three; each language is compared with its own shipped package, and its version comes after
    the shipped one even when the checkpoint never shipped (a resumed run's record)."""
    from tests.conftest import ROOT
    from tools.standin.package import checkpoint_home, package_version, shipped_packages, trained_languages, verdicts
    from tools.standin.train import load_record

    models = ROOT / "models"
    shipped = shipped_packages(models)
    assert sorted(shipped) == ["ko", "ru", "uk"]
    ko = load_record(models / "specialised" / "ko")
    assert trained_languages(ko) == ("ko",) and trained_languages(load_record(CHECKPOINT)) == ("ko", "uk", "ru")
    assert checkpoint_home(models, ("ko",)) == models / "specialised" / "ko"
    assert checkpoint_home(models, ("ko", "uk", "ru")) == models / "checkpoint"
    current = int(float(shipped["ko"]["package_version"]))
    assert package_version({}, shipped["ko"]) == f"{current + 1}.0"
    assert package_version({"package_build": current + 3}, shipped["ko"]) == f"{current + 4}.0"
    before = {"ko": 19.7, "uk": 43.8, "ru": 40.4}
    # A specialised Korean run: uk and ru collapsed, but they are not candidates.
    assert verdicts(("ko",), {"ko": 20.9, "uk": 1.6, "ru": 1.5}, before, {}) == {"ko": ""}
    assert verdicts(("ko",), {"ko": 19.7, "uk": 1.6, "ru": 1.5}, before, {})["ko"].startswith("ko: chrF 19.7 is no better")
    # A shared run ships the languages it improved, and not one whose glossary forms fall short.
    shared = verdicts(("ko", "uk", "ru"), {"ko": 19.5, "uk": 44.0, "ru": 40.9}, before, {"ru": "ru: correct form 55/67"})
    assert shared == {"ko": "ko: chrF 19.5 is no better than the shipped package's 19.7", "uk": "", "ru": "ru: correct form 55/67"}
    assert verdicts(("ru",), {"ru": 30.0}, before, {"ru": "short"}, force=True) == {"ru": ""}


def test_software_localisation_text_is_sampled_below_the_news_like_pairs(corpora):
    """extra/ joins the training data at most at EXTRA_SHARE of a language's pairs, without
    the older GNOME/MATE branches, one pair per English source, none repeating a news source."""
    from tools.standin.corpus import EXTRA_SHARE, all_pairs, training_pairs

    extra = corpora / "extra" / "uk"
    extra.mkdir(parents=True)
    main = training_pairs(corpora, "uk")
    rows = {
        "apps": [(f"Open the file number {i} now.", f"Відкрийте файл номер {i} зараз.") for i in range(100)] + [main[0]],
        "gnome-mate-history": [("Close the old window.", "Закрийте старе вікно.")],
    }
    for tag, pairs in rows.items():
        for side, lines in (("en", [e for e, _ in pairs]), ("uk", [t for _, t in pairs])):
            with gzip.open(extra / f"{tag}.{side}.gz", "wt", encoding="utf-8") as fh:
                fh.write("\n".join(lines) + "\n")
    combined = all_pairs(corpora, "uk")
    added = combined[len(main) :]
    assert combined[: len(main)] == main
    assert len(added) == int(len(main) * EXTRA_SHARE) and all(e.startswith("Open the file number") for e, _ in added)
