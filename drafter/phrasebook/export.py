"""Exports of the phrase bank: one self-contained HTML page (search, filters, timelines, copy —
no network, no external scripts or fonts), a printable 素材汇编 (.docx, through drafter's own
writer) and a CSV table.
"""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any
from collections.abc import Iterable

from drafter.errors import DrafterError
from drafter.phrasebook.entry import LABELS, SLOT, Entry, label

if TYPE_CHECKING:
    from drafter.phrasebook.search import Phrasebook

SENTENCES_PER_ENTRY = 3


def export(book: Phrasebook, entries: list[Entry], output: str | os.PathLike, fmt: str, *,
           title: str = "讲话稿素材库", force: bool = False, profile: dict[str, Any] | None = None) -> Path:
    """Write the entries as html, csv or docx (laid out to ``profile``, a resolved style profile) by
    drafter.io's rules (an existing file needs ``force``). Returns the path."""
    from drafter.io import check_target, write_bytes

    check_target(output, force)             # before the work: a clear error without building the page
    if fmt == "html":
        data = html_page(book, entries, title).encode("utf-8")
    elif fmt == "csv":
        data = csv_text(entries).encode("utf-8-sig")
    elif fmt == "docx":
        from drafter.render import render

        if profile is None:
            raise DrafterError("导出 Word 文档需要版式")
        data = render(compilation(entries, title), "docx", profile)
    else:
        raise DrafterError(f"不支持的导出格式“{fmt}”，可用：html、docx、csv")
    return write_bytes(output, data, force)


# ---- CSV

CSV_COLUMNS = ["编号", "功能", "短语", "槽位", "篇数", "次数", "首见年份", "末见年份", "逐年次数", "近年未用",
               "出处", "来源", "例句"]


def csv_text(entries: Iterable[Entry]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for e in entries:
        w.writerow([e.id, e.function, e.text, "、".join(e.slots), e.docs, e.count, e.first or "", e.last or "",
                    "；".join(f"{y}:{n}" for y, n in sorted(e.by_year.items())), "是" if e.dated else "",
                    e.by or "", "；".join(e.sources), e.example])
    return out.getvalue()


# ---- .docx: a Speech whose sections are functions and whose paragraphs are entries

def compilation(entries: list[Entry], title: str):
    from drafter.model import Gap, Meta, Paragraph, Placeholder, Section, Speech

    def inlines(text: str) -> list:
        out: list[str | Placeholder] = []
        pos = 0
        for m in SLOT.finditer(text):
            if m.start() > pos:
                out.append(text[pos:m.start()])
            out.append(Placeholder(m.group(1), m.group(1)))
            pos = m.end()
        if pos < len(text):
            out.append(text[pos:])
        return out

    by_function: dict[str, list[Entry]] = {}
    for e in entries:
        by_function.setdefault(e.function, []).append(e)
    sections = []
    for function in sorted(by_function, key=lambda f: (list(LABELS).index(f) if f in LABELS else 99, f)):
        body: list[Paragraph | Gap] = []
        for e in by_function[function]:
            seen = f"{e.docs} 篇 {e.count} 次"
            if e.first is not None:
                seen += f"，{e.first}—{e.last}" if e.last not in (None, e.first) else f"，{e.first}"
            content = inlines(e.text) + [f"{'——' + e.by if e.by else ''}（{seen}）"]
            body.append(Paragraph(content))
            if e.sources:
                body.append(Paragraph([f"来源：{'；'.join(e.sources)}"], role="note"))
        sections.append(Section(heading=[f"{label(function)}（{len(by_function[function])} 条）"], depth=1,
                                style="一、", body=body))
    count = sum(len(v) for v in by_function.values())
    meta = Meta(title=[title], subtitle=[f"共 {count} 条，按功能分类；每条注明出现篇数、次数与来源"])
    return Speech(meta=meta, sections=sections)


# ---- HTML

def page_data(book: Phrasebook, entries: list[Entry]) -> dict:
    """The compact data the page embeds: functions, entries as arrays, sentences by number."""
    functions = sorted({e.function for e in entries})
    findex = {f: i for i, f in enumerate(functions)}
    sentences: list[str] = []
    sindex: dict[str, int] = {}
    rows = []
    for e in entries:
        syls = book.pinyin_of(e.id)
        said = []
        for source, sentence in book.sentences_of(Entry(e.id, e.function, e.text,
                                                        sources=e.sources[:SENTENCES_PER_ENTRY])):
            if sentence:
                if sentence not in sindex:
                    sindex[sentence] = len(sentences)
                    sentences.append(sentence)
                said.append([source, sindex[sentence]])
        rows.append([e.id, findex[e.function], e.text, e.docs, e.count, e.first, e.last,
                     [[y, n] for y, n in sorted(e.by_year.items())], list(e.sources), e.example, e.by or "",
                     1 if e.dated else 0, " ".join(s or "-" for s in syls), said])
    return {"functions": [[f, label(f)] for f in functions], "entries": rows, "sentences": sentences}


def html_page(book: Phrasebook, entries: list[Entry], title: str) -> str:
    data = json.dumps(page_data(book, entries), ensure_ascii=False, separators=(",", ":"))
    data = data.replace("</", "<\\/")                 # never closes the script element
    from html import escape

    return (PAGE.replace("{{TITLE}}", escape(title)).replace("{{COUNT}}", str(len(entries)))
            .replace("{{DATA}}", data).replace("{{SCRIPT}}", SCRIPT))


PAGE = """<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{{TITLE}}</title>
<style>
  :root { --ink:#1f2328; --muted:#656d76; --line:#d0d7de; --mark:#ffe08a; --accent:#b3261e; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.6 "Noto Sans CJK SC","Source Han Sans SC","Microsoft YaHei","PingFang SC",sans-serif; color: var(--ink); background: #fafafa; }
  header { position: sticky; top: 0; background: #fff; border-bottom: 1px solid var(--line); padding: 12px 20px; z-index: 1; }
  h1 { font-size: 20px; margin: 0 0 8px; color: var(--accent); }
  .bar { display: flex; flex-wrap: wrap; gap: 8px; align-items: center; }
  #q { flex: 1 1 320px; font-size: 18px; padding: 6px 10px; border: 1px solid var(--line); border-radius: 6px; }
  select, input[type=number] { font-size: 15px; padding: 5px; border: 1px solid var(--line); border-radius: 6px; }
  input[type=number] { width: 6.5em; }
  #status { color: var(--muted); font-size: 14px; margin-top: 6px; }
  main { padding: 8px 20px 40px; max-width: 1100px; }
  .card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; margin: 10px 0; }
  .text { font-size: 18px; }
  mark { background: var(--mark); padding: 0 1px; }
  .slot { color: var(--accent); }
  .meta { color: var(--muted); font-size: 14px; display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center; }
  .kind { font-size: 12px; border: 1px solid var(--line); border-radius: 4px; padding: 0 4px; }
  button.copy { font-size: 14px; padding: 2px 10px; border: 1px solid var(--line); border-radius: 6px; background: #f6f8fa; cursor: pointer; }
  button.copy.done { background: #dafbe1; border-color: #4ac26b; }
  details { font-size: 14px; margin-top: 4px; }
  details ul { margin: 4px 0; padding-left: 20px; }
  .src { color: var(--muted); font-family: ui-monospace, monospace; font-size: 12px; }
  .spark { display: inline-flex; align-items: flex-end; gap: 1px; height: 16px; vertical-align: middle; border-bottom: 1px solid var(--line); }
  .spark i { display: block; width: 5px; background: var(--accent); }
  .empty { color: var(--muted); padding: 20px 0; }
</style>
</head>
<body>
<header>
  <h1>{{TITLE}}</h1>
  <div class="bar">
    <input id="q" type="search" placeholder="输入词句、拼音或首字母（如 担当作为、dandang、ddzw）" autofocus autocomplete="off">
    <select id="fn" title="功能"><option value="">全部功能</option></select>
    <label>自 <input id="since" type="number" placeholder="年份"></label>
    <label>至 <input id="until" type="number" placeholder="年份"></label>
  </div>
  <div id="status">共 {{COUNT}} 条</div>
</header>
<main id="results"></main>
<script id="data" type="application/json">{{DATA}}</script>
<script>{{SCRIPT}}</script>
</body>
</html>
"""  # noqa: E501  (the page is kept as written: CSS and script lines run long)

SCRIPT = r"""
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("data").textContent);
  var SHOW = 30, NAMES = {substring: "原文", words: "分词", ordered: "顺序", pinyin: "拼音", near: "相近"};
  var E = D.entries.map(function (r, i) {
    var syl = r[12] ? r[12].split(" ").map(function (s) { return s === "-" ? "" : s; }) : [];
    var plain = r[2].replace(/\{[^{}\s]+\}/g, "…");
    var han = [], ini = "", py = "";
    for (var k = 0; k < syl.length; k++) if (syl[k]) { han.push(k); ini += syl[k][0]; py += syl[k]; }
    return {i: i, id: r[0], fn: r[1], text: r[2], plain: plain, docs: r[3], count: r[4], first: r[5], last: r[6],
            years: r[7], sources: r[8], example: r[9], by: r[10], dated: r[11], syl: syl, han: han, ini: ini, py: py, said: r[13]};
  });
  var fnSel = document.getElementById("fn"), qIn = document.getElementById("q");
  var sinceIn = document.getElementById("since"), untilIn = document.getElementById("until");
  var out = document.getElementById("results"), status = document.getElementById("status");
  D.functions.forEach(function (f, i) {
    var o = document.createElement("option"); o.value = String(i); o.textContent = f[1] + "（" + f[0] + "）"; fnSel.appendChild(o);
  });

  function occurrences(q, t) { var out = [], i = t.indexOf(q); while (q && i >= 0) { out.push([i, i + q.length]); i = t.indexOf(q, i + q.length); } return out; }
  function merge(sp) {
    sp.sort(function (a, b) { return a[0] - b[0]; }); var o = [];
    sp.forEach(function (s) { if (o.length && s[0] <= o[o.length - 1][1]) o[o.length - 1][1] = Math.max(s[1], o[o.length - 1][1]); else o.push([s[0], s[1]]); });
    return o;
  }
  function ordered(q, t) {
    var best = null;
    for (var s = t.indexOf(q[0]); s >= 0; s = t.indexOf(q[0], s + 1)) {
      var pos = s, sp = [];
      for (var k = 0; k < q.length; k++) { pos = t.indexOf(q[k], pos); if (pos < 0) break; sp.push([pos, pos + 1]); pos++; }
      if (sp.length < q.length) break;
      if (!best || sp[sp.length - 1][1] - sp[0][0] < best[best.length - 1][1] - best[0][0]) best = sp;
    }
    return best;
  }
  function spell(q, syl, i) {                     // each syllable by a non-empty prefix of itself
    var stack = [[0, i]];
    while (stack.length) {
      var top = stack.pop(), pos = top[0], k = top[1];
      if (pos === q.length) return k;
      while (pos > 0 && k < syl.length && !syl[k]) k++;
      if (k >= syl.length || !syl[k]) continue;
      var s = syl[k], n = 0;
      while (n < s.length && pos + n < q.length && q[pos + n] === s[n]) n++;
      for (var take = 1; take <= n; take++) stack.push([pos + take, k + 1]);
    }
    return -1;
  }
  function pinyinSpan(q, e) {
    for (var s = 0; s < e.syl.length; s++) { if (!e.syl[s]) continue; var end = spell(q, e.syl, s); if (end >= 0) return [s, end]; }
    return null;
  }
  function lcs(a, b) {
    var prev = new Array(b.length + 1).fill(0), cur = new Array(b.length + 1).fill(0);
    for (var x = 1; x <= a.length; x++) {
      for (var y = 1; y <= b.length; y++) cur[y] = a[x - 1] === b[y - 1] ? prev[y - 1] + 1 : Math.max(prev[y], cur[y - 1]);
      var t = prev; prev = cur; cur = t;
    }
    return prev[b.length];
  }
  function likeness(q, t) {                      // best 2·LCS/(|q|+|window|) over windows of t (as rapidfuzz partial_ratio)
    if (t.length <= q.length) return [2 * lcs(q, t) / (q.length + t.length), 0, t.length];
    var best = [0, 0, 0];
    for (var s = 0; s + q.length <= t.length; s++) {
      var w = t.substr(s, q.length), r = 2 * lcs(q, w) / (2 * q.length);
      if (r > best[0]) best = [r, s, s + q.length];
    }
    return best;
  }
  var grams = null;                              // bigram → entries, built on the first near search
  function gramIndex() {
    if (grams) return grams;
    grams = new Map();
    function add(g, i) { var a = grams.get(g); if (!a) grams.set(g, a = []); if (a[a.length - 1] !== i) a.push(i); }
    E.forEach(function (e) {
      for (var k = 0; k + 1 < e.plain.length; k++) add(e.plain.substr(k, 2), e.i);
      for (k = 0; k + 1 < e.ini.length; k++) add("~" + e.ini.substr(k, 2), e.i);
    });
    return grams;
  }
  function isPinyin(q) { return /^[a-zA-Z' ]+$/.test(q); }

  var BY_RANK = E.slice().sort(function (a, b) { return b.docs - a.docs || b.count - a.count || (a.id < b.id ? -1 : 1); });
  var taken = new Uint8Array(E.length);
  function startsAt(e, pos) {                    // does a syllable of e start at this offset of e.py?
    for (var k = 0, at = 0; k < e.syl.length && at <= pos; k++) if (e.syl[k]) { if (at === pos) return true; at += e.syl[k].length; }
    return false;
  }
  function spelt(pq, e) {                        // initials, or whole syllables from a syllable's start
    if (e.ini.indexOf(pq) >= 0) return true;
    for (var at = e.py.indexOf(pq); at >= 0; at = e.py.indexOf(pq, at + 1)) if (startsAt(e, at)) return true;
    return false;
  }
  // Hits best first: the first SHOW with their spans, and how many there are in all.
  function search(query, keep) {
    var words = query.split(/\s+/).filter(Boolean), q = words.join(""), pq = q.replace(/'/g, "").toLowerCase();
    var pin = isPinyin(query), hits = [], total = 0;
    taken.fill(0);
    function hit(e, match, score, spans) { taken[e.i] = 1; total++; if (hits.length < SHOW) hits.push({e: e, match: match, score: score, spans: spans()}); }
    var pool = BY_RANK.filter(keep), n = pool.length, k, e;
    for (k = 0; k < n; k++) { e = pool[k]; if (e.plain.indexOf(q) >= 0) hit(e, "substring", 0.9 + 0.1 * q.length / e.plain.length, function () { return occurrences(q, e.plain); }); }
    if (words.length > 1) for (k = 0; k < n; k++) {
      e = pool[k]; if (taken[e.i] || !words.every(function (w) { return e.plain.indexOf(w) >= 0; })) continue;
      hit(e, "words", 0.8, function () { var sp = []; words.forEach(function (w) { sp = sp.concat(occurrences(w, e.plain)); }); return merge(sp); });
    }
    if (pin && pq.length >= 2) for (k = 0; k < n; k++) {
      e = pool[k]; if (taken[e.i] || !spelt(pq, e)) continue;
      hit(e, "pinyin", 0.65, function () { return [pinyinSpan(pq, e) || [0, 0]]; });
    }
    if (!pin && q.length >= 2 && (hits.length < SHOW || !total)) {   // held apart: ranked by closeness
      var apart = [];
      for (k = 0; k < n; k++) {
        e = pool[k]; if (taken[e.i] || e.plain.indexOf(q[0]) < 0) continue;
        var sp = ordered(q, e.plain);
        if (sp && sp[sp.length - 1][1] - sp[0][0] <= 3 * q.length) apart.push({e: e, match: "ordered", score: 0.7 + 0.1 * q.length / (sp[sp.length - 1][1] - sp[0][0]), spans: merge(sp)});
      }
      apart.sort(function (a, b) { return b.score - a.score; });
      total += apart.length;
      hits = hits.concat(apart.slice(0, SHOW - hits.length));
    }
    if (!total && q.length >= 3) {
      var target = pin ? pq : q, gi = gramIndex(), counts = new Map(), need = Math.max(1, target.length - 2 - 2 * Math.max(1, Math.floor(target.length / 4)));
      var cut = (target.length - Math.max(1, Math.floor(target.length / 4))) / target.length - 0.005;
      for (k = 0; k + 1 < target.length; k++) {
        var list = gi.get((pin ? "~" : "") + target.substr(k, 2)) || [];
        for (var j = 0; j < list.length; j++) counts.set(list[j], (counts.get(list[j]) || 0) + 1);
      }
      var cands = [], near = [];
      counts.forEach(function (c, i) { if (c >= need && keep(E[i])) cands.push([c, i]); });
      cands.sort(function (a, b) { return b[0] - a[0]; });
      cands.slice(0, 600).forEach(function (c) {
        var e = E[c[1]], l = likeness(target, pin ? e.ini : e.plain);
        if (l[0] >= cut && l[0] < 1) {
          var sp = pin ? [e.han[l[1]], e.han[Math.max(l[1], l[2] - 1)] + 1] : [l[1], l[2]];
          near.push({e: e, match: "near", score: 0.6 * l[0], spans: [sp]});
        }
      });
      near.sort(function (a, b) { return b.score - a.score || b.e.docs - a.e.docs; });
      total = near.length;
      hits = near.slice(0, SHOW);
    }
    return {hits: hits, total: total};
  }
  function sentenceSearch(query) {
    var words = query.split(/\s+/).filter(Boolean), q = words.join(""), out = [];
    if (!q) return out;
    D.sentences.forEach(function (s) {
      if (s.indexOf(q) >= 0) { out.push({text: s, spans: occurrences(q, s)}); return; }
      if (words.length > 1 && words.every(function (w) { return s.indexOf(w) >= 0; })) {
        var sp = []; words.forEach(function (w) { sp = sp.concat(occurrences(w, s)); }); out.push({text: s, spans: merge(sp)});
      }
    });
    return out.slice(0, SHOW);
  }

  function esc(s) { return s.replace(/[&<>"]/g, function (c) { return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;"}[c]; }); }
  function marked(t, spans, slots) {
    var h = "", pos = 0;
    (spans || []).forEach(function (s) { if (s[0] < pos) return; h += esc(t.slice(pos, s[0])) + "<mark>" + esc(t.slice(s[0], s[1])) + "</mark>"; pos = s[1]; });
    h += esc(t.slice(pos));
    return slots ? h.replace(/…/g, '<span class="slot">…</span>') : h;
  }
  function spark(e) {                            // one bar a year (CSS, not SVG: many cards draw fast)
    if (!e.years.length) return "";
    var max = 1, by = {}, bars = "";
    e.years.forEach(function (p) { by[p[0]] = p[1]; if (p[1] > max) max = p[1]; });
    for (var y = e.first; y <= e.last; y++) {
      var c = by[y] || 0;
      bars += '<i style="height:' + (c ? Math.max(2, Math.round(16 * c / max)) : 0) + 'px" title="' + y + "年 " + c + ' 次"></i>';
    }
    return '<span class="spark" role="img" aria-label="逐年走势">' + bars + "</span>";
  }
  function years(e) { return e.first == null ? "" : (e.first === e.last ? String(e.first) : e.first + "–" + e.last); }
  function card(h) {                             // the examples and sources are filled in when opened
    var e = h.e, f = D.functions[e.fn], n = e.said.length + (e.example ? 1 : 0);
    return '<div class="card" data-id="' + esc(e.id) + '"><div class="text">' + marked(e.plain, h.spans, true) + (e.by ? " ——" + esc(e.by) : "") + "</div>" +
      '<div class="meta"><span>' + esc(f[1]) + '</span><span class="src">' + esc(e.id) + "</span><span>" + e.docs + " 篇 " + e.count + " 次</span>" +
      (years(e) ? "<span>" + years(e) + " " + spark(e) + "</span>" : "") + (e.dated ? "<span>近年未用</span>" : "") +
      (h.match && h.match !== "substring" ? '<span class="kind">' + NAMES[h.match] + "</span>" : "") +
      '<button class="copy" type="button">复制</button></div>' +
      (n ? '<details data-part="examples"><summary>例句（' + n + "）</summary></details>" : "") +
      '<details data-part="sources"><summary>来源（' + (e.count > e.sources.length ? "列出 " + e.sources.length +
      " 处，共 " + e.count : e.sources.length) + " 处）</summary></details></div>";
  }
  function fill(details) {
    var e = byId(details.closest(".card").getAttribute("data-id")), div = document.createElement("div");
    if (details.getAttribute("data-part") === "examples") {
      var pieces = e.plain.split("…").filter(function (p) { return p.length > 1; });
      var inSentence = function (s) { var sp = []; pieces.forEach(function (p) { sp = sp.concat(occurrences(p, s)); }); return marked(s, merge(sp)); };
      div.innerHTML = "<ul>" + (e.example ? "<li>" + inSentence(e.example) + "</li>" : "") + e.said.map(function (p) {
        return "<li>" + inSentence(D.sentences[p[1]]) + ' <span class="src">' + esc(p[0]) + "</span></li>"; }).join("") + "</ul>";
    } else {
      div.className = "src"; div.innerHTML = e.sources.map(esc).join("<br>");
    }
    details.appendChild(div);
  }
  var BY_ID = null;
  function byId(id) { if (!BY_ID) { BY_ID = new Map(); E.forEach(function (x) { BY_ID.set(x.id, x); }); } return BY_ID.get(id); }
  out.addEventListener("toggle", function (ev) {
    var d = ev.target; if (d.tagName === "DETAILS" && d.open && d.children.length === 1) fill(d);
  }, true);
  function keep() {
    var fn = fnSel.value === "" ? -1 : +fnSel.value, since = sinceIn.value ? +sinceIn.value : null, until = untilIn.value ? +untilIn.value : null;
    return function (e) {
      return (fn < 0 || e.fn === fn) && (since == null || (e.last != null && e.last >= since)) && (until == null || (e.first != null && e.first <= until));
    };
  }
  var shown = [];
  function run() {
    var t0 = performance.now(), query = qIn.value.trim(), k = keep(), html = "", found;
    if (query) found = search(query, k);
    else { var all = BY_RANK.filter(k); found = {hits: all.slice(0, SHOW).map(function (e) { return {e: e, match: "", spans: []}; }), total: all.length}; }
    if (found.total) {
      status.textContent = (query ? "找到 " : "共 ") + found.total + " 条" + (found.total > SHOW ? "，显示前 " + SHOW + " 条" : "");
      html = found.hits.map(card).join("");
    } else {
      var ss = sentenceSearch(query);
      status.textContent = ss.length ? "短语库中没有“" + query + "”，下面是例句中的 " + ss.length + " 句" : "没有找到“" + query + "”";
      html = ss.map(function (s) { return '<div class="card sentence"><div class="text">' + marked(s.text, s.spans) + "</div></div>"; }).join("") || '<div class="empty">换个说法，或输入拼音首字母试试。</div>';
    }
    out.innerHTML = html;
    void out.offsetHeight;                           // layout included in the measured time
    window.phrasebook.lastMs = performance.now() - t0;
    window.phrasebook.count = found.total;
  }
  function copyText(text, button) {
    function done() { button.textContent = "已复制"; button.classList.add("done"); setTimeout(function () { button.textContent = "复制"; button.classList.remove("done"); }, 2000); }
    function fallback() {
      var ta = document.createElement("textarea"); ta.value = text; document.body.appendChild(ta); ta.select();
      try { document.execCommand("copy"); } catch (err) {} document.body.removeChild(ta); done();
    }
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(text).then(done, fallback); else fallback();
  }
  out.addEventListener("click", function (ev) {
    var b = ev.target.closest("button.copy"); if (!b) return;
    var e = byId(b.closest(".card").getAttribute("data-id"));
    copyText(e.text.replace(/\{([^{}\s]+)\}/g, "【$1】"), b);
  });
  [qIn, fnSel, sinceIn, untilIn].forEach(function (el) { el.addEventListener("input", run); });
  window.phrasebook = {ready: false, lastMs: 0, count: 0, search: search};
  run();
  window.phrasebook.ready = true;
  setTimeout(gramIndex, 200);                        // the near-miss index, before it is first needed
})();
"""  # noqa: E501
