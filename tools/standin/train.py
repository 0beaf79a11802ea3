"""Train the shared SentencePiece model and one small multilingual Marian model.

One model for all three pairs (a ``<2xx>`` token as first target token, which
Argos forces through its ``target_prefix`` metadata) rather than three: 2 CPU
cores can afford one training run, and Korean borrows the encoder trained on the
Russian and Ukrainian data.

Marian (Hugging Face ``MarianMTModel``) is used because CTranslate2's own
Transformers converter supports it; training runs on a wall-clock budget so
the recipe finishes in predictable time on any machine. Training resumes from
a saved checkpoint (weights only: a fresh optimiser with a short warm-up) and
saves every few minutes, so CPU time accumulates over many interrupted runs;
``training.json`` beside the weights keeps the cumulative figures.
"""

from __future__ import annotations

import json
import logging
import math
import random
import shutil
import signal
import time
from pathlib import Path

import sentencepiece as spm
import torch
from transformers import MarianConfig, MarianMTModel

from tools.standin import LANGS

log = logging.getLogger("standin.train")

VOCAB_SIZE = 8000
# Korean had 2k pairs and was upsampled 8x; with 48k clean pairs it trains as is
# (shared/standin was trained so, and a second copy of its technical half would
# pull the model further from news).
KO_UPSAMPLE = 1
MAX_LEN = 128
# A resumed run restarts the cosine schedule lower and with a short warm-up: the
# weights are trained, only the fresh optimiser's moments need settling.
RESUME_PEAK_LR = 5e-4
RESUME_WARMUP = 200


def lang_token(lang: str) -> str:
    # No underscores: Argos' SentencePiece decoder turns "_" into spaces, which
    # would stop it from stripping a "__ru__"-style prefix from the output.
    return f"<2{lang}>"


def train_sentencepiece(pairs: dict[str, list[tuple[str, str]]], out: Path) -> Path:
    """Train the shared unigram model; returns the ``.model`` path."""
    text = out / "spm_input.txt"
    with text.open("w", encoding="utf-8") as fh:
        for lang, items in pairs.items():
            for _ in range(KO_UPSAMPLE if lang == "ko" else 1):
                for src, tgt in items:
                    fh.write(src + "\n" + tgt + "\n")
    prefix = out / "sentencepiece"
    spm.SentencePieceTrainer.train(
        input=str(text),
        model_prefix=str(prefix),
        vocab_size=VOCAB_SIZE,
        model_type="unigram",
        character_coverage=0.9995,
        byte_fallback=True,
        # Marian's vocabulary layout: </s>=0, <unk>=1; <pad> is appended after the pieces.
        eos_id=0,
        unk_id=1,
        bos_id=-1,
        pad_id=-1,
        user_defined_symbols=[lang_token(lang) for lang in LANGS],
        input_sentence_size=400000,
        shuffle_input_sentence=True,
        num_threads=2,
    )
    text.unlink()
    return prefix.with_suffix(".model")


def write_marian_tokenizer(sp_model: Path, out: Path) -> None:
    """The files ``MarianTokenizer`` (and so CTranslate2's converter) loads."""
    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    vocab = {sp.id_to_piece(i): i for i in range(sp.get_piece_size())}
    vocab["<pad>"] = len(vocab)
    (out / "vocab.json").write_text(json.dumps(vocab, ensure_ascii=False), encoding="utf-8")
    for name in ("source.spm", "target.spm"):
        (out / name).write_bytes(sp_model.read_bytes())
    (out / "tokenizer_config.json").write_text(
        json.dumps({"tokenizer_class": "MarianTokenizer", "model_max_length": MAX_LEN * 4}),
        encoding="utf-8",
    )


def build_model(pad_id: int, size: str) -> MarianMTModel:
    dims = {
        "small": dict(d_model=256, encoder_layers=4, decoder_layers=3, ffn=1024, heads=4),
        "large": dict(d_model=512, encoder_layers=6, decoder_layers=6, ffn=2048, heads=8),
    }[size]
    config = MarianConfig(
        vocab_size=pad_id + 1,
        d_model=dims["d_model"],
        encoder_layers=dims["encoder_layers"],
        decoder_layers=dims["decoder_layers"],
        encoder_attention_heads=dims["heads"],
        decoder_attention_heads=dims["heads"],
        encoder_ffn_dim=dims["ffn"],
        decoder_ffn_dim=dims["ffn"],
        activation_function="relu",
        max_position_embeddings=512,
        pad_token_id=pad_id,
        eos_token_id=0,
        decoder_start_token_id=pad_id,
        forced_eos_token_id=0,
        dropout=0.1,
        attention_dropout=0.0,
        scale_embedding=True,
        share_encoder_decoder_embeddings=True,
        tie_word_embeddings=True,
    )
    return MarianMTModel(config)


def encode_pairs(sp: spm.SentencePieceProcessor, pairs: dict[str, list[tuple[str, str]]]) -> list[tuple[list[int], list[int]]]:
    """Source pieces without </s> (Argos feeds them so), target = <2xx> pieces </s>."""
    examples = []
    for lang, items in pairs.items():
        prefix = sp.piece_to_id(lang_token(lang))
        srcs = sp.encode([s for s, _ in items])
        tgts = sp.encode([t for _, t in items])
        encoded = [(s, [prefix, *t, 0]) for s, t in zip(srcs, tgts) if len(s) <= MAX_LEN and len(t) < MAX_LEN]
        examples.extend(encoded * (KO_UPSAMPLE if lang == "ko" else 1))
    return examples


def token_batches(
    examples: list[tuple[list[int], list[int]]], max_tokens: int, rng: random.Random
) -> list[list[tuple[list[int], list[int]]]]:
    """Length-bucketed batches of at most ``max_tokens`` padded target+source tokens."""
    order = sorted(examples, key=lambda e: (len(e[1]) + rng.random() * 4, len(e[0])))
    batches, current, longest = [], [], 0
    for ex in order:
        longest_next = max(longest, len(ex[0]), len(ex[1]))
        if current and longest_next * (len(current) + 1) * 2 > max_tokens:
            batches.append(current)
            current, longest_next = [], max(len(ex[0]), len(ex[1]))
        current.append(ex)
        longest = longest_next
    if current:
        batches.append(current)
    rng.shuffle(batches)
    return batches


def collate(batch: list[tuple[list[int], list[int]]], pad_id: int) -> dict[str, torch.Tensor]:
    src_len = max(len(s) for s, _ in batch)
    tgt_len = max(len(t) for _, t in batch)
    input_ids = torch.full((len(batch), src_len), pad_id)
    labels = torch.full((len(batch), tgt_len), -100)
    decoder_input_ids = torch.full((len(batch), tgt_len), pad_id)
    for i, (s, t) in enumerate(batch):
        input_ids[i, : len(s)] = torch.tensor(s)
        labels[i, : len(t)] = torch.tensor(t)
        decoder_input_ids[i, 1 : len(t)] = torch.tensor(t[:-1])
    return {
        "input_ids": input_ids,
        "attention_mask": (input_ids != pad_id).long(),
        "decoder_input_ids": decoder_input_ids,
        "labels": labels,
    }


def load_record(checkpoint: Path) -> dict:
    """The cumulative training figures of a checkpoint (beside it for shared/standin)."""
    for path in (checkpoint / "training.json", checkpoint.parent / "training.json"):
        if path.exists():
            return json.loads(path.read_text(encoding="utf-8"))
    return {}


def save_checkpoint(model: MarianMTModel, sp_model: Path, out: Path, record: dict) -> None:
    """Write float16 weights, tokenizer files and ``training.json``; replace ``out`` only when complete."""
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    copy = MarianMTModel(model.config)
    copy.load_state_dict(model.state_dict())
    copy.half().save_pretrained(tmp)
    write_marian_tokenizer(sp_model, tmp)
    (tmp / "training.json").write_text(json.dumps(record, indent=2) + "\n", encoding="utf-8")
    old = out.with_name(out.name + ".old")
    if out.exists():
        out.rename(old)
    tmp.rename(out)
    if old.exists():
        shutil.rmtree(old)


def train(
    pairs: dict[str, list[tuple[str, str]]],
    sp_model: Path,
    out: Path,
    *,
    minutes: float,
    size: str = "small",
    resume: Path | None = None,
    save_every: float = 5.0,
    max_tokens: int = 6000,
    seed: int = 1,
    peak_lr: float | None = None,
) -> dict:
    """Train until the wall-clock budget is spent (or SIGTERM); save to ``out`` every ``save_every`` minutes.

    Returns the cumulative record also written to ``out/training.json``.
    """
    previous = load_record(resume) if resume else {}
    if resume:
        # float16 on disk; CPU training needs float32.
        model = MarianMTModel.from_pretrained(resume).float()
        peak_lr, warmup = peak_lr or RESUME_PEAK_LR, RESUME_WARMUP
    else:
        model = build_model(spm.SentencePieceProcessor(model_file=str(sp_model)).get_piece_size(), size)
        peak_lr, warmup = peak_lr or 1e-3, 800
    # Each resumed run sees the data in a new order.
    run_seed = seed + previous.get("steps", 0)
    torch.manual_seed(run_seed)
    rng = random.Random(run_seed)
    sp = spm.SentencePieceProcessor(model_file=str(sp_model))
    pad_id = sp.get_piece_size()
    device = "cuda" if torch.cuda.is_available() else "cpu"
    model.to(device).train()
    examples = encode_pairs(sp, pairs)
    optimizer = torch.optim.AdamW(model.parameters(), lr=peak_lr, betas=(0.9, 0.98), weight_decay=0.0)
    loss_fn = torch.nn.CrossEntropyLoss(ignore_index=-100, label_smoothing=0.1)
    stop = []
    signal.signal(signal.SIGTERM, lambda *_: stop.append(True))
    budget = minutes * 60
    start = last_save = time.monotonic()
    step, epoch, seen_tokens = 0, 0, 0

    def record() -> dict:
        run = {
            "device": device if device == "cpu" else torch.cuda.get_device_name(0),
            "torch_threads": torch.get_num_threads(),
            "minutes": round((time.monotonic() - start) / 60, 1),
            "steps": step,
            "target_tokens": seen_tokens,
            "peak_lr": peak_lr,
            "examples": len(examples),
            "seed": seed,
            "languages": list(pairs),  # a specialised run (build --langs) trains on some only
        }
        runs = previous.get("runs") or ([_first_run(previous)] if previous else [])
        return {
            "size": size if not resume else previous.get("size", size),
            "parameters": sum(p.numel() for p in model.parameters()),
            "device": run["device"],
            "torch_threads": run["torch_threads"],
            "training_minutes": round(previous.get("training_minutes", 0) + run["minutes"], 1),
            "steps": previous.get("steps", 0) + step,
            "target_tokens_seen": previous.get("target_tokens_seen", 0) + seen_tokens,
            "examples": len(examples),
            "runs": [*runs, run],
            # The learning curve so far (chrF per evaluated checkpoint), kept across resumed runs.
            "evaluations": previous.get("evaluations", []),
            # A resumed run must not reuse the version of the build it started from.
            **({"package_build": previous["package_build"]} if "package_build" in previous else {}),
        }

    done = False
    while not done:
        epoch += 1
        for batch in token_batches(examples, max_tokens, rng):
            elapsed = time.monotonic() - start
            if elapsed > budget or stop:
                done = True
                break
            # Warm-up, then cosine decay over the wall-clock budget.
            lr = peak_lr * min(1.0, (step + 1) / warmup) * (0.55 + 0.45 * math.cos(math.pi * elapsed / budget))
            for group in optimizer.param_groups:
                group["lr"] = lr
            tensors = {k: v.to(device) for k, v in collate(batch, pad_id).items()}
            labels = tensors.pop("labels")
            logits = model(**tensors).logits
            loss = loss_fn(logits.view(-1, logits.size(-1)), labels.view(-1))
            optimizer.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimizer.step()
            step += 1
            seen_tokens += int((labels != -100).sum())
            if step % 100 == 0:
                log.info("epoch %d step %d loss %.3f lr %.2e %.0fs", epoch, step, loss.item(), lr, elapsed)
            if time.monotonic() - last_save > save_every * 60:
                save_checkpoint(model, sp_model, out, record())
                last_save = time.monotonic()
    model.eval()
    final = record()
    save_checkpoint(model, sp_model, out, final)
    return final


def _first_run(record: dict) -> dict:
    """A run record for a checkpoint written before runs were listed (shared/standin)."""
    return {
        "device": record.get("device"),
        "torch_threads": record.get("torch_threads"),
        "minutes": record.get("training_minutes"),
        "steps": record.get("steps"),
        "target_tokens": record.get("target_tokens_seen"),
        "examples": record.get("examples"),
    }
