"""Cleaning raw source lines: web-page debris, page metadata, hidden-text gaps and broken lines.

The rules are about web pages, not about any one speech: a page wraps a speech in navigation,
publishing metadata, download and share prompts, a copyright footer and lists of related pages.
Every line dropped is reported with a reason; nothing else is dropped.
"""

from __future__ import annotations

import re
from email.utils import parsedate_to_datetime
from itertools import islice
from dataclasses import dataclass, field

from drafter.ingest import Hints, SourceLine
from drafter.structure.normalize import normalize
from drafter.model import Removed
from drafter.zh import has_hanzi

GAP = re.compile(r"^[-—－=*.·…\s]*[(（【\[]?\s*(?:此处|以下|中间|部分内容)?(?:已)?隐藏\s*(\d+)?\s*(?:个)?字.*$")

#: a hidden-text marker inside a line, set off by dots or brackets (group 1: the marker's words)
HIDDEN_INSIDE = re.compile(r"(?:[.…·]{2,}|[（(【\[])\s*((?:此处|以下|中间)?(?:已)?隐藏\s*\d+\s*(?:个)?字"
                           r"[^.…。（）()【】\[\]]{0,20})(?:[.…·]{2,}|[）)】\]])")
#: page metadata: "发布时间:…", "来源:中国组织人事报 时间:… 编辑:…",
#: "文章来源：本站原创 作者：佚名 发布时间：… 点击数：  次"
META_KEY = (r"(?:(?:文章|信息|稿件|新闻|消息|内容)?来源|发布时间|发布日期|发表时间|发表日期|更新时间|上传时间"
            r"|录入时间|时间"
            r"|日期|出处"
            r"|作者|发布者|发布人|录入|编辑|责任编辑|责编|审核|浏览(?:次数|量)?|阅读(?:次数|量|数)?|点击(?:数|量|次数)?"
            r"|访问(?:量|次数)|字数|字号|字號|字体|栏目|分类|供稿"
            r"|文档编号|文档格式|文件格式|格式|页数|文件大小|大小|下载(?:次数|量|数)|上传者|上传人|贡献者"
            # a government site's information-disclosure table: 索引号, 发文机构, 发文字号, 成文日期, 有效性 …
            r"|索引号|(?:组配|主题|信息|体裁|服务对象)分类|发布机构|发文机构|发文单位|所属机构|(?:发文|成文|生成)日期"
            r"|生效时间|废止时间|发文字号|文号|有效性|名称|关键词|主题词|内容概述|公开(?:方式|范围|时限|形式))")
META_LINE = re.compile(rf"^(?:(?:[-*·•]\s+)?[（(【\[]?\s*{META_KEY}\s*[:：].*"
                       rf"|[（(]?\s*(?:\d{{4}}年\d{{1,2}}月\d{{1,2}}日?"
                       rf"|\d{{4}}-\d{{1,2}}-\d{{1,2}})\s*[）)]?\s*(?:\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?)?\s*{META_KEY}"
                       rf"\s*[:：].*|\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}(?:\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?)?.*(?:下载"
                       rf"|作者|来源|浏览|上传|阅读).*)$")
META_FIELD = re.compile(rf"({META_KEY})\s*[:：]\s*(.*?)(?=\s*{META_KEY}\s*[:：]|$)")
#: a metadata key alone: its value is on the next line ("来源:" / "四川日报") or empty ("阅读量：")
META_KEY_ONLY = re.compile(rf"^(?:[-*·•]\s*)?[【\[]?\s*{META_KEY}\s*[:：]$")
#: a row of a document site's list: its date, its column and its views ("• 2024-05-03 任职讲话 248")
DATED_ROW = re.compile(r"^[•·*\-]?\s*\d{4}-\d{1,2}-\d{1,2}\s+[\u4e00-\u9fff]{2,8}\s+\d+$")
#: a posting time on its own line: "2026-02-03 09:02:33", "2026年02月10日 07时41分"
DATETIME = re.compile(r"^\d{4}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}[:：时]\d{2}(?:[:：分]\d{2}秒?"
                      r"|分)?$")
#: a posting stamp after who posted (an account, an author, 原创): "原创 某县组工 2023-03-15 18:30"
_STAMP = r"\d{4}(?:-\d{1,2}-\d{1,2}|年\d{1,2}月\d{1,2}日)\s*\d{1,2}[:：]\d{2}(?:[:：]\d{2})?"
STAMPED = re.compile(rf"^[^。，！？：:（(]{{1,30}}?(?:\s+{_STAMP}|\s*[（(]\s*{_STAMP}\s*[）)])$")
#: a source in parentheses closing an article: "（来源：新华社）", "（信息来源：浙江发布）"
SOURCE_TAIL = re.compile(r"^[（(]\s*(?:文章|信息|稿件|新闻)?来源\s*[:：][^（）()]{1,40}[）)]$")
#: a newspaper's page line: "《人民日报》（2025年01月01日第 01 版）", "《 人民日报 》（ 2020年03月27日 02 版）"
EDITION = re.compile(r"^[>＞\s]*《[^《》]{2,20}》\s*[（(]\s*\d{4}年\d{1,2}月\d{1,2}日\s*第?\s*\d+\s*版\s*[）)]$")
#: a news agency's dateline at the start of a line: "新华社北京4月24日电", "本报讯（记者 张三）"
DATELINE = re.compile(r"^[（(]?\s*(?:(?:新华社|中新社|人民网|新华网|央视网|央广网|中国新闻网"
                      r"|中新网|[\u4e00-\u9fff]{2,8}(?:新闻网|网|社|报))[\u4e00-\u9fff]{0,8}(\d{1,2})月(\d{1,2})日(?:电|讯)"
                      r"|本报(?:[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日)?讯"
                      r"|(?:新华社|中新社|人民网|新华网|央视网|央广网|中国新闻网|中新网)消息\s*[:：]"   # 新华网消息："
                      # a site's own, with its reporters: 中国报道讯(张立 报道)
                      r"|[\u4e00-\u9fff]{2,10}讯(?=\s*[（(][^（）()]{1,30}(?:报道|记者|通讯员)))"
                      r"(?:\s*[（(]\s*(?:记者|通讯员)?[^（）()]{1,30}[）)])?\s*[）)]?")
#: a picture's credit closing a caption: "新华社记者 李涛 摄", "新华社记者 庞兴雷/摄", "（摄影：张三）", "摄影 宗琪琪"
CREDIT = re.compile(r"记者[\u4e00-\u9fff\s]{2,12}[/／]?\s*摄[)）]?$|^[（(]?\s*(?:摄影|图片|供图|视频"
                    r"|图)\s*[:：/／][^。]{1,30}[)）]?$|^(?:摄影|供图)\s+[\u4e00-\u9fff]{2,4}(?:[\s、，,]+[\u4e00-\u9fff]{2,4})*$")
#: a byline or editor line: "（记者 张三 李四）", "责任编辑：王五"
BYLINE = re.compile(r"^[（(]\s*(?:记者|通讯员|本报记者)[\u4e00-\u9fff\s、]{2,30}[）)]$")
#: a line standing for a picture or video the page showed: "视频：…", "图片：…"
MEDIA = re.compile(r"^(?:视频|图片|音频)\s*[:：｜|]")
#: a line that is only a date, as a speech's date line may be: (2023-11-26)
DATE_ONLY = re.compile(r"^[（(]?\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?[）)]?$")
DATE = re.compile(r"\d{4}\s*[-/.年]\s*\d{1,2}(?:\s*[-/.月]\s*\d{1,2}日?)?")
#: metadata values that say nothing (uploaded by a member, contributed by a reader, …)
EMPTY_VALUES = {"网友投稿", "会员上传", "佚名", "网络", "互联网", "admin", "匿名", "本站", "网友", "用户上传",
                "本站原创", "次", ""}

#: lines a page adds around any article
#: why a printed page's number and running head are removed: a paragraph they interrupt goes on across them
PAGE_NUMBER, RUNNING_HEAD = "页码", "页眉"
#: a markup comment alone on its line (<!--more-->, a blog's cut for its summary, inside a sentence)
COMMENT = "注释"
#: page matter that may stand inside a paragraph (a printed page's number and running head, a comment): the
#: lines around it are joined over it as if it were absent
JOINED_OVER = (PAGE_NUMBER, RUNNING_HEAD, COMMENT)
#: a chunk a document site's preview numbers (1、…), longer than a heading can be
CHUNK = re.compile(r"^(\d{1,3})、\s*")
CHUNK_CHARS = 200
#: a metadata row opening with its date (2011年09月26来源：, a row that lost its 日)
ROW_DATE = re.compile(rf"^[\s•·*\-（(]*(?:\d{{4}}年\d{{1,2}}月\d{{1,2}}(?:日|(?=\s*{META_KEY}))"
                      r"|\d{4}-\d{1,2}-\d{1,2})")
#: an agency's dateline in brackets after a text's last words: （新华社北京1月1日电）
TAIL_DATELINE = re.compile(r"\s*[（(]\s*[\u4e00-\u9fff]{2,8}(?:社|网|报)[\u4e00-\u9fff]{0,8}\d{1,2}月\d{1,2}日电"
                           r"\s*[）)]$")
#: a site's note that pictures go with the text, after its title or date: （附图片1张）, （附照片）
PHOTO_NOTE = re.compile(r"\s*[（(]附(?:图片?|照片)\s*[0-9一二三四五六七八九十]*\s*张?[）)]")
#: a printed page's number inside a line: 第 1 页 共 4 页
INLINE_PAGE = re.compile(r"\s*第\s*\d{1,4}\s*页\s*[，,/／]?\s*共\s*\d{1,4}\s*页\s*")
#: page matter a line of the text may hold beside its words (pattern, a character it needs, reason): a
#: printed page's number a copy ran into the text (…宣读选第 1 页 共 4 页举办法…), an agency's dateline after
#: the last words (谢谢大家。（新华社北京1月1日电）), a site's note of pictures (…讲话（…）（附图片1张）)
INLINE_MATTER = ((INLINE_PAGE, "共", PAGE_NUMBER), (TAIL_DATELINE, "电", "电头"), (PHOTO_NOTE, "附", "图片说明"))
#: a printed page's number: — 3 —, 第3页 共12页, 3/12
#: the fewest characters of a line of text cut off mid-sentence (a printed page's line)
CUT_OFF = 12
#: the least share of a text's lines cut off mid-sentence where its lines are a printed page's
PAGE_BROKEN = 0.3
#: the marks of a clause's end, and of a sentence's
CLAUSE_MARK = re.compile(r"[，、；。,;]")
SENTENCE_MARK = re.compile(r"[。！？]")
#: how a line ends that no text carries on after (a sentence, a salutation, a quotation)
CARRIED_ON = tuple("。！？；：”…!?;:")
#: a post's source set off by 丨 as its credits are: 来源 | 某县发布
CREDITED_SOURCE = re.compile(r"^(?:来源|出处)\s*[丨|｜]\s*(?P<source>[^丨|｜]{1,30})$")
#: the head of a site's notice to its readers
NOTICE = re.compile(r"^(?:温馨提示|友情提示|下载须知|重要提示|特别提示|阅读须知|用户须知)\s*[:：]?$")
#: a table of contents saved as text: its head, and an entry ending in its page number
CONTENTS = re.compile(r"^目\s*录\s*[:：]?$")
PAGE_ONLY = re.compile(r"^\d{1,4}$")
#: the longest item of a page's outline above the text
OUTLINE_ITEM = 24
CONTENTS_ENTRY = re.compile(r"[^\d\s.…·—－-](?:\s*[.…·]{2,}\s*|\s+)\d{1,4}$")
#: a syllable of pinyin in brackets right after a character, once or twice (林業(yè), 會(hui)(hui)): a site
#: marks the reading of every character it converted; a writer, of a rare word now and then (绠短汲深(gěng))
READING = re.compile(r"(?<=[\u3400-\u9fff])(?:[（(][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,6}[）)])+")
#: a forum's scrambling against copying: four or more tokens of one or two ASCII characters in a row
SCRAMBLE = re.compile(r"(?<![!-~])(?:[!-~]{1,2}[ \t]+){3,}[!-~]{1,2}(?![!-~])[ \t]*")
#: readings in a text from which they are the site's
READINGS = 5
#: a paragraph in a Latin script, no Chinese in it, of at least this many words: a translation a site
#: set beside the text (a periodical site's English abstract), not the speech's
FOREIGN_WORDS = 20
PAGE_LINE = re.compile(r"^[-—–－]{1,2}\s*\d{1,4}\s*[-—–－]{1,2}$"
                       r"|^[=＝\-—*]{2,}\s*第\s*\d{1,4}\s*页\s*[=＝\-—*]{2,}$"      # a scan's page: ====第4页====
                       r"|^第\s*\d{1,4}\s*页(?:\s*[，,/／]?\s*共\s*\d{1,4}\s*页)?$|^\d{1,4}\s*[/／]\s*\d{1,4}$")
#: page debris by reason, matched against the lower-cased line (so Powered By is powered by); each
#: pattern is anchored at the line's start or starts with a literal, so the engine skips ahead fast
#: a site's name: 共产党员网, 人民网, 新华网站 (not 互联网)
SITE = r"[\u4e00-\u9fff]{1,8}(?<!互联)网站?"
DEBRIS = [
    # a site's note of the title the text had where it was first published: （原标题：…）
    (re.compile(r"^[（(]\s*原标题\s*[:：].*[）)]$"), "网页标题"),
    # a newspaper's note of the pages a text runs over: （A、B版）, （第01版）
    (re.compile(r"^[（(]\s*(?:第?\s*[a-z0-9]{1,3}\s*[、，,]?\s*)+版\s*[）)]$"), "页面信息"),
    # a page template's code saved with the page (JSP, PHP, ASP, Jinja, server-side includes)
    (re.compile(r"^\s*(?:<%.*%>|<\?php.*\?>|\{%.*%\}|<!--#.*-->)\s*$"), "非正文"),
    (re.compile(r"小[编編].{0,12}(?:整理|收集|分享|精心|推荐|为|為)|来源于网友上传|不代表本站观点|本站为你精心整理|本站為你精心整理"
                r"|欢迎参考|歡迎咨詢|客服老师|客服老師|由会员分享|请在[\u4e00-\u9fff]{2,8}上搜索|请勿照搬照抄"
                r"|^(?:下面|以下)是[^。]{2,40}(?:提供|整理)的[^。]{2,40}[,，]\s*(?:欢迎|歡迎)(?:阅读|閱讀|参考|參考)"),
     "网站按语"),
    (re.compile(r"^(?:简介|摘要|导读|导语|前言)\s*[:：].{0,60}(?:小编|整理|为你|為你|为大家|文库|本站|网友|范文"
                r"|範文)"), "网站简介"),
    (re.compile(r"^(?:免责)?声明\s*[:：]"), "版权声明"),
    (re.compile(r"^(?:标签|tags?)\s*[:：]\s*#?"), "页面信息"),          # a post's tags: 标签: #表彰大会
    # an advertisement's call to act: 公文高手,超级方便的公文写作神器! 立即了解
    (re.compile(r"(?:立即|马上|点击|免费)(?:了解|下载|体验|购买|查看|领取|开通|试用)$|了解更多$"
                r"|尽在[^。，]{1,12}(?:app|客户端)$"), "广告"),      # 海量资讯、精准解读，尽在新浪财经APP
    # a site's error notice saved with the page: 对不起,可能是网络原因或无此页面 / 本页面3秒之后将带您回到…首页
    (re.compile(r"可能是网络原因|无此页面|页面不存在|页面已删除|秒之?后将?(?:带您|自动)?(?:回到|返回|跳转)"),
     "页面信息"),
    (re.compile(r"版权所有|版权声明|版权归|未经(?:授权|许可).{0,10}(?:禁止|不得)|icp备|icp证"
                r"|公网安备|powered by|all rights reserved|侵权必究|如有侵权|追究法律责任|禁止转载|谢绝转载|二次传播"),
     "版权声明"),
    (re.compile(r"^(?:下载|(?:开通|购买)?会员.{0,20}(?:查看|阅读|下载)|[（(]?未完.{0,6}全文共\s*\d+\s*字"
                r"|[（(]请认真阅读下面的提示|预览结束|请点击.{0,30}联系(?:老师|客服))"), "下载提示"),
    # a download prompt, and a paywall's offer
    (re.compile(r"下载本文|下载文档|点此处?下载|下载到(?:自己)?(?:电脑|本地)|word格式文档|文档为\s*doc|\.docx?$|全文下载"
                r"|免费下载|请勿使用迅雷|剩余.{0,10}未读|阅读全文|查看全文|继续阅读|当前显示\s*\d+\s*字"
                r"|免费获取全文|定制代笔|尊享会员|每天仅需\s*[\d.]+\s*元|万篇范文免费"
                r"|^(?:论文|文章|文档)?部分内容(?:阅读|预览)$"        # a periodical site's preview
                r"|^vip\s*(?:专享|专免|免费|专属|文档)$"), "下载提示"),
    (re.compile(r"^(?:(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|位置)\s*[:：]|(?:首页|主页|网站首页)\s*[>＞»›]"
                r"|[^。，>＞»›]{1,12}(?:\s*[>＞»›]\s*[^。，>＞»›]{1,20})+\s*[>＞»›]\s*[^。>＞»›]{1,80}$"
                r"|[>＞»›]\s*[^。，>＞»›\s]{1,12}$|[^。，>＞»›\s]{1,12}\s*[>＞»›]$"     # > 文章内容
                r"|[^。，>＞»›\s]{1,8}\s*[>＞»›]\s*[^。，>＞»›]{1,40}$"     # 关于我们 > 公司简介
                # 首页 新闻 招标动态 …的讲话: the home page, columns and the headline, spaced
                r"|(?:网站首页|首页|主页)(?:\s+[^\s。，]{2,12}){1,4}\s+[^\s。，]{8,80}$)"), "导航"),
    (re.compile(rf"^{SITE}\s+[\u4e00-\u9fff]{{2,20}}$"), "导航"),   # a site, a column
    (re.compile(r"^[^。，,\s]{2,20}\s+(?:首页|主页)$"), "导航"),        # a site's name and its home link
    # a date stamp and the site's name under the headline (10-28 笔杆子素材库)
    (re.compile(r"^\d{1,2}-\d{1,2}\s+[\u4e00-\u9fff]{2,12}$"), "页面信息"),
    # a reader's controls: 【字体 】 【背景色 杏仁黄 秋叶褐 …】
    (re.compile(r"^[【\[]\s*(?:字体|字号|背景色?)\b.*[【\[]\s*背景色?|^[【\[]\s*背景色\s"), "页面按钮"),
    (re.compile(r"^(?:关键词|关键字)\s*[:：]"), "页面信息"),              # a page's keywords
    # a weather widget: • 泰州 阵雨转多云 18℃~11℃
    (re.compile(r"^[•·]?\s*[\u4e00-\u9fff]{0,8}\s*[\u4e00-\u9fff]{0,8}[晴阴雨雪云雾霾][\u4e00-\u9fff]{0,6}\s*-?\d{1,2}\s*℃"
                r"(?:\s*[~～\-—/]\s*-?\d{1,2}\s*℃)?$"), "页面信息"),
    (re.compile(r"^第?\s*\d{1,3}\s*版\s*[:：]"), "导航"),   # a newspaper's list of its pages: 01版:要 闻
    # a link to the site's column under a headline: 专栏：中央全面深化改革委员会会议
    (re.compile(r"^专栏\s*[:：]\s*\S{2,30}$"), "导航"),
    # a site's name and its motto: 中国报道网——中国报道杂志唯一官方网站
    (re.compile(rf"^{SITE}\s*(?:——|—|-|\|)\s*[^。，]{{0,30}}(?:官方网站|门户网站|官网|网站)$"), "网站信息"),
    (re.compile(r"^分享\s*[:：]"), "分享按钮"),
    (re.compile(r"^(?:收听本文|听全文|点击收听|语音播报|朗读本文)\s*[\d:：/／\s]*$"), "页面按钮"),   # an audio player
    # a video player's controls copied with the page (…退出全屏 … 倍速播放中 … 您的浏览器不支持 video 标签 …)
    (re.compile(r"您的浏览器不支持\s*video|倍速播放中|退出全屏.{0,40}(?:全屏|横屏|竖屏)"), "页面按钮"),
    # a post's counters: 阅读原文 阅读 1234 在看 12
    (re.compile(r"^(?:阅读原文\s*)?(?:阅读|浏览)\s*[\d.]+万?\+?(?:\s*(?:在看|赞|点赞|分享|留言)\s*[\d.]*万?)*$"),
     "页面按钮"),
    # share and follow prompts, a WeChat account's among them (后台回复…, 设为星标, 向下滑动查看…)
    # (分享到 a platform or a colon, not 分享到…成果 in a sentence; 关注我们 opening a clause, not 在关注我们的…)
    (re.compile(r"分享到(?=\s*(?:[:：]|$|qq|微信|微博|朋友圈|新浪|腾讯|人人|豆瓣|空间))|扫一扫|点击(?:底部|右上角|右下角|文末)|打开微信"
                r"|微信扫|(?:^|[，。！\s])(?:请|欢迎)?关注(?:我们|公众号)|关注公众号|点击图片进入|扫码阅读|手机扫码|长按(?:扫码|识别)"
                r"|后台回复|点击下方小程序|设为星标|可以第一时间了解|^(?:向下|上下|左右)滑动查看"
                r"|^如果(?:你|您)?(?:喜欢|觉得)[^。，]{0,8}(?:文章|不错|有用)"), "分享按钮"),
    # a WeChat account's tail: its credits set off by 丨, its list of past posts
    (re.compile(r"^(?:(?:执行|责任)?编辑|采写|摄影|供稿|撰稿|文字|视频|设计|排版|校对|初审|复审|终审|审核|监制|出品|策划)"
                r"\s*[丨|｜]"), "编辑署名"),
    (CREDITED_SOURCE, "页面信息"),                                    # a post's 来源 | 某县发布
    (re.compile(r"^#?\s*往期(?:回顾|推荐|精彩|阅读)\s*#?$"), "相关链接"),
    (re.compile(r"^(?:部分)?图片(?:由受访者提供|来源于网络|来自网络)|^图源\s*[:：丨|｜]"), "图片说明"),
    (re.compile(r"^(?:地址|电话|邮编|传真|联系电话|电话&传真|(?:网站|在线)?客服(?:电话|qq|微信|热线)?)\s*[:：]"),
     "网站信息"),
    (re.compile(r"^[^|｜。，：]{1,10}(?:\s*[|｜]\s*[^|｜。，：]{1,10})+\s*[|｜]?$"), "导航"),    # 登录|注册: links
    (PAGE_LINE, PAGE_NUMBER),
    (re.compile(r"^今天是\s*[:：]?\s*(?:\d{4}年\d{1,2}月\d{1,2}日)?\s*(?:星期.|周.)?$"), "页面信息"),   # a date widget
    # a note of when the article was published, alone on its line: 文章发表于2022年12月26日
    (re.compile(r"^(?:文章|本文)?(?:发表|发布|刊发|刊登)于\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日[。.]?$"),
     "页面信息"),
    (re.compile(r"^(?:本篇文章|本文|全文)共?\s*\d+\s*字\s*[，,]?\s*(?:预计)?(?:阅读|读完)(?:大约|约|需要|需|时间)*\s*"
                r"\d+\s*分钟[。.]?$"), "页面信息"),   # a reading-time widget: 本篇文章929字,读完约2分钟
    # a newspaper's dateline under a text it printed: （本报墨尔本9月7日电）
    (re.compile(r"^[（(]本报[\u4e00-\u9fff]{0,10}\d{1,2}月\d{1,2}日电[）)]$"), "页面信息"),
    # a WeChat account's id and description under its name: 微信号 mycase, 功能介绍 …
    (re.compile(r"^微信号\s*[:：]?\s*[a-z0-9_-]{3,30}$|^功能介绍\s*[:：]?\s*\S"), "页面信息"),
    # a WeChat account's count of its posts and the reading time: 第7787篇深度好文：5935字 | 15 分钟阅读
    (re.compile(r"篇深度好文|\d+\s*字\s*[|｜丨\\]*\s*\d+\s*分钟阅读"), "页面信息"),
]
#: a site's menu on one line (a line of its own, not a run of short lines read together): its home page
#: and its columns, or six columns or more (网站首页 实用文 书信 …)
MENU_LINE = re.compile(r"^(?:(?:网站首页|首页|主页)(?:\s+[\u4e00-\u9fff]{2,6}){3,}"
                       r"|[\u4e00-\u9fff]{2,5}(?:\s+[\u4e00-\u9fff]{2,5}){5,})$")
#: a breadcrumb's label: 当前位置：, 您当前的位置：; it is sought among the page's first lines, and the short lines
#: of the site above it (up to ``PAGE_LABEL_MAX`` characters) are the page's
POSITION = re.compile(r"^(?:您|你)?(?:当前|现在)?(?:所在)?的?位置\s*[:：]")
CRUMB_LINES = 15
PAGE_LABEL_MAX = 40
#: a line that is only one of these words starts or belongs to the page's footer of related links
FOOTER = re.compile(r"^(?:推荐访问|相关(?:附件|链接|报道|文档|新闻|专题)|相关推荐|热点推荐|热门推荐|猜你喜欢"
                    r"|相关范文推荐|相关范文|相关文章|相关阅读|推荐阅读"
                    r"|延伸阅读|热门文章|最新文章|上一篇|下一篇|返回顶部|返回列表|更多精彩|精彩推荐|网站地图)\s*[:：>》]*.{0,40}$")
NAV_WORDS = re.compile(r"^(?:分享(?:到)?|收藏|点赞|打印|关闭|评论|返回|举报|纠错|字号|字体|大|中|小|默认|加大|还原|减小"
                       r"|放大|缩小|全屏"
                       r"|下载|复制链接|在线阅读|加入收藏|设为首页|x|×|关闭窗口|打印本页|打印文章|打印正文|打印此页"
                       r"|返回顶部|T\+|T-|A\+|A-|[△▲▶]?\s*(?:点击)?(?:观看|播放)?视频|点击播放|(?:点击)?查看大图"
                       r"|关于我们|联系我们|网站地图|网站声明|隐私政策|意见反馈|有奖调查|帮助中心"
                       r"|注册|登录|登入|免费注册|会员登录|会员中心|个人中心|退出登录"
                       r"|(?:手机|电脑|网页|触屏|移动|桌面|无障碍|适老化|简体|繁体|繁體|English)版?"
                       r"|微信(?:订阅号|公众号|服务号)|联系客服|在线客服"
                       r"|阅读原文|在看|写留言|留言|赞赏|喜欢作者|已关注|附件列表|附件下载|发布者微信|作者微信"
                       r"|新闻发送|发送给朋友|推荐给朋友|正文复制|复制正文|复制全文|全文复制|复制本文"
                       r"|文章全文\s*[:：]?\s*[|｜]?|内容预览\s*[:：]?)$", re.I)
#: an archive's licence block closing a page: Wikisource's "本作品是中华人民共和国的法律、法规…属于公有领域"
#: (a line it opens, or one ending in 公有领域: see ``licence``)
LICENCE = re.compile(r"^(?:本作品(?:是|在|已|采用|依据|根据|属于|原文|的作者|来自|由)|(?:此|这)作品.{0,30}(?:公有领域"
                     r"|授权|许可)|Public domain|This work is in the public domain)", re.I)
PUBLIC_DOMAIN = ("公有领域", "公有领域。", "公有领域.")
#: a line without Chinese that is still text of the speech: numbers and punctuation a wiki link broke off
TEXT_PIECE = re.compile(r"[\d\s'\".,，。、；：！？“”‘’《》〈〉「」（）()\-—…%％·・/]+")
SPACED_NUMBERS = re.compile(r"\d+(?:\s+\d+)+")
#: a line longer than this with a sentence's end in it is prose, not page matter
PROSE = 40
#: this many short lines in a row, none with a clause's mark, above the text or below it are a menu
MENU = 8
#: as many, where the first is 首页
HOME_MENU = 2
#: an item of a list of links: a title cut short or ending in its date (…[06-11], （2026-06-11）)
LINK_ITEM = re.compile(r"(?:…|\.\.\.)\s*[\[［(（]?\d{2,4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?[\]］)）]?\s*$"
                       r"|[\[［(（]\d{2,4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?[\]］)）]\s*$")
#: the controls that close an article on a page, or its end mark (END, ---THE END---): what follows them is
#: the page's footer
CLOSERS = re.compile(r"^(?:打印本页|打印正文|打印此页|打印文章|关闭窗口|(?i:(?:the\s*)?end)"
                     r"|(?:微信)?扫一扫在手机(?:打开当前页|阅读[、，]?分享本文))$")
#: a post's row of credits naming its editor among others (演讲 | 吴晓波 | 责任编辑 | 何梦飞): what follows is the
#: page's (a news site's 编辑：某某 alone may stand over the article's appendix)
EDITED = re.compile(r"^(?=(?:[^|｜]*[|｜]){2})[^。！？]*(?:责任编辑|责编|编辑)[|｜:：]")
#: reasons that carry page metadata to keep
META_REASONS = ("页面信息",)
#: lines a reader marks as no text of the speech (``drafter.ingest.text``): a Markdown source's front
#: matter, an image or a link alone on its line, a comment, a rule
FORMAT_REASONS = {"frontmatter": "文件头信息", "image": "图片", "link": "链接", "comment": COMMENT, "rule": "分隔线"}
FRONT_DATE = re.compile(r"^\s*date\s*[:=]\s*[\"']?(\d{4}-\d{1,2}-\d{1,2})", re.IGNORECASE)
#: or in a feed's form (date: Thu, 10 Jun 2021 02:51:38 GMT)
FRONT_MAIL_DATE = re.compile(r"^\s*date\s*[:=]\s*[\"']?((?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\b.*?)"
                             r"[\"']?\s*$", re.IGNORECASE)
#: a field of a database record's header (``drafter.ingest.text.record_fields``) the page's facts come from:
#: the source (原文出处), its issue's date (原刊期号 19970108: when it was printed) and the author
RECORD_FACT = re.compile(r"^\s*【\s*(原\s*文\s*出\s*处|原\s*刊\s*期\s*号|作\s*者)\s*】\s*(\S.*?)\s*$")


@dataclass
class Line:
    """A source line after normalisation, with what cleaning found it to be."""

    no: int
    raw: str
    text: str
    hints: Hints = field(default_factory=Hints)


def indent_of(raw: str) -> int:
    """A line's indent in columns (an ideographic space is two, a tab four)."""
    head = raw[:len(raw) - len(raw.lstrip())]
    return head.count(" ") + 2 * head.count("\u3000") + 4 * head.count("\t")


@dataclass
class PageMeta:
    source: str | None = None
    date: str | None = None          # the page's posting date (发布时间 …), not the speech's
    author: str | None = None
    dateline: tuple[int, int] | None = None   # month and day of a news dateline (新华社北京4月24日电)


@dataclass
class Cleaned:
    lines: list[Line]                       # non-blank lines kept, normalised (gaps included)
    removed: list[Removed] = field(default_factory=list)
    page: PageMeta = field(default_factory=PageMeta)


def _around_hidden(line: Line) -> list[Line]:
    """A line with a hidden-text marker inside it (…校史上......此处隐藏1268字,下载文档可见......对学校…) as
    three: the text before, the marker, the text after (each with the line's number); else the line."""
    m = HIDDEN_INSIDE.search(line.text)
    if m is None or not line.text[:m.start()].strip() or not line.text[m.end():].strip():
        return [line]
    parts = (line.text[:m.start()], m.group(1), line.text[m.end():])
    return [Line(line.no, line.raw, part.strip(), line.hints) for part in parts]


def _readings(lines: list[Line], removed: list[Removed]) -> None:
    """Cut out the readings a site marked after its characters (林業(yè)工作), where there are ``READINGS`` or
    more; a writer's few, on rare words, stay."""
    bracketed = "\n".join(line.text for line in lines if "(" in line.text or "（" in line.text)
    if len(list(islice(READING.finditer(bracketed), READINGS))) < READINGS:
        return
    for line in lines:
        found = READING.findall(line.text)
        if found:
            removed.append(Removed(line.no, " ".join(found), "网站注音"))
            line.text = READING.sub("", line.text)


def _scrambled(lines: list[Line], removed: list[Removed]) -> None:
    """Cut out the runs of scrambling characters a forum sets into its posts against copying (Discuz's
    防采集: …召开了座谈会。& G, p$ |+ y" X1 } L / : P) O' c; F0 {0 t4 J. ~ 座谈会…): four or more tokens of
    one or two ASCII characters in a row, in a line of Chinese."""
    for line in lines:
        if " " not in line.text:
            continue                   # (no run without spaces: most lines of prose are passed over here)
        found = [m for m in SCRAMBLE.finditer(line.text) if _scrambling(m.group(0))] if has_hanzi(line.text) else []
        if found:
            removed.append(Removed(line.no, " ".join(m.group(0).strip() for m in found), "防采集乱码"))
            for m in reversed(found):
                line.text = line.text[:m.start()] + line.text[m.end():]
            line.text = line.text.strip()


def _scrambling(run: str) -> bool:
    """Whether a run of short ASCII tokens is scrambling: two or more hold a mark ($ & ( %), some a letter,
    and they differ (a number spaced out digit by digit, 1 9 9 3, is text; a row of separators, | | |, a
    page's)."""
    tokens = run.split()
    return (sum(bool(re.search(r"[^0-9A-Za-z]", t)) for t in tokens) >= 2
            and any(re.search(r"[A-Za-z]", t) for t in tokens) and len(set(tokens)) >= 3)


def _foreign(text: str) -> bool:
    """Whether a line without Chinese is a paragraph in a Latin script (``FOREIGN_WORDS`` words or more)."""
    return len(re.findall(r"[A-Za-z]+(?:['’-][A-Za-z]+)*", text)) >= FOREIGN_WORDS


def _chunk_marks(lines: list[Line], removed: list[Removed]) -> None:
    """A document site's preview numbers the chunks it cut the text into (1、县政协…会议预备会主持词 各位委员: …
    宣读大会秘 / 2、书名单(草案)…): long lines numbered 1、 2、 … in order, each after the first going on
    from a line cut off mid-sentence. The numbers go (reported as page numbers), and the lines join."""
    marked = [(k, m) for k, line in enumerate(lines) if (m := CHUNK.match(line.text)) and len(line.text) > CHUNK_CHARS]
    if len(marked) < 2 or [int(m.group(1)) for _, m in marked] != list(range(1, len(marked) + 1)):
        return
    if any(k == 0 or re.search(r"[。！？；：”）)]$", lines[k - 1].text) for k, _ in marked[1:]):
        return
    for k, m in marked:
        removed.append(Removed(lines[k].no, m.group(0).strip(), PAGE_NUMBER))
        lines[k].text = lines[k].text[m.end():]


def gap_size(text: str) -> tuple[bool, int | None]:
    """Whether a line is a hidden-text marker, and how many characters it says were hidden."""
    if "隐藏" not in text or len(text) > 60:
        return False, None
    m = GAP.match(text)
    if not m:
        return False, None
    return True, int(m.group(1)) if m.group(1) else None


def licence(text: str) -> bool:
    """Whether a line belongs to an archive's licence block (see ``LICENCE``)."""
    return text.endswith(PUBLIC_DOMAIN) or LICENCE.match(text) is not None


SITE_NAME = re.compile(rf"^{SITE}$")


def _controls(text: str) -> bool:
    """A row of page buttons: 【字号：大 中 小】, 【 打印本页 】【 关闭窗口 】, 收藏 | 分享到:."""
    if "，" in text or "。" in text:
        return False                         # no button's name holds a comma or a full stop
    controls = [c for c in re.split(r"[【】\[\]｜|:：\s]+", text) if c]
    if len(controls) >= 3 and SITE_NAME.match(controls[0]):
        controls = controls[1:]              # the site's name before its buttons: 共产党员网 分享 打印 纠错
    return bool(controls) and all(NAV_WORDS.match(c) for c in controls)


def _fields(text: str) -> int:
    """How many metadata keys with their values a line without a sentence's end holds (以稿换稿】【收藏】
    作者: 佚名  来源: 作者原创  阅读 次: its buttons before them)."""
    if text.count("：") + text.count(":") < 2 or re.search(r"[。！？]", text):
        return 0
    return len({key for key, _ in META_FIELD.findall(text)})


#: the longest line read for page debris, and the longest spaced-out one (a widget over many columns)
DEBRIS_LONGEST, SPACED_WIDGET = 400, 4000


def debris_reason(text: str) -> str | None:
    """Why a normalised line is page debris, or None if it may be speech text (a page's widget spaced out
    over hundreds of columns is read at the length of its words)."""
    if len(text) <= DEBRIS_LONGEST or (len(text) <= SPACED_WIDGET and len(text) - text.count(" ") <= DEBRIS_LONGEST):
        lower = text.lower()
        for pattern, why in DEBRIS:
            if pattern.search(lower):
                return why
    if len(text) <= 120 and (META_LINE.match(text) or DATETIME.match(text) or SOURCE_TAIL.match(text)
                             or EDITION.match(text) or DATED_ROW.match(text) or STAMPED.match(text)
                             or _fields(text) >= 2):
        return "页面信息"
    if _controls(text):
        return "页面按钮"
    if " " in text and MENU_LINE.match(text):
        return "导航"
    if len(text) <= 60 and (MEDIA.match(text) or (CREDIT.search(text) and not re.search(r"[。！？]", text))):
        return "图片说明"
    if BYLINE.match(text):
        return "记者署名"
    return None


def _date_text(value: str) -> str | None:
    m = DATE.search(value)
    return m.group(0) if m else None


def _front_fact(text: str, page: PageMeta) -> None:
    """Keep a fact of a file's header: a blog post's date (when the page was posted), a database record's
    source, issue date and author."""
    if (m := FRONT_DATE.match(text)) and not page.date:
        page.date = m.group(1)
    elif (m := FRONT_MAIL_DATE.match(text)) and not page.date:
        try:
            page.date = parsedate_to_datetime(m.group(1)).date().isoformat()
        except (TypeError, ValueError):
            pass                           # not a date after all: no posting date
    elif m := RECORD_FACT.match(text):
        key, value = re.sub(r"\s", "", m.group(1)), m.group(2)
        if key == "作者":
            page.author = page.author or value
        elif key == "原文出处":
            page.source = page.source or value
        elif (day := re.fullmatch(r"((?:19|20)\d\d)(\d\d)(\d\d)", value)) and not page.date:
            page.date = "-".join(day.groups())


#: the day a note says the article was published on (文章发表于2022年12月26日)
PUBLISHED_ON = re.compile(r"(?<=于)\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日")


def page_metadata(text: str, page: PageMeta) -> None:
    """Keep source, posting date and author from a page-metadata line."""
    if (m := CREDITED_SOURCE.match(text)) and not page.source:
        page.source = m["source"].strip()
    for key, value in META_FIELD.findall(text):
        value = value.strip().strip("【】[]")
        words = value.split()
        while len(words) > 1 and NAV_WORDS.match(words[-1]):
            words.pop()                        # the row's buttons after its last value: 来源：新华社 分享 打印
        value = " ".join(words)
        if value in EMPTY_VALUES or re.fullmatch(r"\s*次?\s*", value):
            continue
        if "来源" in key or key == "出处":
            dated = DATE.search(value)
            # 来源：《人民日报》 2012年9月11日; 来源:市城管局   2022-03-10 11:51
            if dated and re.fullmatch(r"(?:\d{1,2}[:：]\d{2}(?:[:：]\d{2})?)?", value[dated.end():].strip(" ）)")):
                page.date = page.date or dated.group(0)
                value = value[:dated.start()].strip() or value
            if not page.source:
                page.source = value.strip("（）()")
        elif key == "作者":
            if not page.author:
                page.author = value
        elif ("时间" in key or "日期" in key) and not page.date:
            page.date = _date_text(value) or value
    if not page.date:
        m = (EDITION.match(text) or DATETIME.match(text) or STAMPED.match(text)
             or ROW_DATE.match(text) or PUBLISHED_ON.search(text))
        if m:
            page.date = _date_text(m.group(0))


def _run_reason(texts: list[str]) -> str | None:
    """Why a run of short lines, read as one line, is page debris: a toolbar or a breadcrumb split one
    item per line (【字号： / 加大 / 还原 / 减小 / 】; 您的位置: / 首页 / > / 要闻)."""
    joined = " ".join(texts)
    if _controls(joined):
        return "页面按钮"
    lower = joined.lower()
    for pattern, why in DEBRIS:
        if why == "导航" and pattern.search(lower):
            return why
    return None


def clean(source: list[SourceLine]) -> Cleaned:
    """Normalise lines, drop and report debris, keep page metadata; blank lines are dropped silently.

    Besides one line at a time, a few rules read neighbouring lines: a toolbar or breadcrumb the page
    split one item per line; a site's menu (``MENU`` short lines or more in a row, above the text or
    below it, not a poem's); a printed page's running head beside its page numbers; a metadata key
    whose value is on the next line; the column name a
    breadcrumb repeats under it; and the page footer, which starts at the controls that close an
    article (打印本页, 关闭窗口) or at a list of related links, and runs to the end — unless the speech
    follows (a side bar of links copied above the article: then only its dated items go)."""
    out = Cleaned(lines=[])
    lines = [Line(s.no, s.text, normalize(s.text), s.hints) for s in source]
    if any("隐藏" in line.text for line in lines):
        lines = [part for line in lines for part in _around_hidden(line)]
    _chunk_marks(lines, out.removed)
    _readings(lines, out.removed)
    _scrambled(lines, out.removed)
    for line in lines:       # page matter run into a line of the text: cut out, the rest kept
        for pattern, cue, matter in INLINE_MATTER:
            m = pattern.search(line.text) if cue in line.text else None
            if m and (m.start() or m.end() < len(line.text)):
                out.removed.append(Removed(line.no, m.group(0).strip(), matter))
                line.text = (line.text[:m.start()] + line.text[m.end():]).strip()
    lines = [line for line in lines if line.text]
    why: dict[int, str] = {}
    _notices(lines, why)
    prose = [k for k, line in enumerate(lines) if k not in why and is_prose(line.text)]
    # runs of short lines read together
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and len(lines[j].text) <= 8 and not re.search(r"[。！？]", lines[j].text) \
                and not FOOTER.match(lines[j].text):
            j += 1
        menu = MENU if lines[i].text != "首页" else HOME_MENU       # a menu that opens with its home page
        if j - i >= menu and prose and (j <= prose[0] or i > prose[-1]) and not _verse(lines[i:j]) and \
                not any(re.search(r"[，、：:；]", line.text) or read_mark_like(line.text) for line in lines[i:j]):
            for k in range(i, j):
                why[k] = "导航"       # a site's menu copied with the page, above the text or below it
            i = j
            continue
        if j - i >= 2:
            # the longest prefix of the run, at least two lines, that reads as debris
            for end in range(j, i + 1, -1):
                reason = _run_reason([line.text for line in lines[i:end]])
                if reason:
                    for k in range(i, end):
                        why[k] = reason
                    i = end - 1
                    break
        i = max(i + 1, j if j - i < 2 else i + 1)
    _running_heads(lines, why)
    _running_lines(lines, why)
    _contents(lines, why)
    _above_crumb(lines, why)
    _outline_above(lines, why)
    body_seen = in_footer = False
    footer = "页脚"
    crumb: str | None = None
    for k, line in enumerate(lines):
        text = line.text
        if gap_size(text)[0]:
            out.lines.append(line)
            continue
        reason = why.get(k)
        if reason is None:
            if re.fullmatch(r"(?:toc|目录)\d?", line.hints.style or ""):
                reason = "目录"
            elif line.hints.style in FORMAT_REASONS:
                reason = FORMAT_REASONS[line.hints.style]
                if line.hints.style == "frontmatter":
                    _front_fact(line.raw, out.page)
            elif in_footer:
                reason = footer
                if len(text) <= 120 and META_LINE.match(text):
                    page_metadata(text, out.page)      # the article's metadata row set under its links
            elif FOOTER.match(text) and len(text) <= 40:
                reason = "相关链接"
                if body_seen or not _speech_follows(lines[k + 1:]):
                    in_footer = True
                else:                      # a side bar of links above the article: its dated items only
                    for n in range(k + 1, len(lines)):
                        if not LINK_ITEM.search(lines[n].text) or n in why:
                            break
                        why[n] = "相关链接"
            elif len(text) <= 200 and licence(text) and (body_seen or k > 0):
                reason, in_footer, footer = "版权声明", True, "版权声明"      # the licence block runs to the end
            elif crumb and text == crumb and _column_follows(lines[k + 1:k + 2]):
                reason = "导航"           # the column name a breadcrumb repeats under it (a headline follows)
            elif META_KEY_ONLY.match(text.strip("【】[] ")):
                reason = "页面信息"
                nxt = lines[k + 1].text if k + 1 < len(lines) else ""
                if (nxt and len(nxt) <= 30 and not re.search(r"[。！？：:]", nxt) and not META_KEY_ONLY.match(nxt)
                        and k + 1 not in why and not (read_mark_like(nxt))
                        and not any(line.text == nxt for line in lines[:k])):    # the title again: no value
                    why[k + 1] = "页面信息"
                    text = text + nxt
            else:
                reason = debris_reason(text)
                if (reason is None and not has_hanzi(text) and not DATE_ONLY.match(text)
                        # (numbers spaced apart above the text, 1 1 1, are a widget's)
                        and (not TEXT_PIECE.fullmatch(text) or (not body_seen and SPACED_NUMBERS.fullmatch(text)))
                        and (not body_seen or len(text) <= 40 or _foreign(text))):
                    reason = "非正文"
        if (reason and body_seen and (CLOSERS.match(text.strip("【】[] -—=*_~·"))
                                      or ("编" in text and EDITED.search(re.sub(r"[\s*\\]", "", text))))
                and not _speech_follows(lines[k + 1:])):
            # the controls closing the article, or its editor's credit: no paragraph follows them
            in_footer = True
        if reason:
            if reason in META_REASONS:
                page_metadata(text, out.page)
            if reason == "导航":
                crumb = re.split(r"\s*[>＞»›]\s*", text.rstrip(">＞»› "))[-1].strip() or crumb
            out.removed.append(Removed(line.no, line.raw.strip(), reason))
            continue
        crumb = None
        if is_prose(text):
            body_seen = True
        out.lines.append(line)
    return out


def is_prose(text: str) -> bool:
    """A line of the text's prose: longer than ``PROSE`` characters, with a sentence's end in it."""
    return len(text) > PROSE and bool(re.search(r"[。！？]", text))


def _column_follows(following: list[Line]) -> bool:
    """Whether what follows a breadcrumb's last item repeated shows it to be the column's name: a
    headline (one the page marks so, whatever its marks) or a page-matter row comes next, not the
    article's text (a subtitle, a 编者按语： label, a paragraph) — then the repeat is the article's own title."""
    nxt = following[0].text if following else ""
    if following and following[0].hints.style == "title":
        return True                      # the page marks it its headline (启航新征程：…，奋进拼搏！—…讲话)
    return bool(nxt) and len(nxt) <= 60 and not re.search(r"[。！？]|[：:]$", nxt) and not nxt.startswith(("—", "―"))


def _verse(lines: list[Line]) -> bool:
    """Whether short lines are a poem's (五言, 七言: all lines but a title five, or seven, characters), not a
    menu."""
    lengths = [len(line.text.rstrip("，。！？；、")) for line in lines]
    return any(lengths.count(n) >= len(lengths) - 1 for n in (5, 7))


def _running_lines(lines: list[Line], why: dict[int, str]) -> None:
    """A page's running head or foot copied with a text that carries no page numbers (a document site's
    preview of a PDF: 公文阁 公文写作之家… / www.… at every page break): a short line, no sentence, seen
    twice or more, at least twice right after prose cut off mid-sentence (a heading's repeated sub-head
    follows a heading, not prose), in a text broken into a printed page's lines (a text in paragraphs
    sets a link's words on their own line inside a sentence: Wikisource's 纲要（草案）)."""
    text_lines = [line for line in lines if len(line.text) >= CUT_OFF]
    open_ended = [line for line in text_lines if not line.text.endswith(CARRIED_ON)]
    if (len(open_ended) < PAGE_BROKEN * len(text_lines)
            or sum(_cut_off(line.text) for line in open_ended) < PAGE_BROKEN * len(text_lines)):
        return                     # a text in whole paragraphs: a short line between two is its own
    seen: dict[str, list[int]] = {}
    for k, line in enumerate(lines):
        if len(line.text) <= 40 and not SENTENCE_MARK.search(line.text) and not read_mark_like(line.text):
            seen.setdefault(line.text, []).append(k)
    repeated = {text: places for text, places in seen.items() if len(places) >= 2}
    for places in repeated.values():
        inside = 0
        for k in places:           # the text before it, past the other running lines, goes on after it
            before = next((j for j in range(k - 1, -1, -1) if lines[j].text not in repeated), None)
            if before is not None and _cut_off(lines[before].text):
                inside += 1
        if inside >= 2:
            for k in places:
                why[k] = RUNNING_HEAD


def _cut_off(text: str) -> bool:
    """Whether a line is text cut off mid-sentence: clauses in it, no heading's number, no end."""
    return (len(text) >= CUT_OFF and not text.endswith(CARRIED_ON) and bool(CLAUSE_MARK.search(text))
            and not read_mark_like(text))


def _notices(lines: list[Line], why: dict[int, str]) -> None:
    """A site's notice to its readers: its head (温馨提示：) and the numbered items under it (1. 部分包含…
    2. 本文档由用户上传…)."""
    for k, line in enumerate(lines):
        if NOTICE.match(line.text):
            end = k + 1
            while end < len(lines) and re.match(r"\d{1,2}\s*[.、．]", lines[end].text):
                end += 1
            if end > k + 1:
                for j in range(k, end):
                    why[j] = "网站信息"


def _above_crumb(lines: list[Line], why: dict[int, str]) -> None:
    """The site's own lines above the page's breadcrumb (当前位置：…, 您当前的位置：首页 > …), among the page's
    first lines and before any prose: its motto, its buttons (德育素材网提供各类范文写作素材！, 打开 · 手机版)."""
    crumb = next((k for k, line in enumerate(lines[:CRUMB_LINES]) if POSITION.match(line.text)), None)
    if crumb is None or any(is_prose(line.text) for line in lines[:crumb]):
        return
    for k in range(crumb):
        if k not in why and len(lines[k].text) <= PAGE_LABEL_MAX:
            why[k] = "导航"


def _outline_above(lines: list[Line], why: dict[int, str]) -> None:
    """A page's outline of the text above it (一、回顾过去 / 二、研判形势 / … over 在…会议上的讲话): numbered
    short lines opening the page, two or more, the first the start of a heading of the text below (一、回顾过去，
    成绩斐然…; the others may be past a copy's end): a table of contents."""
    start = next((k for k in range(len(lines)) if k not in why), len(lines))
    end = start
    while end < len(lines) and read_mark_like(lines[end].text) and len(lines[end].text) <= OUTLINE_ITEM \
            and not SENTENCE_MARK.search(lines[end].text):
        end += 1
    below = [line.text for line in lines[end:]]
    if end - start >= 2 and any(text.startswith(lines[start].text) and text != lines[start].text for text in below):
        for k in range(start, end):
            why[k] = "目录"


def _contents(lines: list[Line], why: dict[int, str]) -> None:
    """A table of contents saved as text (a compilation's 目录 line, then its entries, each ending in its
    page number, after dot leaders or a space: …讲话……12, 做新时代…“拓荒牛” 272): two entries or more."""
    for k, line in enumerate(lines):
        if not line.text.startswith("目") or not CONTENTS.match(line.text):
            continue
        end = k + 1
        while end < len(lines) and len(lines[end].text) <= 80:
            if CONTENTS_ENTRY.search(lines[end].text):
                end += 1              # an entry and its page: …讲话……12
            elif end + 1 < len(lines) and PAGE_ONLY.match(lines[end + 1].text) and not PAGE_ONLY.match(lines[end].text):
                end += 2              # an entry, its page on the next line: …讲话 / 12
            else:
                break
        if end - k > 2:
            for j in range(k, end):
                why[j] = "目录"


def _running_heads(lines: list[Line], why: dict[int, str]) -> None:
    """A printed page's running head or foot (the document's short title, its issuer) copied with the
    text: a short line, no sentence, right beside page numbers three times or more."""
    numbers = [k for k, line in enumerate(lines) if PAGE_LINE.match(line.text)]
    beside: dict[str, list[int]] = {}
    for k in numbers:
        for j in (k - 1, k + 1):
            if 0 <= j < len(lines) and j not in numbers and len(lines[j].text) <= 40 \
                    and not re.search(r"[。！？]", lines[j].text):
                beside.setdefault(lines[j].text, []).append(j)
    for places in beside.values():
        if len(places) >= 3:
            for j in places:
                why[j] = RUNNING_HEAD


def _speech_follows(later: list[Line]) -> bool:
    """Whether the speech goes on below a row of page controls: a numbered heading, a long paragraph (with
    a clause in it: not a list of sponsors' names), or two sentences or more follow it (not counting images
    and links alone on their lines)."""
    later = [line for line in later if line.hints.style not in FORMAT_REASONS]
    sentences = sum(1 for line in later if re.search(r"[。！？]$", line.text))
    return sentences >= 2 or any(read_mark_like(line.text) or (len(line.text) > 80 and PROSE_MARK.search(line.text))
                                 for line in later)


#: a clause's comma or a sentence's end: prose, not a list's 、
PROSE_MARK = re.compile("[，。！？]")


def read_mark_like(text: str) -> bool:
    """Whether a line opens with a numbering mark (一、 （一） 1.): never a metadata value."""
    return bool(re.match(r"^(?:[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])", text))
