"""CHR precision on the page model (issue 11): a metadata table (`索 引 号：` / `发布机构：` …)
is the document's record wherever it stands, tables and infoboxes inside the body are content,
and a text with no recognised chrome line grows no chrome block. None of their rows is flagged
by any CHR rule or deleted by a fix."""

from __future__ import annotations

from corpuslint import Linter
from corpuslint.text import CHARS

# a government notice's metadata table (field and value on two lines) and its text
GOV_TABLE = (
    '索 引 号：\n'
    '11220000013544357T/2022-00123\n'
    '主题分类：\n'
    '综合政务\n'
    '发布机构：\n'
    '吉林省人民政府\n'
    '发文日期：\n'
    '2022年01月27日\n'
)
GOV_BODY = (
    '各市（州）人民政府，长白山管委会，各县（市）人民政府，省政府各厅委办、各直属机构：\n'
    '现将《吉林省促进经济平稳增长若干措施》印发给你们，请认真贯彻执行。各地区、各部门要结合实际，细化工作举措，确保各项政策落地见效。\n'
    '一、加大财政支持力度。统筹用好各级财政资金，重点支持重大项目建设，对符合条件的企业给予贴息补助，切实减轻企业负担。\n'
    '二、强化金融服务保障。引导金融机构加大信贷投放，扩大普惠小微贷款规模，降低企业综合融资成本，支持实体经济发展。\n'
    '吉林省人民政府\n'
    '2022年1月27日\n'
)

# a government notice under its site menu, its metadata table (field and value on two lines)
# between the menu and the headline
GOV_MENU = (
    '吉林省人民政府\n'
    '首页\n'
    '政务公开\n'
    '政策文件\n'
    + GOV_TABLE +
    '新闻\n'
    '服务\n'
    '互动\n'
    '吉林省人民政府关于印发吉林省促进经济平稳增长若干措施的通知\n'
    + GOV_BODY
)

# the same notice saved without the site around it: the metadata table opens the text
GOV_BARE = (
    '吉林省人民政府关于印发吉林省促进经济平稳增长若干措施的通知\n'
    + GOV_TABLE +
    '文\u3000\u3000号：\n'
    '吉政发〔2022〕1号\n'
    + GOV_BODY
)

# a short poem-like run above an article, no chrome line anywhere
NO_CHROME = (
    '春\n'
    '夏\n'
    '秋\n'
    '冬\n'
    '山川\n'
    '河流\n'
    '草木\n'
    '飞鸟\n'
    '鱼虫\n'
    '四季歌\n'
    '文／张三\n'
    '春天来了，田野里一片生机勃勃的景象。农民们早早地来到地里，开始了一年的耕作，脸上洋溢着丰收的希望。\n'
    '村口的老槐树下，几位老人坐在石凳上聊天，说起当年的往事，大家都感慨万千，仿佛一切就发生在昨天。\n'
    '孩子们在河边玩耍，捉鱼摸虾，笑声传遍了整个村庄。傍晚时分，炊烟袅袅升起，家家户户飘出饭菜的香味。\n'
)

# an awards table and a concert list inside the article body of a page with chrome
BODY_TABLE = (
    '首页 > 娱乐 > 明星\n'
    '2019年，她凭借这部电影获得了多个重要奖项，成为当年最受瞩目的演员之一，也让更多观众认识了她。\n'
    '获奖记录\n'
    '年份    奖项    作品    结果\n'
    '2019    金鸡奖    《长路》    获奖\n'
    '2020    百花奖    《长路》    提名\n'
    '2021    华表奖    《远方》    获奖\n'
    '演唱会\n'
    '2018\n'
    '北京\n'
    '上海\n'
    '广州\n'
    '深圳\n'
    '此后，她继续活跃在大银幕上，并开始尝试执导自己的第一部作品，受到业内人士的广泛关注与好评。\n'
    '她表示，未来将继续专注于电影创作，希望能够带给观众更多有温度、有力量的作品，回报大家的支持。\n'
    '分享到：\n'
    '版权所有 某某网\n'
)


def flagged(text: str, select: str = "CHR") -> dict[int, set[str]]:
    out: dict[int, set[str]] = {}
    for f in Linter(select=[select]).lint_text(text):
        for n in range(f.location.line, f.location.end_line + 1):
            out.setdefault(n, set()).add(f.code)
    return out


def rows(text: str, first: int, last: int) -> list[str]:
    return text.split("\n")[first - 1:last]


def test_no_menu_run_over_metadata_table_rows() -> None:
    got = flagged(GOV_MENU)
    assert not any(n in got for n in range(5, 13)), got  # the table: lines 5-12
    # the site menu above it is still found (`首页`, two characters, is too short to judge)
    assert got == {1: {"CHR001"}, 3: {"CHR001"}, 4: {"CHR001"}}, got


def test_metadata_table_opening_the_text_is_no_meta_line_nor_chrome_block() -> None:
    assert flagged(GOV_BARE) == {}


def test_fix_never_deletes_a_metadata_table() -> None:
    for text, (first, last) in ((GOV_MENU, (5, 12)), (GOV_BARE, (2, 11))):
        fixed, _ = Linter(select=["CHR"]).fix_text(text, unsafe=True)
        for row in rows(text, first, last):
            assert row in fixed.split("\n"), row


MORE_PROSE = ("夜深了，村庄渐渐安静下来，只有几声狗叫偶尔打破宁静。月光洒在屋顶上，像铺了一层薄薄的霜。\n"
              "第二天一早，鸡鸣声此起彼伏，新的一天又开始了。人们扛起锄头走向田野，继续着平凡的日子。\n")


def test_no_chrome_block_without_a_chrome_line() -> None:
    # with little prose (the short-page path) and with an article's worth of it
    for text in (NO_CHROME, NO_CHROME + MORE_PROSE):
        assert flagged(text, "CHR010") == {}
        assert flagged(text) == {}


def test_body_table_rows_are_content() -> None:
    got = flagged(BODY_TABLE)
    assert set(got) == {1, 16, 17}, got  # breadcrumb, share prompt, copyright: nothing else
    fixed, _ = Linter(select=["CHR"]).fix_text(BODY_TABLE, unsafe=True)
    for row in rows(BODY_TABLE, 3, 13):
        assert row in fixed.split("\n"), row


# a poem from clean news (People's Daily 1998, tune half of bench/chrome_clean_news.py): its
# first line recurs as the first line of the second stanza; that is no page title and headline
POEM = ("归来的雁阵飞过渭水\n陕北，蒲公英就开放了\n窑洞向阳的墙角，在\n秦皇战车碾过的大道旁\n像一盏黄晕的灯光\n"
        "半是美丽，半是凄惶\n从黄土，从历史，\n生出的不起眼的蒲公英\n开得那么认真和坦荡\n矢志报偿护卫它的\n"
        "黄河的臂弯，秦岭的胸膛\n以一个民族庄严的肤色\n开放在陕北春天的身旁\n归来的雁阵飞过渭水\n"
        "陕北，蒲公英就开放了\n黄土陡壁的缝缝上，在\n干河滩沟壑的羊圈旁\n它看见了，看见了，千百年来这片土地上的人们怎样生活。\n")


def test_poem_refrain_is_no_page_title_and_headline() -> None:
    assert flagged(POEM) == {}


def test_derived_character_sets_agree_with_their_parts() -> None:
    assert CHARS.clause == CHARS.comma | CHARS.semicolon
    assert CHARS.sentence_final | CHARS.ellipsis | CHARS.colon | CHARS.closers <= CHARS.paragraph_final
    assert "］" in CHARS.paragraph_final


def _album(n: int, name: str, tracks: list[str]) -> str:
    return ("专辑 #\n专辑资料\n曲目\n" f"{n}st\n第{n}张正规专辑《{name}》\n"
            f"发行日期：200{n}年6月1{n}日\n语言：韩语\n唱片公司：Synnara Music\n曲目\n" + "\n".join(tracks) + "\n")


# an encyclopedia entry: its text, then a discography (every album's table under the same
# header lines, its fields `发行日期：` `语言：`), a sentence between the tables, the footer
DISCOGRAPHY = (
    "金某 - 维基百科，自由的百科全书\n"
    "首页 > 人物 > 歌手\n"
    "金某是韩国男歌手，1995年以团体成员身份出道，2001年起以个人名义发行专辑，至今共发行七张正规专辑。\n"
    "他在2004年凭借歌曲《一个男人》获得多个音乐节目冠军，此后成为韩国最受欢迎的抒情男歌手之一。\n"
    "2010年起，他成为综艺节目的固定成员，凭借健康的形象和幽默的性格获得了大量观众的喜爱。\n"
    "音乐作品\n"
    + _album(1, "Renaissance", ["Prologue", "Sad Story", "因为是男人", "祝你幸福"])
    + "这张专辑在发行当年的销量超过十万张，是他个人歌手生涯的起点，也奠定了他的音乐风格。\n"
    + _album(2, "Evolution", ["回来", "饶恕记忆", "悲伤", "一个男人"])
    + _album(3, "This Is Me", ["原地踏步", "Dream", "可爱", "告白"])
    + "本页面最后修订于2022年2月9日 (星期三) 08:16。\n"
    "本站的全部文字在知识共享 署名-相同方式共享 3.0协议之条款下提供，附加条款亦可能应用。\n"
)


def test_discography_table_rows_are_content() -> None:
    lines = DISCOGRAPHY.split("\n")
    table = [n for n, t in enumerate(lines, 1) if t.startswith(("发行日期：", "语言：", "唱片公司："))]
    got = flagged(DISCOGRAPHY)
    assert table and not any(n in got for n in table), {n: got[n] for n in table if n in got}
    fixed, _ = Linter(select=["CHR"]).fix_text(DISCOGRAPHY, unsafe=True)
    assert sum(1 for t in fixed.split("\n") if t.startswith("发行日期：")) == 3
