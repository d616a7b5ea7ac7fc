"""Make the README's examples: examples/sample.docx, examples/skeleton.docx and examples/seminar.docx,
and, where LibreOffice is installed, a PNG of the first page of each.

The sample is seed 001 as the parser reads it, turned into a draft: the speaker's name and the date
become placeholders, a salutation is added and the transition carries a writing hint. The skeletons are
what `drafter new meeting-speech --answers examples/answers/meeting-speech.yaml --minutes 30` and
`drafter new 研讨发言 --answers examples/answers/seminar-remarks.yaml` write.

    python examples/make_sample.py [--style gbt9704]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

import drafter
from drafter import Paragraph, Placeholder
from drafter.api import write_speech

HERE = Path(__file__).resolve().parent
SEED = HERE / "corpus" / "001_ba08b270c44729d2.txt"
#: for the preview only: the machine lacks the office fonts, so show them in the nearest Noto faces
PREVIEW_FONTS = {
    "Noto Serif CJK SC": ["仿宋_GB2312", "仿宋", "楷体_GB2312", "楷体", "宋体"],
    "Noto Sans CJK SC": ["黑体"],
}
PREVIEW_BOLD = {"Noto Serif CJK SC": ["方正小标宋简体"]}


def sample_speech() -> drafter.Speech:
    speech = drafter.read(SEED)
    speech.meta.speaker = ["市委常委、组织部长 ", Placeholder("name", "姓名")]
    speech.meta.date = [Placeholder("date", "讲话日期", hint="如：2026年11月23日")]
    speech.front.insert(0, Paragraph(["同志们："], role="salutation"))
    speech.front[1].hint = "结合本次会议的部署改写讲话依据"
    return speech


def skeleton_speech(outline: str, answers: str, **options) -> drafter.Speech:
    from drafter.api import new_skeleton
    from drafter.outlines.values import load_answers

    return new_skeleton(outline, load_answers(HERE / "answers" / answers), **options)


def fontconfig(folder: Path) -> Path:
    """A fontconfig file that maps the profile's font names to installed Noto fonts."""
    rules = []
    for target, names in PREVIEW_FONTS.items():
        for name in names:
            rules.append(f'<match target="pattern"><test name="family"><string>{name}</string></test>'
                         f'<edit name="family" mode="assign" binding="strong"><string>{target}</string></edit></match>')
    for target, names in PREVIEW_BOLD.items():
        for name in names:
            rules.append(f'<match target="pattern"><test name="family"><string>{name}</string></test>'
                         f'<edit name="family" mode="assign" binding="strong"><string>{target}</string></edit>'
                         '<edit name="weight" mode="assign" binding="strong"><const>bold</const></edit></match>')
    conf = folder / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><fontconfig><include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    + "".join(rules) + "</fontconfig>", encoding="utf-8")
    return conf


def first_page_png(docx_path: Path, png_path: Path) -> None:
    """Render page 1 with LibreOffice and pdftoppm at 60 dpi."""
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        env = {**os.environ, "FONTCONFIG_FILE": str(fontconfig(tmp_path))}
        subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless", "--convert-to",
                        "pdf", "--outdir", tmp, str(docx_path)], check=True, capture_output=True, env=env)
        pdf = tmp_path / (docx_path.stem + ".pdf")
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(png_path.with_suffix(""))], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--style", default="gbt9704")
    args = parser.parse_args()
    made = (("sample", sample_speech()),
            ("skeleton", skeleton_speech("meeting-speech", "meeting-speech.yaml", minutes=30)),
            ("seminar", skeleton_speech("研讨发言", "seminar-remarks.yaml")))
    for name, speech in made:
        docx_path = write_speech(speech, HERE / f"{name}.docx", style=args.style, force=True)
        print(f"wrote {docx_path}")
        if shutil.which("soffice") and shutil.which("pdftoppm"):
            png = HERE / f"{name}-page1.png"
            first_page_png(docx_path, png)
            print(f"wrote {png}")
        else:
            print("LibreOffice or poppler not installed: no PNG preview")


if __name__ == "__main__":
    main()
