"""CHR: page chrome in plain text — valid/invalid lines per rule, seeds, template lines, fixes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpuslint import Linter
from corpuslint.core import Document

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"
PAGES = ROOT / "fixtures" / "chrome"

ARTICLE = (
    "近年来,余姚经济开发区紧盯重点项目,全力扩大投资,围绕“四创四新”目标,推动一批重大项目落地见效。\n\n"
    "{line}\n\n"
    "下一步,开发区将继续聚焦聚力聚能,以提升发展能级为目标,加快建设现代化产业体系,为共同富裕贡献力量。\n\n"
    "今年以来,园区规上工业总产值同比增长12.4%,固定资产投资增长22.5%,主要经济指标持续领跑全市。\n"
)


def lines_flagged(code: str, text: str) -> set[int]:
    out: set[int] = set()
    for f in Linter(select=[code]).lint_text(text):
        out.update(range(f.location.line, f.location.end_line + 1))
    return out


def flagged_in_middle(code: str, line: str) -> bool:
    """Whether ``line`` is flagged when it sits between article paragraphs (line 3)."""
    return 3 in lines_flagged(code, ARTICLE.format(line=line))


def flagged_after(code: str, line: str) -> bool:
    """Whether ``line`` is flagged when it follows the article (the tail of the page)."""
    text = ARTICLE.format(line="## 加快资源整合 催生发展新动能") + "\n" + line + "\n"
    n = text.count("\n")
    return n in lines_flagged(code, text)


# -- per rule: invalid (chrome) and valid (article) lines ------------------------------------
@pytest.mark.parametrize("line", [
    "当前位置:首页 > 财经 >",
    "您的位置：首页 > 新闻中心 > 工作动态",
    "首页>>人物聚焦>>2005人物",
    "首页    最新动态    逐梦三十年    逐梦三十年 | 余姚经济开发区创新浇筑发展路",
])
def test_chr001_breadcrumb_anywhere(line: str) -> None:
    assert flagged_in_middle("CHR001", line)


@pytest.mark.parametrize("line", [
    "新闻 | 行情 | 评测 | 调研 | 数码导购 | 学院 | 专题",
    "社会国际财经教育旅游数码房产汽车体育娱乐时尚理财育儿",
    "首页 - 新闻 - 北京 - 体育 - 娱乐 - 文化 - 房产",
])
def test_chr001_menu_line_outside_body(line: str) -> None:
    assert flagged_after("CHR001", line)


@pytest.mark.parametrize("line", [
    "## 加快资源整合 催生发展新动能",
    "开拓 创新 奋进",
    "政策扶持引导,优化创新生态",
    "余姚经济开发区",
    "价格方面,1000元 > 800元,差距明显。",
])
def test_chr001_article_lines(line: str) -> None:
    assert not flagged_in_middle("CHR001", line)


def test_chr001_menu_run_and_title_repeat() -> None:
    menu = "\n".join(["网站首页", "新闻中心", "财经频道", "体育新闻", "娱乐频道", "科技频道"])
    text = "江苏多地要求师生暂不返校\n" + menu + "\n江苏多地要求师生暂不返校\n" + ARTICLE.format(line="小标题")
    found = Linter(select=["CHR001"]).lint_text(text)
    flagged = {n for f in found for n in range(f.location.line, f.location.end_line + 1)}
    assert set(range(2, 8)) <= flagged
    assert 8 not in flagged  # the headline stays; the page title above the menu duplicates it
    assert any(f.location.line == 1 and "page title" in f.message for f in found)


@pytest.mark.parametrize("line", [
    "日期: 来源:甬派客户端收集编辑:甬派客户端",
    "✎来源 | 余姚经济开发区管委会",
    "编辑 | 楼昕",
    "admin8个月前 (09-26)浙江产业信息19",
    "报纸网 |发布: 2021-1-29 13:18|点击: 313|来自: 互联网",
    "2022年02月13日07:48 | 来源：新华日报",
])
def test_chr002_meta_lines(line: str) -> None:
    assert flagged_in_middle("CHR002", line)


@pytest.mark.parametrize("line", [
    "本版文字统筹 周静 王旭丁",
    "本报记者 葛灵丹",
    "据统计局来源数据,今年以来全市日期类指标稳定,记者从会上获悉。",
    "2019年以来,经开区始终践行“项目为王”理念。",
    "作者在文中提出了三个问题",
])
def test_chr002_article_lines(line: str) -> None:
    assert not flagged_in_middle("CHR002", line)


def test_chr002_bare_date_only_outside_body() -> None:
    assert flagged_after("CHR002", "2022-07-15 08:49")
    assert not flagged_in_middle("CHR002", "2022-07-15 08:49")


@pytest.mark.parametrize("line", ["分享给朋友:", "分享到：", "扫一扫在手机打开当前页", "长按/扫一扫加葛毅明的微信号"])
def test_chr003_prompts(line: str) -> None:
    assert flagged_in_middle("CHR003", line)


@pytest.mark.parametrize("line", [
    "市民扫一扫二维码即可预约挂号,非常方便。",
    "他说,要把好经验分享给朋友们,让更多企业受益。",
])
def test_chr003_article_lines(line: str) -> None:
    assert not flagged_in_middle("CHR003", line)


@pytest.mark.parametrize("line", [
    "版权声明:本文由浙江厂房网发布,如需转载请注明出处。部份内容收集于网络,如有不妥之处请联系我们删除",
    "Copyright © 2005 Sohu.com Inc. All rights reserved.搜狐公司 版权所有",
    "苏ICP备13020714号 | 电信增值业务经营许可证 苏B2-20140001",
])
def test_chr004_notices(line: str) -> None:
    assert flagged_in_middle("CHR004", line)


@pytest.mark.parametrize("line", [
    "该公司依法维护版权所有人的合法权益,去年共处理侵权案件120件,挽回经济损失300余万元。",
    "未经许可不得转载的规定,在实践中常被忽视,专家建议完善相关法规,加大执法力度。",
])
def test_chr004_article_lines(line: str) -> None:
    assert not flagged_in_middle("CHR004", line)


def test_chr005_contact_block() -> None:
    block = ("葛毅明微信号\n产业招商/厂房土地租售:400 0123 021\n或微信/手机:13391219793\n"
             "请说明您的需求、用途、税收、公司、联系人、手机号,以便快速帮您对接资源。")
    text = ARTICLE.format(line="小标题") + "\n" + block + "\n"
    start = text.count("\n", 0, text.index("葛毅明")) + 1
    assert set(range(start, start + 4)) <= lines_flagged("CHR005", text)


@pytest.mark.parametrize("line", [
    "市民如有疑问,可拨打12345政务服务热线或0574-62345678咨询,工作人员将及时答复。",
    "联系人和手机号等信息须如实填写,不得弄虚作假。",
])
def test_chr005_article_lines(line: str) -> None:
    assert not flagged_in_middle("CHR005", line)


def test_chr006_tail_list_is_one_safe_block() -> None:
    tail = ("相关阅读\n\n  • 贵州遵义:“三进三增”活动优化人社服务\n\n"
            "  • 贵州省遵义市人力资源社会保障局突出就业创业、社会保障等重点内容,深入开展调研走访活动。进\n"
            "热门文章\n\n  • 美国对华2000亿关税清单,到底影响有多大?\n")
    text = ARTICLE.format(line="小标题") + "\n" + tail
    found = Linter(select=["CHR006"]).lint_text(text)
    assert len(found) == 1
    f = found[0]
    assert f.location.end_line == text.count("\n")
    assert f.fix is not None and f.fix.applicability.value == "safe"


def test_chr006_header_inside_body_takes_only_marked_items() -> None:
    text = ("导语段落,介绍背景情况,内容较长,用于构成正文的第一段文字。\n推荐阅读\n"
            "今年以来,全市经济运行总体平稳,主要指标好于预期,发展质量稳步提升。\n"
            "下一步,各地将继续加大工作力度,确保完成全年目标任务,推动高质量发展。\n")
    assert lines_flagged("CHR006", text) == {2}


def test_chr006_section_heading_is_not_a_header() -> None:
    assert not flagged_in_middle("CHR006", "## 加快资源整合 催生发展新动能")
    assert not flagged_in_middle("CHR006", "相关部门负责人表示,将进一步完善最新文章管理制度。")


@pytest.mark.parametrize("line", ["服务粉丝", "我们一直在努力", "放大 缩小 默认", "返回顶部",
                                  "返回页首 | 关闭窗口", "下一篇：丽水经开区打造新产业平台"])
def test_chr007_ui_lines(line: str) -> None:
    assert flagged_in_middle("CHR007", line)


@pytest.mark.parametrize("line", ["评论", "大", "简评", "服务企业发展是我们一直在努力的方向。"])
def test_chr007_article_lines(line: str) -> None:
    assert not flagged_in_middle("CHR007", line)


# -- seeds --------------------------------------------------------------------------------
SEED_CHROME = {
    "000": set(range(117, 127)),
    "002": {1, 2, 3, 4, 8} | set(range(71, 103)),
    "003": {1, 5} | set(range(55, 64)) | set(range(65, 108)),
}


@pytest.fixture(scope="module")
def seed_findings() -> dict[str, tuple[Document, set[int]]]:
    result = Linter(select=["CHR"]).lint_paths([SEEDS], keep_documents=True)
    out = {}
    for doc in result.documents:
        out[Path(doc.path).name[:3]] = (doc, set())
    for f in result.findings:
        out[Path(f.path).name[:3]][1].update(range(f.location.line, f.location.end_line + 1))
    return out


@pytest.mark.parametrize("seed", ["000", "002", "003"])
def test_seed_chrome_found(seed: str, seed_findings) -> None:  # type: ignore[no-untyped-def]
    doc, flagged = seed_findings[seed]
    nonblank = {ln.number for ln in doc.lines if not ln.is_blank}
    missing = (SEED_CHROME[seed] & nonblank) - flagged
    assert not missing, f"chrome lines not found: {sorted(missing)}"


@pytest.mark.parametrize("seed", ["000", "001", "002", "003", "004"])
def test_seed_article_lines_not_flagged(seed: str, seed_findings) -> None:  # type: ignore[no-untyped-def]
    doc, flagged = seed_findings[seed]
    nonblank = {ln.number for ln in doc.lines if not ln.is_blank}
    wrong = (flagged & nonblank) - SEED_CHROME.get(seed, set())
    assert not wrong, f"article lines flagged: {sorted(wrong)}"


# -- real pages (fixtures/chrome, MIT) -----------------------------------------------------
def test_real_pages_precision_and_recall() -> None:
    labels = [json.loads(x) for x in (PAGES / "line_labels.jsonl").read_text().splitlines() if x]
    docs = [Document((PAGES / f"{r['id']}.raw.txt").read_text(encoding="utf-8"), path=r["id"]) for r in labels]
    result = Linter(select=["CHR"]).lint_documents(docs)
    flagged: dict[str, dict[int, str]] = {}
    for f in result.findings:
        for n in range(f.location.line, f.location.end_line + 1):
            flagged.setdefault(f.path, {}).setdefault(n, f.code)
    other = caught = 0
    for rec, doc in zip(labels, docs):
        lines = doc.text.split("\n")
        for n, lab in enumerate(rec["labels"], 1):
            hit = flagged.get(rec["id"], {}).get(n)
            if lab == "content":
                # long article lines are never flagged (short ones may be menu words that the
                # automatic labels call content; meta lines kept by the gold are CHR002's)
                assert not (hit and len(lines[n - 1].strip()) > 12 and hit != "CHR002"), lines[n - 1]
            else:
                other += 1
                caught += bool(hit)
    assert caught / other >= 0.7  # seven sample pages (72% today); bench/chrome_eval.py measures more


# -- template lines (corpus rule) ----------------------------------------------------------
BODIES = [
    "余姚经济开发区坚持项目为王,全力扩大有效投资,今年新引进亿元以上项目二十个。",
    "慈溪滨海经济开发区探索工业社区治理新路径,实行网格化管理,服务企业两千余家。",
    "丽水经开区打造半导体全产业链,三年来工业投资年均增长百分之二十七点七。",
    "宁波前湾新区加快建设汽车产业集群,整车产能突破一百万辆,配套企业超过三百家。",
    "温州龙湾区推进中国眼谷建设,集聚眼健康企业一百余家,形成完整产业链条。",
]
FOOTER = "浙江产业网 服务热线 欢迎投稿合作 关注我们获取更多资讯"


def template_flags(docs: list[Document], **config) -> set[tuple[str, int]]:  # type: ignore[no-untyped-def]
    linter = Linter(config or None, select=["CHR008"],
                    options={"CHR008": {"min_documents": 2, "min_groups": 2, "max_body_length": 1000}})
    return {(f.path, f.location.line) for f in linter.lint_documents(docs).findings}


def test_chr008_footer_across_five_documents() -> None:
    docs = [Document(f"{body}\n\n{FOOTER}\n", path=f"page{i}.txt") for i, body in enumerate(BODIES)]
    linter = Linter(select=["CHR008"])
    found = linter.lint_documents(docs).findings
    assert {(f.path, f.location.line) for f in found} == {(f"page{i}.txt", 3) for i in range(5)}
    assert all(f.related for f in found)
    # the rule starts afresh on the next run
    assert len(linter.lint_documents(docs[:2]).findings) == 0


def test_chr008_paragraph_shared_by_two_versions_is_not_template() -> None:
    shared = "园区坚持把创新摆在发展全局的核心位置,全面打开科创人才加速集聚的生动局面。"
    a = Document(f"{BODIES[0]}\n\n{shared}\n", path="a.txt")
    b = Document(f"{BODIES[1]}\n\n{shared}\n", path="b.txt")
    # without version groups the shared paragraph looks like a template line (thresholds at 2)
    assert ("a.txt", 3) in template_flags([a, b])
    grouped = template_flags([Document(a.text, path="a.txt"), Document(b.text, path="b.txt")],
                             **{"version-groups": [["a.txt", "b.txt"]]})
    assert grouped == set()


def test_chr008_reprints_detected_as_versions() -> None:
    article = "\n\n".join(BODIES) + "\n"
    docs = [Document(article, path=f"reprint{i}.txt") for i in range(5)]
    # body prose is counted (with the default max_body_length these 35-40 character sentences
    # are skipped as article text, and the test could not fail): only the version groups keep
    # the five reprints' paragraphs from being template lines
    linter = Linter(select=["CHR008"], options={"CHR008": {"max_body_length": 1000}})
    assert linter.lint_documents(docs).findings == []


# -- fixes --------------------------------------------------------------------------------
def test_fix_keeps_every_article_line() -> None:
    linter = Linter(select=["CHR"])
    for seed in sorted(SEEDS.glob("*.txt")):
        text = seed.read_text(encoding="utf-8")
        chrome = SEED_CHROME.get(seed.name[:3], set())
        article = [ln for n, ln in enumerate(text.split("\n"), 1) if n not in chrome and ln.strip("\u00a0 ")]
        fixed, _ = linter.fix_text(text, unsafe=True)
        kept = set(fixed.split("\n"))
        assert [ln for ln in article if ln not in kept] == [], seed.name


def test_safe_fix_removes_only_certain_chrome() -> None:
    text = (SEEDS / "002_2eca2bf41e059afb.txt").read_text(encoding="utf-8")
    fixed, applied = Linter(select=["CHR"]).fix_text(text)
    assert "当前位置:首页 > 财经 >" not in fixed and "相关阅读" not in fixed and "服务粉丝" not in fixed
    assert "日期: 来源:甬派客户端收集编辑:甬派客户端" in fixed  # meta line: unsafe only
    assert fixed.rstrip().endswith("浙江易安智能科技有限公司负责人说。")
    assert all(f.applicability.value == "safe" for f in applied)


# -- structure: runs, lists and frames after the article -----------------------------------
def test_tail_menu_run_spares_the_article_end_marker() -> None:
    text = ARTICLE.format(line="小标题") + "（完）\n网站首页\n新闻中心\n财经频道\n体育新闻\n娱乐频道\n"
    n_end = text.count("\n", 0, text.index("（完）")) + 1
    flagged = lines_flagged("CHR001", text)
    assert n_end not in flagged
    assert set(range(n_end + 1, n_end + 6)) <= flagged


def test_headerless_link_list_after_article() -> None:
    links = "\n".join(["·影视| 江山风雨情", "·汽车|车用香水特价", "·化妆|防晒全线促销", "·精品|运动休闲服饰"])
    text = ARTICLE.format(line="小标题") + links + "\n"
    start = text.count("\n", 0, text.index("·影视")) + 1
    assert set(range(start, start + 4)) <= lines_flagged("CHR006", text)


def test_numbered_article_list_after_prose_is_not_links() -> None:
    items = "\n".join(["1.认识明白神旨意的重要性", "2.了解明白神旨意的基本条件", "3.学会明白神旨意的方法", "4.每天研读"])
    assert not lines_flagged("CHR006", ARTICLE.format(line="小标题") + items + "\n")


def test_frame_lines_only_outside_body() -> None:
    assert flagged_after("CHR007", "------------------------------")
    assert not flagged_in_middle("CHR007", "------------------------------")
    assert not flagged_after("CHR007", "│")


def test_icon_font_glyph_between_ui_words() -> None:
    assert flagged_after("CHR007", "返目录\ue5e5下一页")


def test_chr008_thresholds_are_options() -> None:
    docs = [Document(f"{body}\n\n{FOOTER}\n", path=f"page{i}.txt") for i, body in enumerate(BODIES)]
    linter = Linter(select=["CHR008"], options={"CHR008": {"min_documents": 6, "min_groups": 6}})
    assert linter.lint_documents(docs).findings == []


def test_chr002_meeting_time_inside_notice_is_text() -> None:
    assert not flagged_in_middle("CHR002", "时间：2023年5月10日（星期三）上午9:00")
    assert not flagged_in_middle("CHR002", "日期：5月10日至12日")
    assert flagged_in_middle("CHR002", "来源：新华网")


def test_e_edition_page_list_is_a_menu() -> None:
    pages = "\n".join(["第01版：要闻", "第02版：要闻", "第03版：经济", "第04版：社会", "第05版：国际"])
    text = "人民日报 2022年02月13日\n上一版 下一版\n版面导航\n" + pages + "\n" + ARTICLE.format(line="小标题")
    assert set(range(4, 9)) <= lines_flagged("CHR001", text)


def test_timeline_entries_between_paragraphs_are_text() -> None:
    text = ("冬奥会开幕式直播\n\n北京时间2月4日晚,第二十四届冬季奥林匹克运动会开幕式在国家体育场隆重举行,全场观众热情高涨。\n\n"
            "20:00 开幕式倒计时开始\n\n20:05 国旗入场,全场起立\n\n20:30 运动员入场:各代表团依次入场\n\n21:40 主火炬点燃\n\n"
            "开幕式历时约两个半小时,展现了中国文化与奥林匹克精神的交融,获得各方好评。\n")
    assert Linter(select=["CHR"]).lint_text(text) == []


def test_chr009_reader_comments_after_blog_post() -> None:
    post = ("很高兴入住博客堂\n承蒙开心就好的邀请,很高兴入住博客堂。作为微软技术的知名社区,这里聚集了很多朋友。\n"
            "目前我在上海一家公司担任软件架构师,并讲授C#/.NET软件开发课程,希望以后和各位多多交流。\n")
    replies = "".join(f"# re: 很高兴入住博客堂 2004-12-27 12:{40 + k} 网友{k}\n欢迎欢迎,期待阅读你的大作!\n" for k in range(4))
    text = post + "评论\n" + replies
    found = Linter(select=["CHR009"]).lint_text(text)
    assert len(found) == 1 and found[0].location.line == 5  # from the first reply to the end
    assert found[0].fix is not None and found[0].fix.applicability.value == "unsafe"
    assert Linter(select=["CHR009"]).lint_text(post + "评论\n" + replies.split("\n", 2)[2]) != []
    one = post + "# re: 很高兴入住博客堂 2004-12-27 12:40 网友\n欢迎!\n"
    assert Linter(select=["CHR009"]).lint_text(one) == []


@pytest.mark.parametrize("line", ["版权所有权的归属问题", "食品经营许可证办理流程", "免责声明的法律效力"])
def test_chr004_headings_about_copyright_are_text(line: str) -> None:
    assert not flagged_in_middle("CHR004", line)


def test_one_and_two_character_lines_only_in_long_runs() -> None:
    # `日` / `中国`: a calendar cell or a menu item alone cannot be told from a word of the
    # article; a long vertical run of them before the article (issue 11) is a menu
    short = "\n".join(["首页", "新闻", "财经"])
    text = "江苏多地要求师生暂不返校\n" + short + "\n江苏多地要求师生暂不返校\n" + ARTICLE.format(line="小标题")
    assert not lines_flagged("CHR", text) & set(range(2, 5))
    menu = "\n".join(["首页", "新闻", "财经", "体育", "娱乐", "科技"])
    text = "江苏多地要求师生暂不返校\n" + menu + "\n江苏多地要求师生暂不返校\n" + ARTICLE.format(line="小标题")
    flagged = lines_flagged("CHR", text)
    assert set(range(2, 8)) <= flagged and 8 not in flagged


# -- CHR010: blocks of chrome grown from recognised lines ------------------------------------
PROSE = ("自治区财政厅传出最新消息：今年伊始，自治区决定延续部分到期的税收优惠政策，帮助市场主体纾困发展，"
         "预计四年为纳税人减负一百八十亿元。\n"
         "这些政策涉及小微企业、个体工商户和重点群体创业就业，财政部门将会同税务部门抓好落实。\n"
         "据测算，仅小规模纳税人增值税减免一项，每年就可惠及全区四十余万户市场主体，让政策红利直达快享。\n"
         "自治区税务局表示，将通过线上线下多种渠道开展政策宣传辅导，确保符合条件的纳税人应享尽享，"
         "不让一户企业因不了解政策而错过优惠。\n")


def test_chr010_sidebar_titles_after_interface_words() -> None:
    tail = ["返回顶部", "恋爱结婚", "许愿塔", "择吉黄历", "免费算命"]
    text = PROSE + "\n".join(tail) + "\n"
    flagged = lines_flagged("CHR010", text)
    assert flagged == {6, 7, 8, 9}  # the titles after the line CHR007 found (line 5 is CHR007's)
    assert lines_flagged("CHR", text) == {5, 6, 7, 8, 9}


def test_chr010_short_lines_between_article_and_first_anchor_are_kept() -> None:
    # the article ends with a short signature line; the block starts at the recognised chrome
    text = PROSE + "（完）\n记者 王芳\n返回顶部\n网站地图\n联系我们\n投稿须知说明\n"
    flagged = lines_flagged("CHR", text)
    assert not flagged & {1, 2, 3, 4, 5, 6}
    assert {7, 8, 9, 10} <= flagged


def test_chr010_long_run_above_the_article_keeps_headline_and_byline() -> None:
    head = ["麻辣社区", "道具中心", "银行中心", "社区农场", "版主工资", "开心词典", "社区相册",
            "税收优惠政策延续", "本报记者 李明"]
    text = "\n".join(head) + "\n" + PROSE
    flagged = lines_flagged("CHR010", text)
    assert {2, 3, 4, 5, 6, 7} <= flagged
    assert not flagged & {8, 9, 10, 11, 12}


def test_chr010_needs_an_article_to_be_outside_of() -> None:
    # a poem: short lines, no prose: nothing is "outside the article"
    poem = "静夜思\n床前明月光\n疑是地上霜\n举头望明月\n低头思故乡\n返回顶部\n上一篇\n下一篇\n"
    assert not lines_flagged("CHR010", poem)


def test_chr010_article_worksheet_after_prose_is_not_grown() -> None:
    # short lines right after the article with no chrome line before them stay
    text = PROSE + "我的问题\n圣经的原理\n环境的带领\n肢体的劝告\n最后决定\n"
    assert not lines_flagged("CHR", text)


# -- page title, schedules, lone bullets ------------------------------------------------------
@pytest.mark.parametrize("title", [
    "投身外交(3)_读书频道_新浪网",
    "从原子弹爆炸原理想开去 - 奇闻异事 - 雅虎社区",
    "海姑娘 | blog.wenxuecity.com",
])
def test_chr001_page_title_with_site_name(title: str) -> None:
    assert 1 in lines_flagged("CHR001", title + "\n" + PROSE)


@pytest.mark.parametrize("title", ["税收优惠政策延续 - 四年减负一百八十亿", "加快资源整合 催生发展新动能"])
def test_chr001_first_line_without_site_name_is_kept(title: str) -> None:
    assert 1 not in lines_flagged("CHR001", title + "\n" + PROSE)


@pytest.mark.parametrize("line", ["8:30－8:50 开幕式", "时 间：7:00－9:30", "7:30 《中国金融学》杂志作者读者见面会"])
def test_chr002_programme_times_are_not_timestamps(line: str) -> None:
    assert not flagged_after("CHR002", line)
    assert not flagged_in_middle("CHR002", line)


@pytest.mark.parametrize("line", [
    "由海姑娘张贴 @ 2005-06-14 03:25:55 (370) 共 11 篇评论 发表评论 >>>",
    "lr9111[219.130.79.*] 认为：",
    "〖笑笑〗回复: 《王丹：我们已经看到希望》",
])
def test_chr002_blog_and_forum_post_headers(line: str) -> None:
    assert flagged_in_middle("CHR002", line)


def test_chr006_lone_bullet_items_after_a_header_outside_the_article() -> None:
    items = ["最新文章", "•", "明天出远门了", "•", "珍惜生命-看望我一个朋友有感", "•", "这几天我很充实"]
    text = "\n".join(items) + "\n" + PROSE
    flagged = lines_flagged("CHR006", text)
    assert {1, 3, 5, 7} <= flagged
    assert not flagged & {8, 9, 10}


def test_chr010_between_prose_only_dense_blocks() -> None:
    # a sidebar between the article and a teaser lower down: dense with interface words -> taken
    teaser = "另据报道，今年全区还将出台一批稳增长的政策措施，进一步优化营商环境，激发市场主体活力。\n"
    side = ["返回顶部", "恋爱结婚", "打印本页", "许愿塔", "关闭窗口", "择吉黄历"]
    text = PROSE + "\n".join(side) + "\n" + teaser
    assert {6, 8, 10} <= lines_flagged("CHR010", text)
    # a table of the article between its paragraphs with one stray interface word -> left alone
    table = ["2021年", "一百亿元", "2022年", "一百八十亿元", "2023年", "两百亿元", "打印本页"]
    text = PROSE + "\n".join(table) + "\n" + teaser + PROSE
    assert not lines_flagged("CHR010", text) & set(range(5, 11))


def test_chr010_lone_bullets_inside_a_block_are_reported_words_are_not() -> None:
    tail = ["返回顶部", "•", "恋爱结婚", "•", "许愿塔", "中国", "择吉黄历"]
    text = PROSE + "\n".join(tail) + "\n"
    flagged = lines_flagged("CHR010", text)
    assert {6, 7, 8, 9, 11} <= flagged  # bullets and titles
    assert 10 not in flagged  # a two-character word stays (it could be the article's)


def test_chr006_headerless_list_of_cut_short_teasers() -> None:
    teasers = ["全国“五一”劳动奖章获得...", "新春走基层）公主岭三里堡...", "官方首次详解房地产税改革...",
               "“当国家队，染国家色，履...", "快手《冰雪队队碰》大年初..."]
    text = PROSE + "\n".join(teasers) + "\n"
    assert lines_flagged("CHR006", text) == {5, 6, 7, 8, 9}


def test_chr001_e_edition_page_entries_with_lettered_pages() -> None:
    pages = ["第A01版：头版", "第A02版：成长周刊", "第A03版：成长周刊", "第A04版：小记者训练营"]
    text = "河南日报 数字报\n" + "\n".join(pages) + "\n" + PROSE
    assert {2, 3, 4, 5} <= lines_flagged("CHR001", text)
    # inside the article a line naming a page is the article's
    assert not flagged_in_middle("CHR001", "第A02版：成长周刊")


def test_chr001_breadcrumb_ending_in_the_article_title() -> None:
    crumb = "麻辣社区 → 错误信息 → [原创]朋友,请正确客观认识凉山、西昌！ 【全文搜索】"
    assert 2 in lines_flagged("CHR001", "大话四川\n" + crumb + "\n" + PROSE)
    # inside the article, a route with a comment is text
    assert not flagged_in_middle("CHR001", "北京 → 天津 → 上海，一路向南，全程一千二百公里")


def test_chr002_comment_action_bar_with_date() -> None:
    assert flagged_in_middle("CHR002", "引用 投诉 支持 (2) 2004-12-13 09:02:13")
    assert not flagged_in_middle("CHR002", "支持引用外资的企业在2004-12-13前提交申请材料")


# a news page's tail (structure of a real Yahoo China page of the CWCED set): related list,
# an advertising slogan with full punctuation, advertisement titles, a sidebar, an advertising
# sentence no pack knows, the footer
AD_TAIL = ["来源：新闻晨报", "编辑：山石", "相关报道：",
           "·富夫妻望子成龙假离婚 三月后丈夫另娶妻子傻眼（2005-04-04）",
           "·沪银行关照直系亲属房贷记录 夫妻为同一借款人（2005-04-03）",
           "发送给朋友", "打印本文",
           "环球奇闻，娱乐绯闻，轻松点击获取前沿资讯！",
           "搜捕商机", "立可充 电池出租 席卷全国", "青春时尚 动感前卫", "上海十大最具潜力创业项目",
           "国际品牌 微笑服务", "教育界金字品牌出击", "开中国第一家暴利小店", "返回页首 | 关闭窗口",
           "风情男女", "聪明女人的婚姻地图", "金领生活痛并快乐着",
           "本店新到一批进口家具，款式新颖，价格实惠，欢迎广大顾客前来选购，地址就在人民路一百号。",
           "Copyright © 2003 Yahoo! Holdings (Hong Kong) Limited. 版权所有 不得转载"]


def test_chr010_stray_sentence_after_the_chrome_does_not_extend_the_article() -> None:
    # the advertising sentence near the footer is one sentence cut off from the article by the
    # recognised chrome: the article is the eight paragraphs, and the ads between are chrome
    text = PROSE + PROSE + "\n".join(AD_TAIL) + "\n"
    flagged = lines_flagged("CHR010", text)
    assert set(range(16, 24)) | {25, 26, 27} <= flagged  # slogan, ad titles, sidebar (24 is CHR007)
    assert not lines_flagged("CHR", text) & set(range(1, 9))


def test_chr010_article_sections_after_chrome_keep_the_article_whole() -> None:
    # an article interrupted by a share bar and a meta line, then more paragraphs: both parts
    # are the article (the second part is large), so its heading and short lines stay
    text = (PROSE + "分享到：\n打印本文\n编辑：山石\n第二部分\n" + PROSE + "相关图片\n" + PROSE)
    flagged = lines_flagged("CHR", text)
    assert not flagged & ({1, 2, 3, 4, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18})


def test_chr010_long_row_of_names_after_the_article() -> None:
    tail = ["返回顶部", "国家部委网站",
            "外交部 国防部 国家发展和改革委员会 教育部 科学技术部 工业和信息化部 国家民族事务委员会 公安部 民政部",
            "网站地图"]
    text = PROSE + "\n".join(tail) + "\n"
    assert {6, 7} <= lines_flagged("CHR010", text)


# -- forum and blog pages ----------------------------------------------------------------------
FORUM_MENU = ["恢复默认设置", "秋意盎然", "紫色淡雅", "青青河草", "橘子红了", "红红夜思", "粉色回忆",
              "水晶紫色", "黑白风格", "浓浓绿意", "蓝色水晶", "道具中心", "银行中心", "社区农场",
              "版主工资", "开心词典", "宠物中心", "社区监狱", "社区法院", "虚拟形象", "许愿塔",
              "择吉黄历", "免费算命", "彩票中心"]
ERROR_PAGE = ("您在发表帖子的时候发生错误,共有1项,下面是错误的详细信息\n"
              "错误的版面参数！请确认您是从有效的连接进入。\n"
              "请仔细阅读论坛帮助文件，确保您有相应的操作权限。\n"
              "您尚未登录，您可以输入您的用户名、密码登录以便进行您的操作。\n"
              "您可以选择隐身登录，论坛会员将在用户列表看不到您的信息。\n")


def test_chr010_menu_head_of_a_page_with_little_prose() -> None:
    # a forum error page: too little prose to place an article, but the long opening run of
    # menu items is page head; its last lines (a headline, a byline) and the message stay
    text = "大话四川-错误信息[麻辣社区]\n" + "\n".join(FORUM_MENU) + "\n" + ERROR_PAGE
    flagged = lines_flagged("CHR010", text)
    n = len(FORUM_MENU)
    assert set(range(2, n)) <= flagged  # lines 2 .. n-1; the last two menu lines are kept
    assert not flagged & set(range(n, n + 7))
    # head_keep = 0 keeps none of the run (it used to empty the run and raise IndexError)
    linter = Linter(select=["CHR010"], options={"CHR010": {"head_keep": 0}})
    flagged = {n for f in linter.lint_text(text) for n in range(f.location.line, f.location.end_line + 1)}
    assert flagged == set(range(2, n + 2))  # every menu line


def test_chr010_poem_before_a_short_note_is_not_head() -> None:
    # a poem without punctuation (lines longer than menu items) above a short note of prose
    poem = ["轻轻的闭上我的双眼又出现你的笑脸", "在那片雪花飘落的时候你可知道我在等你",
            "一遍一遍一遍遍说着心里的话", "一片一片一片片数着窗外雪花"] * 6
    text = "雪花\n" + "\n".join(poem) + "\n" + ERROR_PAGE
    assert not lines_flagged("CHR010", text)


@pytest.mark.parametrize("line", [
    "Saturday, September 10th, 2005 10:56 am",
    "Trackback: http://tb.donews.net/TrackBack.aspx?PostId=543698",
    "本文通告引用(Trackback)链接: /wp-trackback.php?p=1700",
    "你可以使用这个链接引用该篇文章 http://publishblog.blogchina.com/blog/tb.b?diaryID=275",
    "(本文发表于首页批评与建议, 已被阅读178次)",
    "《播客热潮迅速蔓延 挑逗传统传媒业》已有1件评论",
])
def test_chr002_blog_post_meta_after_the_article(line: str) -> None:
    assert flagged_after("CHR002", line)


@pytest.mark.parametrize("line", [
    "他在2005年9月写道：博客的引用通告功能让文章之间互相连接。",
    "May 4th, 1919 is remembered as the start of the New Culture Movement in China.",
])
def test_chr002_blog_words_in_article_sentences(line: str) -> None:
    assert not flagged_in_middle("CHR002", line)


def test_chr004_long_english_legal_footer() -> None:
    footer = ("Copyright © 2005 wenxuecity.com. All Rights Reserved. WENXUECITY.COM does not represent or "
              "guarantee the truthfulness, accuracy, or reliability of any of communications posted by other "
              "users. Use of this Web site constitutes acceptance of wenxuecity.com User Agreement and Privacy Policy.")
    assert flagged_after("CHR004", footer)


@pytest.mark.parametrize("line", ["[精华区] 版主：[申请版主]", "查看完整版本: 社会资本、人力资本与下岗职工的再就业",
                                  "上一主题 下一主题", "发新帖 | 回复"])
def test_chr007_forum_board_lines(line: str) -> None:
    assert flagged_after("CHR007", line)


@pytest.mark.parametrize("line", ["版主", "他当了三年版主，从没拿过一分钱报酬。"])
def test_chr007_forum_words_in_article(line: str) -> None:
    assert not flagged_in_middle("CHR007", line)


def test_chr006_numbered_comment_list_before_the_article() -> None:
    # a blog sidebar above the post: "最新评论" and items numbered with a middle dot
    side = ["最新评论", "1·小伙子哈不错！~~~~ 支持你", "2·超级喜欢心如 你是最棒的也是最美丽的 永远支...",
            "3·心如很漂亮的~", "4·希望尽快的搞好一点，不然说坏话的人就多了啊~~~"]
    text = "\n".join(side) + "\n" + PROSE
    assert {1, 2, 3, 4, 5} <= lines_flagged("CHR006", text)
    # "1·28" (a date written with a middle dot) opens no list item
    assert not lines_flagged("CHR006", "最新评论\n1·28事变后，十九路军奋起抵抗。\n" + PROSE) - {1}


def test_chr009_forum_reply_tree_after_the_first_post() -> None:
    # a forum's reply tree: each reply title with its author, time, size and views/replies
    replies = ["这算什么?!【添堂客】08-21 09:52 140字 [142/0]", "不敢想象【Sunbear】08-21 10:27 53字 [115/0]",
               "来新疆吧！特别是伊犁人实在！【自由づd舞】08-21 12:59 53字 [115/0]",
               "是的，不是一次了。【山花烂漫27】08-22 15:16 128字 [159/0]"]
    text = PROSE + "\n".join(replies) + "\n"
    flagged = lines_flagged("CHR009", text)
    assert {5, 6, 7, 8} <= flagged
    assert not flagged & {1, 2, 3, 4}


def test_chr002_forum_post_header() -> None:
    assert flagged_after("CHR002", "本帖由小李于2005-8-12 16:12在〖杂谈〗发表")


@pytest.mark.parametrize("line", [
    "以下是引用大卫在2005-8-12 16:12:21的发言：",
    "积分 1234 帖子 456 精华 0",
    "今日: 123|昨日: 456|帖子: 78901|会员: 2345",
    "当前在线 123 人",
])
def test_chr002_forum_profile_statistics_and_quote_headers(line: str) -> None:
    assert flagged_in_middle("CHR002", line)


@pytest.mark.parametrize("line", [
    "他在论坛注册三年，积分 1234 分，发过的帖子有 456 篇。",
    "以下是引用的原文，请读者对照阅读。",
    "目前在线学习的学生已超过 3000 人，平台运行平稳。",
])
def test_chr002_forum_words_in_article_sentences(line: str) -> None:
    assert not flagged_in_middle("CHR002", line)


@pytest.mark.parametrize("line", ["第3楼", "举报 | 编辑", "第12楼 引用 举报"])
def test_chr007_forum_post_bar(line: str) -> None:
    assert flagged_after("CHR007", line)


def test_chr007_edit_word_alone_in_article_is_text() -> None:
    assert not flagged_in_middle("CHR007", "编辑 删除")


@pytest.mark.parametrize("line", ["微信快速登录", "微信扫码，快速登录", "您已成功扫描， 请在微信上确认登录"])
def test_chr003_scan_to_log_in_prompts(line: str) -> None:
    assert flagged_after("CHR003", line)


def test_chr003_scan_to_log_in_in_a_sentence_is_text() -> None:
    assert not flagged_in_middle("CHR003", "不少老人不会用微信扫码登录，只能请子女帮忙。")


def test_chr010_head_run_ending_at_the_headline_keeps_no_lines() -> None:
    # a forum's head: menus, a breadcrumb, the poster's user box, then the thread title
    head = ["从原子弹爆炸原理想开去 - 奇闻异事 - 雅虎社区", "邮箱 | 助手 | 相册| 雅虎通", "帮助 社区地图",
            "进入社区 搜索帖子内容 搜带图帖", "社区首页 > 社会探索 > 奇闻异事", "cjy52191", "级别：入学了",
            "积分：235", "看我还写了啥？", "我收藏的：图片 音乐", "从原子弹爆炸原理想开去"]
    text = "\n".join(head) + "\n" + PROSE
    flagged = lines_flagged("CHR", text)
    assert {9, 10} <= flagged  # the user box right above the headline
    assert not flagged & {11, 12, 13, 14, 15}  # headline and article


def test_chr009_comment_count_heading_opens_the_section() -> None:
    comments = ["《减税政策》已有1件评论", "新宠的评论", "September 19th, 2005 at 7:32 pm",
                "写得很好，政策红利确实看得见，我们小店今年就少交了不少税。", "发表名", "个人主页"]
    text = PROSE + "\n".join(comments) + "\n"
    flagged = lines_flagged("CHR009", text)
    assert set(range(5, 11)) <= flagged
    assert not flagged & {1, 2, 3, 4}


def test_chr009_comment_count_without_a_dated_reply_is_not_a_section() -> None:
    text = PROSE + "共有5条回复\n写得很好，政策红利确实看得见，我们小店今年就少交了不少税。\n"
    assert not lines_flagged("CHR009", text)


# -- real article lines that were flagged on the pages of bench/chrome_eval.py ------------------
# A government notice closes with its signer and the date under it (held-out gov page
# cwced-e8847578): the date is the document's own, not a page timestamp.
NOTICE = [
    "吉政明电〔2022〕1号",
    ("为做好吉林省嫩江干流补充治理工程建设，确保工程前期建设征地实物调查工作顺利进行，维护相关单位和人民群众合法权益，"
     "根据《大中型水利水电工程建设征地补偿和移民安置条例》等相关规定，现就有关事项通告如下："),
    "三、自本通告发布之日起，上述区域内新迁入的人口不享有相关补偿政策。",
    ("松原市、白城市和前郭县、大安市、镇赉县政府要切实履行属地管理责任，加强组织领导，严格执行国家和省政府相关规定，"
     "对于违反上述规定的单位和个人必须坚决制止并依法严肃查处。"),
    "特此通告。",
    "吉林省人民政府",
    "2022年1月27日",
]


def test_chr_notice_signer_and_date_are_text() -> None:
    text = "\n".join(NOTICE) + "\n扫一扫在手机打开当前页\npdf下载 word下载\n"
    flagged = lines_flagged("CHR", text)
    assert not flagged & set(range(1, 8))
    assert {8, 9} <= flagged  # the page's share prompt and download bar after it


def test_chr002_page_timestamp_after_the_article_is_still_meta() -> None:
    # no signer above it, or a clock time in it: the date is the page's
    assert flagged_after("CHR002", "2022年1月27日")
    signed = "\n".join(NOTICE[:-1]) + "\n2022-01-27 09:30\n"
    assert 7 in lines_flagged("CHR002", signed)


def test_chr006_subheading_after_an_ad_box_inside_the_article() -> None:
    # an ad box dropped between two stories of an article (held-out news page cwced-3832838a):
    # the box is a link list, the heading under it belongs to the next story
    text = "\n".join([
        ("近日，惊爆台湾本土天王吴宗宪被打，娱乐圈被打事件频频发生。涉及赌债，感情纠葛，原因种种。"
         "然港台明星被打时间频繁发生的背后，让我们惊骇黑色会涉圈之深。让我们回顾一下众明星被打事件："),
        "·", "医疗关注--前列腺新发现", "·", "皮肤顽疾----康复圣地", "·", "国际认证：专治口臭、溃疡", "·",
        "★07男人--补肾新药（图）",
        "宪哥被打成“猪头”",
        ("2005年4月18日吴宗宪进棚录像，凌晨收班后，于2、3点在忠孝东路一带餐厅用餐，出来的时候在忠孝东路216巷附近，"
         "突然被4、5名不明人士殴打，随即立刻送到国泰医院救治，就当前了解，吴宗宪伤势并不严重，之后立刻报警备案。详情"),
        "整容手术后，露面说案情",
        ("2004年6月，艺人贺一航也传出疑因欠下赌债及惹了大哥女人而遭痛殴，外界众说纷纭，但贺一航在基隆长庚医院接受整容"
         "手术后，露脸向媒体说明一切。贺一航说他不知道打他的人是谁，不过可能和他拒拍某广告，以及价钱谈不拢有关。"),
    ]) + "\n"
    flagged = lines_flagged("CHR", text)
    assert {3, 5, 7, 9} <= flagged  # the ad links
    assert not flagged & {1, 10, 11, 12, 13}


def test_chr002_field_of_an_encyclopedia_entry_is_not_a_date_label() -> None:
    # a singer's discography between paragraphs of the entry (held-out encyclopedia page
    # cwced-d5bced5e): "发行日期" (release date) is the album's field, not the page's "日期：" label
    albums: list[str] = []
    for name, date in [("首张正规专辑《Renaissance》", "2001年12月14日"), ("第二张正规专辑《Sad Story》", "2004年6月19日"),
                       ("第三张正规专辑《Brother》", "2005年7月1日"), ("第四张正规专辑《Journey》", "2006年4月13日")]:
        albums += [name, f"发行日期：{date}", "语言：韩语", "唱片公司：Synnara Music", "曲目"]
    text = PROSE + "\n".join(albums) + "\n" + PROSE
    assert not lines_flagged("CHR", text)
    assert flagged_after("CHR002", "日期：2001年12月14日")


def test_chr008_pre_commit_counts_the_rest_of_the_corpus_through_the_index(cli, tmp_path) -> None:
    """One changed page is checked (pre-commit); the footer it shares with four other pages of the
    corpus root is found through the persisted index, shown with the other pages' lines."""
    (tmp_path / ".git").mkdir()  # the corpus root
    for i, body in enumerate(BODIES):
        (tmp_path / f"page{i}.txt").write_text(f"{body}\n\n{FOOTER}\n", encoding="utf-8")
    args = ["check", "--select", "CHR008", "--output-format", "json"]
    out = cli(*args, "page0.txt", cwd=tmp_path)
    found = json.loads(out.stdout)["findings"]
    assert [(f["path"], f["line"], f["code"]) for f in found] == [("page0.txt", 3, "CHR008")]
    assert "in 5 documents" in found[0]["message"]
    shown = {r["path"] for r in found[0]["related"]}
    assert len(shown) == 3 and shown <= {f"page{i}.txt" for i in range(1, 5)}
    assert all((r["line"], r["column"], r["end_column"]) == (3, 1, 29) for r in found[0]["related"])
    again = cli(*args, "page0.txt", cwd=tmp_path)  # warm index: the same answer
    assert json.loads(again.stdout)["findings"] == found
    alone = cli(*args, "--no-cache", "page0.txt", cwd=tmp_path)
    assert json.loads(alone.stdout)["findings"] == []  # without the index one page is all there is


def test_chr008_pre_commit_reprints_in_the_corpus_are_one_article(cli, tmp_path) -> None:
    """A heading shared by five reprints of one article is no template line, also when only one
    reprint is checked and the others are known through the index only."""
    (tmp_path / ".git").mkdir()
    article = "加快资源整合 催生发展新动能\n\n" + "\n\n".join(BODIES) + "\n"
    for i in range(5):
        (tmp_path / f"reprint{i}.txt").write_text(article, encoding="utf-8")
    out = cli("check", "--select", "CHR008", "--output-format", "json", "reprint0.txt", cwd=tmp_path)
    assert json.loads(out.stdout)["findings"] == []
    # the same heading on five unrelated pages is a template line
    for i, body in enumerate(BODIES):
        (tmp_path / f"reprint{i}.txt").write_text(f"加快资源整合 催生发展新动能\n\n{body}\n", encoding="utf-8")
    out = cli("check", "--select", "CHR008", "--output-format", "json", "reprint0.txt", cwd=tmp_path)
    assert [f["line"] for f in json.loads(out.stdout)["findings"]] == [1]


# -- the page model's runs and guards (issue 11) ------------------------------------------------
_ARTICLE = "".join(f"这是文章的第{k}句话，讲述了城市发展的很多具体情况和细节，内容比较长一些。\n" for k in range(8))


def _chr(text):
    return [(f.code, f.location.line, f.location.end_line) for f in Linter(select=["CHR"]).lint_text(text)]


def test_long_run_of_short_menu_items_above_the_article_is_chrome():
    menu = "\n".join(["首页", "滚动", "国内", "国际", "财经", "声音", "专题"]) + "\n"
    text = "某某网站\n" + menu + "城市发展新闻\n" + _ARTICLE
    found = _chr(text)
    # the run ends at the first sentence: its last two lines (a headline, a byline) stay
    assert found == [("CHR010", 2, 7)]


def test_short_list_ending_the_article_is_not_chrome():
    items = "\n".join(["圣经的原理", "环境的带领", "肢体的劝告", "行动的动机", "心中的负担", "自己的能力"]) + "\n"
    assert _chr("城市发展新闻\n" + _ARTICLE + items) == []


def test_document_number_keeps_the_official_title():
    text = ("某省人民政府网\n分享到 - 微信\n某省人民政府关于禁止在\n某某工程建设\n征占地范围内新增建设项目\n"
            "和迁入人口的通告\n某政明电〔2022〕1号\n" + _ARTICLE)
    assert not [f for f in _chr(text) if f[0] == "CHR010" and f[2] >= 3]


def test_notice_own_contact_lines_are_not_an_ad():
    text = ("会议通知\n" + _ARTICLE + "会务组负责人联系方式：\n沈某 老师\n电话：022-23501436\n"
            "电子邮件：shen@example.edu.cn\n")
    assert not [f for f in _chr(text) if f[0] == "CHR005"]
    ad = "会议通知\n" + _ARTICLE + "厂房土地租售:400 0123 021\n或微信/手机:13391219793\n"
    assert [f for f in _chr(ad) if f[0] == "CHR005"]


def test_traditional_comment_headers_with_a_date_open_a_comment_thread():
    replies = "".join(f"#{k} 用户{k} 於 2016/12/{k + 10} 回覆\n謝謝分享，寫得很好，很有意思的文章。\n" for k in range(1, 5))
    found = _chr("城市发展新闻\n" + _ARTICLE + replies)
    assert ("CHR009", 10, 17) in found


def test_table_rows_inside_the_article_are_never_chrome():
    rows = "".join(f"{2000 + k}年  金马奖  最佳影片  《电影{k}》\n" for k in range(6))
    text = "城市发展新闻\n" + _ARTICLE + rows + _ARTICLE
    assert not [f for f in _chr(text) if f[1] <= 15 and f[2] >= 10]


# -- repeated lines: widgets and comment buttons (issue 11, unseen magic-html pages) ------------
WIDGET = ["为什么显示这个广告？", "这个广告令我不安", "这个广告与我无关", "提交"]
TEASERS = [("纳达尔现身练球 六千人争睹", "网球名将纳达尔昨天现身法国公开赛球场练球，吸引六千名球迷到场观看，打不打法网就将揭晓。"),
           ("乔帅夺得第一千一百场胜利", "网球好手乔科维奇今天在日内瓦赢得职业生涯第一千一百场胜利，并在球场上庆祝三十七岁生日。"),
           ("法网前夕 斯威雅蒂盼留名", "波兰网球名将斯威雅蒂知道自己将在法网卫冕，她希望在网球历史上留下自己的名字。")]


def test_chr010_feed_of_teasers_between_repeated_widgets_is_chrome() -> None:
    feed = []
    for title, teaser in TEASERS:
        feed += [title, teaser, "广告", *WIDGET]
    text = "标题\n" + PROSE + "其他人也在看\n" + "\n".join(feed) + "\n"
    flagged = lines_flagged("CHR010", text)
    start = 1 + PROSE.count("\n") + 1  # the line "其他人也在看"
    widget_lines = {start + 1 + k * 7 + 3 + j for k in range(3) for j in range(4)}
    assert widget_lines <= flagged  # every copy of the box, reported however short
    assert {start + 1 + k * 7 for k in range(1, 3)} <= flagged  # the titles past the first box
    assert not flagged & set(range(2, start))  # the article


def test_chr010_flowchart_cells_repeated_one_by_one_are_no_widget() -> None:
    chart = ["开始", "↓", "动", "的", "动", "↓", "是", "否", "是", "否", "动", "的", "动", "↓", "结束"]
    text = "标题\n" + PROSE + "\n".join(chart) + "\n" + PROSE
    assert not lines_flagged("CHR", text)


def test_chr009_thread_of_comments_ending_with_date_and_reply_button() -> None:
    comments = []
    for who, what in [("人生有点甜", "支持平台做法，今天擦边不管，明天就啥都敢露。"), ("立杆无影", "网红直播就是个得寸进尺的市场。"),
                      ("午夜阳光", "偷拍别人，害人害己，得不偿失。"), ("南方之南", "之前看到过说这家汽车公司不会营销，现在看来确实不会。")]:
        comments += [who, what, "上海网友", "5月19日", "回复"]
    text = "标题\n" + PROSE + "评论 66\n" + "\n".join(comments) + "\n"
    flagged = lines_flagged("CHR009", text)
    first = 1 + PROSE.count("\n") + 2 + 3  # the first comment's date line
    lines = text.split("\n")
    # from it to the end of the page (the two-character reply buttons themselves stay: no
    # line of one or two characters is deleted outside a run of items)
    assert {n for n in range(first, len(lines)) if len(lines[n - 1]) >= 3} <= flagged
    assert not flagged & set(range(1, first))
    # the same lines repeated inside an article (a refrain) are not a comment thread
    assert not lines_flagged("CHR009", "标题\n" + PROSE + "\n".join(["回复", PROSE.split("\n")[0]] * 3) + "\n" + PROSE)


def test_chr010_table_of_contents_above_the_text_is_the_articles() -> None:
    toc = ["目 录：", "导 言", "第一章 发展历程", "一、百年征程铸就新辉煌", "二、现代化改变了中国", "第二章 实践路径",
           "一、领导是根本保障", "二、坚持以人民为中心", "三、独立自主是必由之路", "四、改革开放是关键一招"]
    text = "中国式现代化发展之路\n" + "\n".join(toc) + "\n" + PROSE * 2
    assert not lines_flagged("CHR010", text) & set(range(2, 2 + len(toc)))
