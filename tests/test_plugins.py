"""A third-party rule registers through the `corpuslint.rules` entry point, like built-ins."""

import textwrap


def test_entry_point_plugin_is_listed_and_runs(cli, tmp_path):
    site = tmp_path / "site"
    (site / "myplug-0.1.dist-info").mkdir(parents=True)
    (site / "myplug-0.1.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: myplug\nVersion: 0.1\n")
    (site / "myplug-0.1.dist-info" / "entry_points.txt").write_text("[corpuslint.rules]\nmyplug = myplug:RULES\n")
    (site / "myplug.py").write_text(textwrap.dedent('''
        """## What it finds
        The word 测试.

        ## Why it matters
        Test text must not ship.

        ## Example
        `这是测试`

        ## Fix
        None.
        """
        from corpuslint import DocumentRule

        class NoTestWord(DocumentRule):
            code = "XYZ001"
            name = "test-word"
            summary = "The word 测试"

            def check(self, doc):
                i = doc.text.find("测试")
                if i >= 0:
                    yield self.finding(doc, i, i + 2, "test word")

        RULES = [NoTestWord]
    '''), encoding="utf-8")
    (tmp_path / "a.txt").write_text("这是测试。\n", encoding="utf-8")
    env = {"PYTHONPATH": str(site)}
    listed = cli("rules", env=env)
    assert "XYZ001" in listed.stdout and "test-word" in listed.stdout
    r = cli("check", "--no-cache", "--select", "XYZ", "a.txt", cwd=tmp_path, env=env)
    assert r.returncode == 1 and r.stdout.startswith("a.txt:1:3: XYZ001 test word")
