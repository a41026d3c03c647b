"""Chinese numerals (text/numerals.py); values as ``cn2an.cn2an(s, "normal")`` gives them."""

from __future__ import annotations

import pytest

from corpuslint.text.numerals import chinese_numeral

VALUES = {
    "十": 10, "十五": 15, "二十": 20, "一十": 10, "一百零五": 105, "两千": 2000, "两百": 200,
    "二百五": 250, "一万二": 12000, "三千零": 3000, "一千零一十": 1010, "一万零三百": 10300,
    "十万": 100000, "二十一万三千": 213000, "三千万": 30000000, "一亿五千万": 150000000,
    "一亿零一": 100000001, "十亿": 1e9, "一百万亿": 1e14, "一千二百三十四万五千六百七十八": 12345678,
    "二〇二二": 2022, "一二三": 123, "零五": 5, "零": 0, "〇": 0, "两": 2,
    "三点五": 3.5, "一点零五": 1.05, "零点五": 0.5, "五千两百零七": 5207, "一万七千五百零两": 17502,
    "七千四百五十六亿两千六百四十三万一千零八": 745626431008, "兩萬": 20000, "廿五": 25,
}


@pytest.mark.parametrize("text,value", VALUES.items())
def test_value(text, value):
    assert chinese_numeral(text) == pytest.approx(value)


@pytest.mark.parametrize("text", ["十四五", "万", "亿", "百", "千万", "万一", "百千", "零十", "亿亿",
                                  "两亿三", "一点", "点五", "1万", "", "十〇〇"])
def test_not_a_numeral(text):
    assert chinese_numeral(text) is None
