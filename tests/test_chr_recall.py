"""CHR recall on the page model (issue 11): feeds of other articles (headline, teaser, date
again and again) after the article, runs of headlines with commas, and a page whose article is
a short poem under the site's menus. A chronology inside an article is no feed."""

from __future__ import annotations

from corpuslint import Linter

HEAD = "静夜思-中国诗歌网\n首页 > 诗歌 > 正文\n"
ARTICLE = (
    "城市建设取得新进展\n"
    "市政府昨天召开新闻发布会，介绍了今年城市建设的主要进展和下一步工作安排。\n"
    "据介绍，全市今年新建和改造道路一百二十公里，新增公园绿地八十多处，市民出行更加便利。\n"
    "发布会上，有关部门负责人回答了记者提问，表示将继续加大老旧小区改造力度，改善居住条件。\n"
    "负责人说，明年还将启动一批重点项目，包括地铁延伸线、城市绿道和社区养老服务中心。\n"
)
FEED = (
    "分享到：\n"
    "2024秋冬中国国际时装周开幕\n"
    "2024年3月23日，由中国服装设计师协会主办的时装周在北京开幕。\n"
    "2024-03-26 21:07\n"
    "新疆博斯腾湖现“推冰”奇观\n"
    "2024年2月28日，新疆维吾尔自治区博斯腾湖出现推冰景观。\n"
    "2024-02-29 18:59\n"
    "江西吉州：生态公园景色宜人\n"
    "2024年1月12日，江西省吉安市吉州区的生态公园景色宜人。\n"
    "2024-01-13 19:43\n"
    "云南元阳：万亩梯田樱花开\n"
    "2023年12月26日，在云南省红河哈尼族彝族自治州元阳县，樱花盛开。\n"
    "2023-12-26 15:39\n"
)
# the article's own chronology: dates alone on their lines, the events as sentences
CHRONOLOGY = (
    "2019-05-01\n"
    "项目正式立项，市政府成立了专门的工作小组负责推进。\n"
    "2020-03-15\n"
    "一期工程开工建设，当年完成投资超过十亿元。\n"
    "2021-10-20\n"
    "一期工程竣工验收，二期工程随即启动建设。\n"
    "2022-12-31\n"
    "全部工程完工，新区正式投入使用并对外开放。\n"
)


def flagged(text: str) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for f in Linter(select=["CHR"]).lint_text(text):
        for n in range(f.location.line, f.location.end_line + 1):
            out.setdefault(n, set()).add(f.code)
    return out


def test_feed_of_other_articles_after_the_article() -> None:
    text = HEAD + ARTICLE + FEED + "版权所有 某某网\n"
    got = flagged(text)
    start = len((HEAD + ARTICLE).split("\n"))  # the line of `分享到：`
    feed = range(start + 1, start + 13)
    assert all(n in got for n in feed), got
    assert not any(n in got for n in range(4, 8)), got  # the article's sentences


def test_chronology_of_the_article_is_no_feed() -> None:
    text = HEAD + ARTICLE + CHRONOLOGY + ARTICLE.split("\n", 1)[1] + "分享到：\n版权所有 某某网\n"
    got = flagged(text)
    first = len((HEAD + ARTICLE).split("\n"))
    assert not any(n in got for n in range(first, first + 8)), got


def test_headlines_with_commas_after_the_article_are_a_link_list() -> None:
    titles = ["资本动态|拉夏贝尔陨落：业绩陷入巨亏，股价续创历史新低", "资本动态 | 涉足人造肉股价大涨，金字火腿却收监管函",
              "资本动态|10只区块链概念股涨停，金冠股份、中青宝遭深交所关注", "中信银行聘任贺劲松为副行长，管理层调整为一正四副",
              "业绩连年增长超30%，亿联网络收半年报问询函", "商赢环球拟1元收购关联方资产，收上交所问询函"]
    text = HEAD + ARTICLE + "分享到：\n" + "\n".join(titles) + "\n版权所有 某某网\n"
    got = flagged(text)
    first = len((HEAD + ARTICLE).split("\n")) + 1
    assert all(n in got for n in range(first, first + len(titles))), got


def test_short_poem_page_under_menus() -> None:
    # the page's longest sentences are its copyright notice: the article is a short poem,
    # whose menu run above it and the site's lists below a recognised line are chrome
    menu = "\n".join(["首页", "诗人", "诗歌", "诗讯", "投稿", "注册", "登录", "收藏本站", "栏目", "搜索",
                      "活动", "征文", "图片", "出版", "专题", "视频", "诗学", "观点", "课堂", "期刊",
                      "书画", "个人中心", "退出"])
    poem = "深夜看书须尽欢，\n明月照亮浊酒案。\n一杯美酒空对月，\n酌酒吟诗五千年。\n"
    note = "夜深人静时，是自己一天最轻松的时刻，此时品品红酒、读读诗书，别有一番滋味。\n"
    ranking = "\n".join(["诗人活跃榜", "寒丹", "合州散人", "林基强", "李念恒", "沈学超", "严晓鸿", "黄世宇"])
    foot = ("版权所有：中国诗歌网 本网站所刊登的各种新闻、信息和各种专题专栏资料，均为本网站版权所有，"
            "未经协议授权，禁止下载使用。凡本网注明来源的作品，版权均属于原作者，如未经著作权人授权用于他处，"
            "著作权人保留依法追究的权利。\n")
    text = "静夜思•夜-中国诗歌网\n" + menu + "\n" + poem + note + "扫描二维码以在移动设备观看\n投诉举报\n" + ranking + "\n" + foot
    got = flagged(text)
    lines = text.split("\n")
    assert all(n in got for n in range(2, 22)), sorted(got)  # the menu, bar its last two lines
    assert not any(lines[n - 1] in poem + note and n in got for n in range(1, len(lines))), got
    assert {n for n, t in enumerate(lines, 1) if t in ("合州散人", "林基强", "李念恒", "沈学超")} <= set(got), sorted(got)


def test_comment_thread_from_its_count_heading() -> None:
    # a news app's comments: a heading with the count, the comment box, then every comment
    # under its author with `回复·05月10日`
    thread = ("举报\n评论 139\n请先 登录 后发表评论～\n全部表情\n评论\n辽阔\n12\n"
              "对共建一带一路国家进出口分别增长，这个数据很亮眼，点赞！\n回复·05月10日\n"
              "诗和远方\n147\n外贸企业加油，期待下半年更好的表现。\n回复·05月10日\n"
              "冰雪之石\n184\n政策效应逐步显现，新动能加快培育。\n回复·05月10日\n")
    text = HEAD + ARTICLE + thread
    got = flagged(text)
    start = len((HEAD + ARTICLE).split("\n")) + 1  # the line of `评论 139`
    assert all(n in got for n in range(start, start + 16)), got
    assert {start, start + 6, start + 7, start + 14} <= {n for n, codes in got.items() if "CHR009" in codes}, got
    assert not any(n in got for n in range(3, 8)), got
