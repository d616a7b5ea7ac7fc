"""Reader for web pages saved from a browser (.html, .htm): the text of the page's main block, one
line per block element, as a browser's "copy" of that block would give it.

The main block is found by text, not by the site's markup: the element whose own paragraphs hold the
most Chinese text outside links (the article body), widened to its ancestors while they add little
text and few links (the headline, breadcrumb and metadata row of the article's column, not a side bar
or a menu). The lines run from the start of that block to the end of the page, as a reader's "copy"
from the breadcrumb down would give them: the footer after the article is cleaned like any page's.
Scripts, styles and comments are never text. What the block still holds
of page matter (the headline, a 来源/发布时间 row, print buttons) is left to the same cleaning as every
other format, so it is reported line by line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from drafter.errors import DrafterError
from drafter.ingest import Hints, SourceLine, set_apart

#: elements whose content is never page text
SKIP = {"script", "style", "noscript", "template", "head", "title", "iframe", "object", "svg", "select", "textarea",
        "button"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"}
#: elements that start and end a line
BLOCK = {"address", "article", "aside", "blockquote", "center", "dd", "div", "dl", "dt", "fieldset", "figcaption",
         "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "nav", "ol",
         "p", "pre", "section", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "ul", "caption", "body", "html"}
#: a <p> (or <li> …) is closed by the start of one of these, as browsers do
CLOSES_P = BLOCK - {"body", "html", "td", "th", "tr", "tbody", "thead", "tfoot", "table"}
HEADLINE = {"h1", "h2", "h3"}
#: block elements whose text counts as their parent's own paragraphs when the main block is sought
PARAGRAPH = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "blockquote", "center"}
CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.IGNORECASE)
HANZI = re.compile(r"[\u4e00-\u9fff]")
BOLD = re.compile(r"font-weight\s*:\s*(?:bold|bolder|[6-9]00)", re.IGNORECASE)



@dataclass
class Node:
    tag: str
    parent: Node | None = None
    children: list[Node | str] = field(default_factory=list)
    own: int = 0          # Chinese characters outside links in this node and its inline/paragraph children
    total: int = 0        # Chinese characters outside links in the whole subtree
    linked: int = 0       # Chinese characters inside links in the whole subtree
    bold: bool = False    # <strong>, <b>, or a bold font-weight in its style
    titled: bool = False  # its class or id names it a title (class="newstitle", id="article-title")


#: marks the end of a bold element's text, and of a title block's, in ``block_lines``
_END_BOLD = Node("/bold")
_END_TITLE = Node("/title")


class _Tree(HTMLParser):
    """A forgiving DOM: unclosed <p> and <li> close as browsers close them, stray end tags are ignored."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self.stack = [self.root]
        self.skip = 0

    def handle_starttag(self, tag: str, attrs) -> None:
        if self.skip:
            if tag in SKIP:
                self.skip += 1
            return
        if tag in SKIP:
            self.skip = 1
            return
        if tag in CLOSES_P or tag == "li":
            for k in range(len(self.stack) - 1, 0, -1):
                name = self.stack[k].tag
                if name == "p" or (tag == "li" and name == "li"):
                    del self.stack[k:]
                    break
                if name in BLOCK:
                    break
        node = Node(tag, self.stack[-1], bold=tag in ("strong", "b") or _bold_style(attrs),
                    titled=tag in BLOCK and _titled(attrs))
        self.stack[-1].children.append(node)
        if tag not in VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if not self.skip and tag not in SKIP:
            self.stack[-1].children.append(Node(tag, self.stack[-1]))

    def handle_endtag(self, tag: str) -> None:
        if self.skip:
            if tag in SKIP:
                self.skip -= 1
            return
        for k in range(len(self.stack) - 1, 0, -1):
            if self.stack[k].tag == tag:
                del self.stack[k:]
                return

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.stack[-1].children.append(data)


#: a class or id naming a block its page's title: newstitle, article-title, detail_title (not subtitle)
TITLED = re.compile(r"(?<!sub)(?:title|biaoti)", re.IGNORECASE)


def _titled(attrs) -> bool:
    return any(name in ("class", "id") and value and TITLED.search(value) for name, value in attrs)


def _bold_style(attrs) -> bool:
    style = next((v for k, v in attrs if k == "style" and v), "")
    return bool(BOLD.search(style))


def _measure(node: Node, in_link: bool = False) -> None:
    """Fill ``own`` and ``total`` bottom-up (iteratively: pages nest deeply)."""
    order: list[tuple[Node, bool]] = []
    todo = [(node, in_link)]
    while todo:
        n, link = todo.pop()
        order.append((n, link))
        for c in n.children:
            if isinstance(c, Node):
                todo.append((c, link or c.tag == "a"))
    for n, link in reversed(order):
        own = total = linked = 0
        for c in n.children:
            if isinstance(c, str):
                count = len(HANZI.findall(c))
                if link:
                    linked += count
                else:
                    own += count
                    total += count
            else:
                total += c.total
                linked += c.linked
                if c.tag not in BLOCK or c.tag in PARAGRAPH:
                    own += c.total
        n.own, n.total, n.linked = own, total, linked


def _nodes(root: Node):
    todo = [root]
    while todo:
        n = todo.pop()
        yield n
        todo.extend(c for c in reversed(n.children) if isinstance(c, Node))




def main_block(root: Node) -> Node:
    """The article's column: the densest block of paragraphs, widened while its parents add little
    text or links (a headline, a breadcrumb, a metadata row), never a side bar or menu of links."""
    _measure(root)
    nodes = list(_nodes(root))
    body = next((n for n in nodes if n.tag == "body"), root)
    best = max((n for n in nodes if n.tag not in ("#root", "html", "body")), key=lambda n: n.own, default=body)
    if body.own > best.own:
        return body                  # the paragraphs stand in <body> itself (a converter's page, a hand-made one)
    if best.own < 0.3 * max(body.total, 1):
        return _titled_column(nodes) or body   # no one block holds the text: around the title, or the whole page
    node = best
    while node.parent is not None and node.parent.tag not in ("body", "html", "#root"):
        parent = node.parent
        if parent.total - best.total > max(200, best.total // 5) or parent.linked - best.linked > 60:
            break
        node = parent
    return node


#: the least text a block around the page's title holds besides it to be the article (a notice of a sentence)
TITLED_TEXT = 10


def _titled_column(nodes: list[Node]) -> Node | None:
    """The article's column on a page where no block holds most of the text (a notice of one sentence beside
    the site's menus, a speech set one <div> a paragraph): the block around the first headline the page
    names its title (<h2 class="title">) that holds text besides it, more than its links; None without one."""
    for head in nodes:
        if head.tag not in HEADLINE or not head.titled or not head.total:
            continue
        node = head.parent
        while node is not None and node.tag not in ("body", "html", "#root"):
            rest = node.total - head.total
            if rest >= TITLED_TEXT:
                return node if node.linked <= rest else None
            node = node.parent
        return None
    return None


def block_lines(node: Node, start: Node | None = None) -> list[SourceLine]:
    """The text of a node as lines: block elements and <br> end a line; blanks inside a line collapse.
    With ``start``, the lines from that node on (to the end of ``node``). A line whose first sentence is
    bold and goes on in plain text has the ``lead`` hint (a run-in head the page sets apart)."""
    lines: list[SourceLine] = []
    current: list[tuple[str, bool]] = []     # pieces of text, each bold or not
    titled = [0, False]                      # title blocks open; whether their first line is out

    def flush() -> None:
        text = _collapse("".join(t for t, _ in current))
        if text.strip():
            k = next((i for i, (t, bold) in enumerate(current) if not bold and t.strip()), len(current))
            head, rest = "".join(t for t, _ in current[:k]), "".join(t for t, _ in current[k:])
            lead = set_apart(_collapse(head), rest)
            title = titled[0] > 0 and not titled[1]
            titled[1] = titled[1] or title
            lines.append(SourceLine(len(lines) + 1, text, Hints(lead=lead, style="title" if title else None)))
        current.clear()

    todo: list[Node | str | None] = [node]
    started = start is None
    bold = 0
    while todo:
        item = todo.pop()
        if start is not None and item is start:
            started = True
            current.clear()
        if not started:
            if isinstance(item, Node):
                todo.extend(reversed(item.children))
            continue
        if item is None:
            flush()
        elif item is _END_BOLD:
            bold -= 1
        elif isinstance(item, str):
            current.append((item, bold > 0))
        elif item.tag == "br":
            flush()
        elif item is _END_TITLE:
            flush()
            titled[0] -= 1
        elif item.tag in BLOCK:
            flush()
            todo.append(None)
            if item.titled:
                titled[0] += 1
                todo.append(_END_TITLE)
            todo.extend(reversed(item.children))
        else:
            if item.bold:
                bold += 1
                todo.append(_END_BOLD)
            todo.extend(reversed(item.children))
    flush()
    return lines


def _collapse(text: str) -> str:
    return re.sub(r"[\r\n\t ]+", " ", text).strip(" ")


def decode_html(data: bytes, where: str) -> str:
    """The page's text: the charset its <meta> declares (GB2312 is read as its superset GB18030), else the
    text reader's detection."""
    m = CHARSET.search(data[:4096])
    if m and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = m.group(1).decode("ascii").lower()
        if name in ("gb2312", "gbk", "gb_2312-80", "x-gbk"):
            name = "gb18030"
        try:
            return data.decode(name)
        except (LookupError, UnicodeDecodeError):
            pass
    from drafter.ingest.text import decode

    return decode(data, where)


def html_lines(text: str) -> list[SourceLine]:
    """The lines of a page's main block."""
    tree = _Tree()
    tree.feed(text)
    tree.close()
    _measure(tree.root)
    body = next((n for n in _nodes(tree.root) if n.tag == "body"), tree.root)
    return block_lines(body, main_block(tree.root))


def read_html_lines(path: Path) -> list[SourceLine]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DrafterError(f"无法读取：{exc.strerror}", where=str(path)) from None
    from drafter.ingest.text import mark_broken

    page = decode_html(data, str(path))
    lines = html_lines(page)
    if not any(line.text.strip() for line in lines) and _scripted(page):
        raise DrafterError("网页的正文由脚本生成，存下的 HTML 里没有正文：请在浏览器中打开，复制正文存为 .txt 再试",
                           where=str(path))
    return mark_broken(lines)


#: Chinese characters in a page with scripts and no text, from which its text is in them (its scripts render it)
SCRIPTED = 200


def _scripted(page: str) -> bool:
    """Whether a page with no text holds Chinese in its scripts (a Next.js page's __NEXT_DATA__): with no
    text read, what Chinese it has is in its markup."""
    return "<script" in page.lower() and len(re.findall(r"[\u4e00-\u9fff]", page)) >= SCRIPTED
