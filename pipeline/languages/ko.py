"""Korean."""

from __future__ import annotations

import re

from pipeline.hangul import transcribe_name
from pipeline.languages.base import Language

PARTICLES = tuple(
    sorted(
        "에서는 에서도 에게서 에게 에서 으로 에는 까지 부터 와의 과의 의 에 은 는 이 가 을 를 과 와 로 도 만".split(), key=len, reverse=True
    )
)
# Before a particle or a break: where a counter glued to a figure ends.
_BEFORE_PARTICLE = rf"(?=[\s,.;:!?()]|$|{'|'.join(PARTICLES)})"

KOREAN = Language(
    "ko",
    "Korean",
    "Hangul",
    "nplurals=1; plural=0;",
    (0.25, 1.3),
    particles=PARTICLES,
    foreign_scripts=("Cyrillic",),
    # A year or a counter glued to a date («#1년에», «#2명의»), before a particle or a break.
    year_after_date=re.compile(r"(?:년|월|일|\s?명|세|개)" + _BEFORE_PARTICLE),
    particle_for_on_date=("에서", "에"),
    change_to_particle="로",
    change_from_particle="에서",
    midnight_noon=(("자정",), ("정오",)),
    local_date=re.compile(r"(\d{1,2})일\s?\(현지\s?시간\)"),
    age_after_count=re.compile(r"세" + _BEFORE_PARTICLE),
    # A counter, or a year or age glued to the term («쿠르스크주년 이후», «러시아세의»); apart, «세» may begin a word.
    counter_after_term=re.compile(r"(?:\s?(?:명|개)|년|세)" + _BEFORE_PARTICLE),
    # A currency, or a counter of people, things or days («#1명을», «#1일을»), after an amount.
    currency_after_amount=re.compile(
        r"\s*(?:미국\s*)?(?:달러|유로|파운드|루블|위안화?|엔화|원)|\s*[$€£¥₩₽₴]|(?:명|개|일)" + _BEFORE_PARTICLE, re.IGNORECASE
    ),
    points_after_amount=re.compile(r"\s?(?:%|퍼센트)(?:\s?(?:포인트|p))?|\s?포인트"),
    money=re.compile(r"[$€£¥₩₽₴]|\d[\d,.\s]*\s?(?:만|억|천)?\s?(?:달러|유로|루블|흐리우냐|파운드|위안|엔|원)"),
    # CLDR's full Korean time pattern ("a h시 m분 s초 zzzz") without seconds and zone.
    clock=("a h시", "a h시 m분"),
    quantities={
        "1/2": ("절반",),
        **{f"{n}/{d}": (f"{d}분의 {n}",) for n, d in ((2, 3), (3, 4), *((1, d) for d in (3, 4, 5, 6, 7, 8, 9, 10, 100)))},
        "a dozen": ("십여",),
        "dozens": ("수십",),
        "hundreds": ("수백",),
        "thousands": ("수천",),
        "millions": ("수백만",),
        "billions": ("수십억",),
        "tens of thousands": ("수만",),
        "hundreds of thousands": ("수십만",),
        "tens of millions": ("수천만",),
        "hundreds of millions": ("수억",),
    },
    ratios=True,
    decade="{}년대",
    tally="{} 대 {}",
    number_range="{}~{}",
    percentage_points="{}%포인트",
    age="{}대",
    ordinal="{}번째",
    ordinal_nouns={
        "anniversary": ("{}주년", "주년"),
        "place": ("{}위", "위치|위|자리|장소|곳"),
        "minute": ("{}분", "분"),
        "day": ("{}일째", "일째|일|날"),
    },
    year="{}년",
    spelled_from=4,
    counters={
        "people": "명",
        "vehicles": "대",
        "munitions": "발",
        "vessels": "척",
        "places": "곳",
        "cases": "건",
        "buildings": "채",
        "animals": "마리",
        "items": "개",
        "ages": "세",
        "times": "번",
        "multiples": "배",
    },
    counter_for={"번": ("번째",), "배": ("번째", "번")},
    generic_counter="개",
    count_nouns={"군": "병력"},
    transcribe=transcribe_name,
    omegat_tokenizer="org.omegat.tokenizer.LuceneCJKTokenizer",
)
