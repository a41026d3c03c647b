"""The page model's tables (page/tables.py, ``Page.in_table``): rows and cells of a table in or
next to the article are the text's own (no CHR, LAY or NRM finding, never deleted); chrome that
merely looks tabular (menus in columns at the head, a footer nav bar, a list of headlines `X：…`,
a forum post's user box) is not protected."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpuslint import Linter
from corpuslint.core import Document
from corpuslint.page import page
from corpuslint.page.kinds import kind_data, kinds
from corpuslint.page.sections import article_sections, edit_headings, section_data
from corpuslint.page.tables import cells, find_tables, table_data

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "tables"
EXPECTED = json.loads((FIXTURES / "expected.json").read_text(encoding="utf-8"))

PROSE = ("第三十四届金曲奖颁奖典礼于昨晚在台北举行，歌手李明凭借专辑《远方》获得最佳男歌手奖，这是他出道十年来第一次获得这一奖项。",
         "颁奖典礼结束后，李明表示明年将在全国二十个城市举办巡回演唱会，首站定在北京，门票将于下个月开始发售。")


def _tables(lines: list[str]) -> list[tuple[int, int, str]]:
    ks = kinds(lines, kind_data())
    return [(t.first, t.last, t.shape) for t in find_tables(lines, ks, table_data())]


def _in_table(lines: list[str]) -> list[int]:
    """1-based lines of the text ``lines`` that the page reads as rows of the text's tables."""
    pg = page(Document("\n".join(lines) + "\n"))
    return [b.line for i, b in enumerate(pg.blocks) if pg.in_table(i)]


def test_wide_space_rows_with_similar_cell_counts_are_a_grid() -> None:
    rows = ["2019年5月1日  北京  工人体育场", "2019年6月2日  上海  梅赛德斯奔驰文化中心  加场",
            "2019年7月3日  广州  天河体育中心"]
    assert _tables(rows) == [(0, 2, "grid")]
    assert _tables(rows[:2]) == []  # two rows are no table


def test_a_nav_bar_is_one_cell_and_no_grid() -> None:
    assert cells("关于我们  |  联系我们  |  网站地图") == 1
    assert cells("年份  奖项  作品  结果") == 4
    assert _tables(["关于我们  |  联系我们", "首页  ·  新闻", "帮助  |  客服"]) == []


def test_fields_record_and_lists() -> None:
    record = ["索 引 号：", "11220000013544357T/2023-00101", "发布机构：", "某市人民政府办公室",
              "文　　号：", "某政发〔2023〕5号"]
    assert _tables(record) == [(0, 5, "fields")]
    headlines = ["商务部：4月新能源汽车销量同比增长33.5%", "乘联会：5月狭义乘用车零售预计165万辆",
                 "小米集团：2024年第一季度营收755.1亿元"]
    assert _tables(headlines) == []  # a list of headlines, not a table
    labels = ["歌曲：第一次爱的人", "歌曲：雅鲁藏布大峡谷", "歌曲：曹操"]
    assert _tables(labels) == []  # every item's label, not a table


def test_infobox_on_one_line_or_two() -> None:
    assert _tables(["出生 1985年3月2日", "国籍 中国", "职业 歌手、音乐制作人"]) == [(0, 2, "infobox")]
    assert _tables(["中文名", "张三", "国籍", "中国", "职业", "演员"]) == [(0, 5, "infobox")]
    assert _tables(["出生 1985年3月2日", "国籍 中国"]) == []  # two fields are too few


def test_cells_under_a_header_row_come_in_whole_rows() -> None:
    header = ["日期", "城市", "场馆"]
    body = ["2016年5月1日", "北京", "工人体育场", "2016年6月12日", "上海", "文化中心", "相关词条"]
    # two whole rows; the seventh short line is not a cell of the table
    assert _tables([*header, *body]) == [(0, 8, "cells")]
    assert _tables([*header, *body[:5]]) == []  # one row and a half
    # short lines under words that are not column names
    assert _tables(["首页", "新闻", "体育", *body[:6]]) == []


def test_a_table_between_the_sentences_is_the_texts() -> None:
    lines = ["李明获金曲奖", PROSE[0], "年份  奖项  结果", "2015  金曲奖最佳新人  提名",
             "2018  金曲奖最佳作词人  提名", PROSE[1]]
    assert _in_table(lines) == [3, 4, 5]


def test_menus_in_columns_at_the_head_are_not_protected() -> None:
    lines = ["江南小镇游记 - 示例旅游网", "首页  新闻  旅游  美食", "酒店  机票  攻略  社区", "论坛  博客  相册  视频",
             "江南小镇游记", PROSE[0], PROSE[1]]
    assert _tables(lines) == [(1, 3, "grid")]
    assert _in_table(lines) == []


def test_a_grid_after_the_last_sentence_counts_only_with_data() -> None:
    awards = ["年份  奖项  结果", "2015  金曲奖最佳新人  提名", "2018  金曲奖最佳作词人  提名"]
    assert _in_table(["李明获金曲奖", PROSE[0], PROSE[1], *awards]) == [4, 5, 6]
    menus = ["新闻  体育  娱乐  财经", "汽车  房产  教育  旅游", "科技  健康  时尚  军事"]
    assert _tables(menus) == [(0, 2, "grid")]
    assert _in_table(["李明获金曲奖", PROSE[0], PROSE[1], *menus]) == []


def test_fields_past_the_body_between_sentences() -> None:
    """Past the article body but before the page's last sentence, an album's fields are the
    text's (a discography), a forum post's user box is not."""
    filler = ["回复", "引用", "举报", "顶部", "收藏", "分享", "打印", "关闭"]
    last = "我也觉得这首歌很好听，每天都要听上好几遍。"
    album = ["发行日期：2013年9月16日", "语言：韩语", "唱片公司：某某唱片"]
    lines = ["某歌手", PROSE[0], *filler, *album, *filler, last]
    assert _tables(lines)[-1:] == [(10, 12, "fields")]
    assert _in_table(lines) == [11, 12, 13]
    post = ["楼层：第 2 楼", "得分：35", "作者：老财迷"]
    lines = ["论坛帖子", PROSE[0], *filler, *post, *filler, last]
    assert _tables(lines)[-1:] == [(10, 12, "fields")]
    assert _in_table(lines) == []


def test_a_footer_contact_block_is_not_protected() -> None:
    lines = ["标题", PROSE[0], PROSE[1], "地址：某市人民路1号", "电话：0000-1234567", "邮编：100000"]
    assert _tables(lines) == [(3, 5, "fields")]
    assert _in_table(lines) == []


def _section_tables(lines: list[str]) -> list[tuple[int, int, str, bool]]:
    ks = kinds(lines, kind_data())
    heads = edit_headings(lines, section_data())
    return [(t.first, t.last, t.shape, t.sectioned) for t in find_tables(lines, ks, table_data(), heads)]


def test_a_reference_page_s_sections_run_from_the_body_to_the_back_matter() -> None:
    lines = ["某歌手[编辑]", "首页", "讨论", PROSE[0], "简介[编辑]", PROSE[1], "音乐作品[编辑]", "年份",
             "注释[编辑]", "参考资料[编辑]", "^ 某报. 2001-05-09.", "查", "论", "编"]
    heads = edit_headings(lines, section_data())
    assert heads == [0, 4, 6, 8]  # up to the first back-matter heading
    # the title heading above the menus is before the body (line 3): the sections start at 简介
    assert article_sections(lines, heads, 3, section_data()) == (4, 7)
    assert edit_headings(["简介[编辑]", PROSE[0]], section_data()) == []  # one heading is no reference page
    # no back matter: the sections end at the last heading
    assert article_sections(lines[:8], edit_headings(lines[:8], section_data()), 3, section_data()) == (4, 6)


DISCOGRAPHY = ["正规专辑[编辑]", "专辑 #", "专辑资料", "曲目", "1st", "首张正规专辑《远方》", "发行日期：2001年5月8日",
               "语言：汉语", "曲目", "远方", "晚风", "2nd", "第二张正规专辑《夜航》", "发行日期：2004年9月1日", "语言：汉语",
               "曲目", "夜航", "灯塔", "回声", "演唱会[编辑]", "首次巡回演唱会", "日期", "举行地点", "2016年5月1日",
               "北京工人体育场", "注释[编辑]"]


def test_cells_of_uneven_rows_in_a_section_run_to_the_next_heading() -> None:
    """A header naming some columns only (`专辑 #`, `专辑资料` by its column word), rows of any
    length (the tracks of each album), a caption over a header of two names."""
    assert _section_tables(DISCOGRAPHY) == [(1, 18, "cells", True), (20, 24, "cells", True)]
    # the same lines with no section heading: no whole rows under a header, no table but the fields
    plain = [t for t in DISCOGRAPHY if not t.endswith("[编辑]")]
    assert [t[2] for t in _section_tables(plain)] == ["fields", "fields"]


def test_two_fields_of_an_album_count_when_they_recur() -> None:
    """Two known fields under an ordinal and a title (`1st` / `《远方》`), again further down."""
    album = ["1st", "《远方》", "发行日期：2001年5月8日", "语言：汉语", "曲目", "远方", "晚风"]
    assert _tables(album) == []  # two fields once are no table
    again = [*album, "2nd", "《夜航》", "发行日期：2004年9月1日", "语言：汉语", "曲目", "夜航"]
    assert _tables(again) == [(0, 3, "fields"), (7, 10, "fields")]  # with the ordinal and title
    # two meta fields under every teaser are not protected however often they recur
    teasers = ["某地发布暴雨预警", "来源：某网", "作者：某人", "某市地铁新线开通", "来源：某网", "作者：某人"]
    lines = ["标题", PROSE[0], PROSE[1], *teasers]
    assert _in_table(lines) == []


def test_category_names_are_no_header_row() -> None:
    """`韩国男歌手` ends in a column word but is a category: a list of categories after the
    entry is no table (a column word after at most three characters is a header cell)."""
    cats = ["韩国男歌手", "韩国流行音乐歌手", "韩语流行音乐歌手", "韩国电视主持人", "首尔出身人物", "在世人物", "檀国大学校友"]
    assert _tables(cats) == []
    assert _tables(["播放日期", "节目名称", "举行地点", "2012年", "某节目", "某地", "2013年", "某节目", "某地"]) == [(0, 8, "cells")]


def test_tables_in_sections_are_the_text_s_and_the_navbox_after_them_is_not() -> None:
    lines = ["李明远", PROSE[0], "简介[编辑]", PROSE[1], "音乐作品[编辑]", *DISCOGRAPHY, "参考资料[编辑]",
             "查", "论", "编", "示例市", "甲区 · 乙区 · 丙区", "隐私政策", "免责声明"]
    rows = _in_table(lines)
    assert rows == list(range(7, 25)) + list(range(26, 31))  # 1-based: the two tables' lines
    assert not set(rows) & set(range(31, len(lines) + 1))


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_fixture_tables_are_never_flagged_and_chrome_still_is(name: str) -> None:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    want = EXPECTED[name]
    assert _in_table(text.splitlines()) == want["table_lines"]
    found = Linter(select=["CHR", "LAY", "NRM"]).lint_text(text)
    flagged = {n for f in found for n in range(f.location.line, f.location.end_line + 1)}
    assert not flagged & set(want["table_lines"])
    assert set(want["chrome_lines"]) <= flagged
    # the fixes, unsafe ones too, delete chrome and keep every table row
    fixed, applied = Linter(select=["CHR", "LAY", "NRM"]).fix_text(text, unsafe=True)
    assert applied and len(fixed.splitlines()) < len(text.splitlines())
    kept = fixed.splitlines()
    assert all(text.splitlines()[n - 1] in kept for n in want["table_lines"])
