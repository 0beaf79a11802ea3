import re
import socket

import polib
import pytest

from pipeline.cli import main
from tests.conftest import make_project

DOC = "kursk-north-korean-troops"


def cli(project, monkeypatch, *args):
    monkeypatch.chdir(project)
    return main(list(args))


@pytest.mark.parametrize(
    "name, data, message",
    [
        ("empty.txt", b"", "empty article"),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00", "binary file"),
        ("latin1.txt", "Kyïv".encode("latin-1"), "not UTF-8 text"),
    ],
)
def test_bad_article_one_line_error_and_nothing_written(tmp_path, package_dir, monkeypatch, capsys, name, data, message):
    project = make_project(tmp_path, {})
    (project / "articles" / name).write_bytes(data)
    assert cli(project, monkeypatch, "run") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("pipeline: error: ") and message in err and name in err
    assert not (project / "locales").exists()


@pytest.mark.parametrize(
    "setting, message",
    [
        ("batch_size = 0", "beam_size and batch_size must be at least 1"),
        ('batch_size = "8"', "batch_size must be int, not '8'"),
        ("xliff12 = 1", "xliff12 must be bool, not 1"),
        ("beams = 4", "unknown setting(s): beams"),
        ('targets = ["ru", "ru"]', "ru given more than once"),
        ('targets = ["RU"]', "unknown target language 'RU' (did you mean 'ru'?)"),
        ("targets = []", "no target language given"),
        ("[pipline]\nbeam_size = 4", "unknown table(s) pipline"),
        ('device = "gpu"', "device must be one of auto, cpu, cuda"),
        ('articles = [["x"]]', "articles must be a list of non-empty strings"),
    ],
)
def test_bad_config_one_line_error(tmp_path, monkeypatch, capsys, setting, message):
    project = make_project(tmp_path)
    (project / "pipeline.toml").write_text(f"[pipeline]\n{setting}\n")
    assert cli(project, monkeypatch, "run") == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and message in err and "pipeline.toml" in err
    assert not (project / "locales").exists()


@pytest.mark.parametrize(
    "to, message", [("", "no target language given"), ("ru,ru", "ru given more than once"), ("de", "unknown target language 'de'")]
)
def test_bad_target_option_one_line_error(tmp_path, monkeypatch, capsys, to, message):
    project = make_project(tmp_path)
    assert cli(project, monkeypatch, "run", "--to", to) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--to" in err and message in err


def test_missing_article_and_missing_model(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path)
    assert cli(project, monkeypatch, "run", "nope.txt") == 1
    assert "nope.txt: no such file" in capsys.readouterr().err
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "empty"))
    import argostranslate.settings as settings

    monkeypatch.setattr(settings, "package_dirs", [tmp_path / "empty"])
    assert cli(project, monkeypatch, "run", "--to", "ko") == 1
    assert "no Argos package for en→ko is installed" in capsys.readouterr().err
    assert not (project / "locales").exists()


def test_full_run_offline_through_the_cli(tmp_path, package_dir, monkeypatch, capsys):
    project = make_project(tmp_path)

    def refuse(*args, **kwargs):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    assert cli(project, monkeypatch, "run", "-q") == 0
    summary = capsys.readouterr().out
    assert "documents 1, segments 13" in summary
    for lang in ("ko", "uk", "ru"):
        assert re.search(
            rf"{lang}: model translate-en_{lang} \d+\.0 \(stand-in; [^)]*\) sha256:[0-9a-f]{{12}}; glossary terms 39/39 \(100%\)", summary
        )
    assert f"locales/ru/LC_MESSAGES/{DOC}.po" in summary and "locales/glossary.tbx" in summary
    assert (project / "locales" / "ko" / f"{DOC}.txt").read_text(encoding="utf-8").strip()


def test_glossary_commands(tmp_path, monkeypatch, capsys):
    project = make_project(tmp_path)
    assert cli(project, monkeypatch, "glossary", "check") == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 1 and "terms, version" in lines[0] and ": ok" in lines[0]
    assert cli(project, monkeypatch, "-v", "glossary", "check") == 0
    out = capsys.readouterr().out.splitlines()
    assert ": ok" in out[0] and all(": note: " in line for line in out[1:])
    assert cli(project, monkeypatch, "glossary", "export", "--tbx", "--out", "g.tbx") == 0
    assert (project / "g.tbx").read_bytes().startswith(b"<?xml")
    bad = project / "glossary" / "glossary.tsv"
    bad.write_text(bad.read_text(encoding="utf-8").replace("\tКурск\t", "\t\t", 1), encoding="utf-8")
    assert cli(project, monkeypatch, "glossary", "check") == 1
    assert "glossary.tsv:3: kursk: no target term for ru" in capsys.readouterr().err


def test_check_catches_a_reviewer_breaking_a_number(sample_run, monkeypatch, capsys, tmp_path):
    project, _ = sample_run
    edited = tmp_path / "ru.po"
    catalog = polib.pofile(str(project / "locales" / "ru" / "LC_MESSAGES" / f"{DOC}.po"))
    entry = catalog.find(f"{DOC}:p4:s1", by="msgctxt")
    entry.msgstr = "Украинские военные разместили около 5000 военнослужащих в Курске."
    catalog.save(str(edited))
    assert cli(project, monkeypatch, "check", str(edited), "--fail-on", "error") == 1
    out = capsys.readouterr().out
    assert f"{edited}:{DOC}:p4:s1: error number-missing" in out


def test_version_is_the_one_in_pyproject(capsys):
    import tomllib

    from tests.conftest import ROOT

    declared = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and capsys.readouterr().out == f"pipeline {declared}\n"
