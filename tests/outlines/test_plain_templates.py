"""Plain templates are rendered without Jinja to the text Jinja gives, and name the same values."""

from __future__ import annotations

import pytest

from drafter.outlines.sandbox import Templates, _plain, template_job

MODULE = """{#- a comment -#}
{% macro pair(a, b) %}{{ a }}与{{ b }}{% endmacro %}
{# another #}
{% macro lines(a) %}第一行{{ a }}
第二行 { } }}{% endmacro %}
{% macro nothing() %}无参数{% endmacro %}
"""

SOURCES = [
    "在{{ occasion }}上的讲话",
    "{{occasion}}{{ topic }}",
    "{{ m.pair(occasion, topic) }}，{{ goal }}",
    "{{ m.pair(goal, goal) }}{{ m.lines(topic) }}{{ m.nothing() }}",
    "{{ bad }}{{ goal }}",
    "{{ bad.g(goal) }}",
    "无模板的文字 { 单个括号 } }}",
    "{{ none }}{{ true }}",
    "{{ m }}",
    "{{ m.missing(goal) }}",
    "{{ m.pair(goal) }}",
    "{{ m.pair(occasion, m) }}",
    "{{ range }}",
    "{{ occasion | upper }}",
    "{% if goal %}有{% endif %}",
    "{{{ goal }}}",
    "两行\n{{ goal }}",
    "{{ occasion }}{# 注释 #}",
]

CONTEXTS = [{}, {"occasion": "全市工作会议"}, {"occasion": "甲", "topic": "乙", "goal": "丙"}, {"goal": 3},
            {"m": "值", "bad": "值"}]


@pytest.fixture()
def templates(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "m.j2").write_text(MODULE, encoding="utf-8")
    (folder / "f.j2").write_text("{% set x = 1 %}{% macro g(a) %}{{ a }}{% endmacro %}", encoding="utf-8")
    (folder / "bad.j2").write_text("{% macro none() %}{% endmacro %}{% macro g(a) %}{{ a }}{% endmacro %}",
                                   encoding="utf-8")
    return Templates([folder])


@pytest.mark.parametrize("source", SOURCES)
def test_plain_renders_as_jinja(templates, source):
    for context in CONTEXTS:
        with template_job():
            try:
                expected = templates.jinja.render(source, context, "t.yaml:1:1")
            except Exception as exc:  # the same failure either way
                expected = repr(exc)
            try:
                got = templates.render(source, context, "t.yaml:1:1")
            except Exception as exc:
                got = repr(exc)
        assert got == expected, (source, context)
    assert names(templates.names, source) == names(templates.jinja.names, source)


def names(function, source):
    try:
        return function(source, "t.yaml:1:1")
    except Exception as exc:
        return repr(exc)


def test_which_templates_are_plain():
    assert _plain("在{{ occasion }}上{{ m.pair(a, b) }}") is not None
    for source in ("{{ none }}", "{{ a | upper }}", "{% if a %}{% endif %}", "{{{ a }}}", "a\nb", "{{ f(a) }}",
                   "{{ m.x }}", "{{- a }}"):
        assert _plain(source) is None, source


def test_a_module_that_is_not_plain_goes_to_jinja(templates):
    with template_job():
        assert templates.render("{{ f.g(goal) }}", {"goal": "目标"}, "t.yaml:1:1") == "目标"
    assert templates._module("f") is None and templates._module("bad") is None
    assert templates._module("m") is not None
