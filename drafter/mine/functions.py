"""What a phrase does in a speech: the functions of the phrase bank, each with a short description.

    from drafter.mine.functions import FUNCTIONS
    FUNCTIONS["transition"]   # 过渡：从开头转入正文，如"下面，我讲几点意见"

The order is the order of a speech (opening first, closing last); the phrase bank lists its files in it.
"""

from __future__ import annotations

FUNCTIONS: dict[str, str] = {
    "opening.context": "开头：交代背景、依据和讲话主题的常用语",
    "transition": "过渡：从开头转入正文，如“下面，我讲几点意见”",
    "significance": "意义：阐述重要性、必要性，如“…是…的必然要求”",
    "requirement": "要求：以要、必须、务必起句提出要求",
    "measure": "举措：部署工作的动宾短语，如“加快构建新发展格局”",
    "formulation": "提法：固定的政治、政策术语，含数字概括的提法（“四个意识”）",
    "idiom": "四字格：四字短语及其连用，如“攻坚克难、真抓实干”",
    "formula": "常用语：跨文档反复出现、可整体套用的表述",
    "frame": "句式：带空位的排比标题与句式，如“以{A}为统领，以{B}为抓手”",
    "triad": "排比：三个以上结构相同的短句连用",
    "quotation": "引语：古语、名言及其出处",
    "closing.call": "结尾号召：如“同志们，…”",
    "closing.modesty": "结尾谦辞：如“以上发言，不妥之处，请批评指正”",
}
