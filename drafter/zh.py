"""Chinese text facts used everywhere: numerals, heading numbering marks, sentence ends, CJK characters."""

from __future__ import annotations

import re

from drafter.errors import DrafterError

#: numbering styles a heading can have; "lead" is an unnumbered run-in head, "none" a bare heading.
STYLES = ("一、", "（一）", "1．", "（1）", "第一，", "lead", "none")
#: the default numbering ladder, one style per depth.
DEFAULT_LADDER = ("一、", "（一）", "1．", "（1）")
#: styles that print no number.
UNNUMBERED = ("lead", "none")

#: the marks that end a sentence in Chinese text; a heading ends at the first of them.
SENTENCE_END = re.compile(r"[。！？]")
#: sentence ends of either width, as Word documents typed on any keyboard have them.
ANY_SENTENCE_END = re.compile(r"[。！？!?]")

DIGITS = "零一二三四五六七八九"
CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
#: a Chinese numeral from 1 to 99, as a regular expression.
CN_1_99 = "(?:[二三四五六七八九]?十[一二三四五六七八九]?|[一二三四五六七八九])"

#: characters that count as "Chinese" beside punctuation: CJK ideographs, full-width forms, dashes, dots.
#: the surnames that most people in China bear (a few hundred cover nearly all), and the compound ones: a
#: line of two to four characters opening with none of them is a phrase (宏观趋势, 定力至上), not a name
SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁"
            "任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃"
            "武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒"
            "阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓"
            "古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣"
            "巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储原栗燕楚鄢劳谌奚皮粟冼蔺楼盘满"
            "闻位厉伊仝区郜海阚花权强帅屠豆朴盖练廉禹井祖漆巴丰支卿国狄平计索宣晋相初门云容敬来扈晁芮都普阙"
            "浦戈伏鹿薄邸雍辜羊阿乌母裘亓修邰赫杭况那宿鲜印逯隆茹诸战慕危玉银亢嵇公哈湛宾戎勾茅利於呼居揭干"
            "但尉冶斯元束檀衣信展阴昝智幸奉植衡富尧闭由习钮竺琚虢郦萧")
COMPOUND_SURNAMES = ("欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "尉迟", "公孙", "慕容", "令狐", "长孙", "宇文",
                     "司徒", "夏侯", "端木", "澹台", "西门", "南宫", "轩辕", "呼延", "独孤")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014-\u2026\u00b7\U00020000-\U0003ffff]")


def is_cjk(ch: str) -> bool:
    """Whether a character is Chinese text or full-width punctuation."""
    return bool(ch) and bool(_CJK.match(ch))


def is_hanzi(ch: str) -> bool:
    """Whether a character is a CJK ideograph of the basic block."""
    return "\u4e00" <= ch <= "\u9fff"


def has_hanzi(text: str) -> bool:
    """Whether a text holds at least one Chinese character."""
    return any(is_hanzi(c) for c in text)


def chinese_numeral(n: int) -> str:
    """1 → 一, 10 → 十, 11 → 十一, 20 → 二十, 99 → 九十九."""
    if not 1 <= n <= 99:
        raise DrafterError(f"中文序号只支持 1–99，这里是 {n}")
    tens, ones = divmod(n, 10)
    head = "" if tens == 0 else ("十" if tens == 1 else DIGITS[tens] + "十")
    return head + (DIGITS[ones] if ones else "")


def cn_to_int(text: str) -> int:
    """一 → 1, 十二 → 12, 二十一 → 21; Arabic digits as they are."""
    if text.isdigit():
        return int(text)
    if "十" in text:
        tens, _, ones = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(ones, 0) if ones else 0)
    value = 0
    for ch in text:
        value = value * 10 + CN_DIGITS[ch]
    return value


def mark(style: str, n: int, dot: str = ".") -> str:
    """The printed mark of the n-th (1-based) heading in a numbering style: 一、 （一） 1. （1） 第一，
    (第一个问题：, 第一部分…), or ""."""
    if style in UNNUMBERED:
        return ""
    if style == "1．":
        return f"{n}{dot}"
    if style == "（1）":
        return f"（{n}）"
    cn = chinese_numeral(n)
    if style == "一、":
        return f"{cn}、"
    if style == "（一）":
        return f"（{cn}）"
    if style.startswith("第一"):
        return f"第{cn}{style[2:]}"      # 第一， and the ordinals with what they count: 第一个问题：, 第一部分
    raise DrafterError(f"未知的编号样式“{style}”，可用：{' '.join(STYLES)}")


def label(style: str, number: int) -> str:
    """How a source number reads in warnings: 第五, 三、, （二）, 4., （4）."""
    if style in ("1．", "（1）"):
        return {"1．": f"{number}.", "（1）": f"（{number}）"}[style]
    cn = chinese_numeral(number)
    if style.startswith("第一"):
        return f"第{cn}{style[2:].rstrip('，：、　')}"
    return {"一、": f"{cn}、", "（一）": f"（{cn}）"}.get(style, str(number))
