"""Markdown statement -> HTML, with $math$ rendered by KaTeX at build time."""

import re
from pathlib import Path

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin

from base.errors import BuildError
from base.node_scripts import run_node_script

RENDER_MATH_SCRIPT = Path(__file__).parent / "render_math.cjs"
# Inline math directly followed by punctuation, which must not wrap onto a line of its own.
INLINE_MATH_AND_PUNCTUATION = re.compile(r'<span class="math inline">\x00math\d+\x00</span>[.,;:!?)]+')


def render_statement(markdown_text, source_name):
    """HTML for a statement. Raw HTML in the markdown is not passed through: statements are text."""
    formulas = []

    def placeholder(tex, options):
        formulas.append({"tex": tex, "display": options["display_mode"]})
        return f"\x00math{len(formulas) - 1}\x00"

    markdown = MarkdownIt("commonmark", {"html": False}).enable("table")
    markdown.use(dollarmath_plugin, allow_space=True, allow_digits=False, renderer=placeholder)
    html = markdown.render(markdown_text)
    html = INLINE_MATH_AND_PUNCTUATION.sub(r'<span class="math-nowrap">\g<0></span>', html)
    for index, rendered in enumerate(render_math(formulas)):
        if "error" in rendered:
            raise BuildError(
                source_name,
                f"the formula ${formulas[index]['tex']}$ is not valid TeX for KaTeX ({rendered['error']})",
                "correct the formula; KaTeX's list of supported functions is at katex.org/docs/supported",
            )
        html = html.replace(f"\x00math{index}\x00", rendered["html"], 1)
    return html


def render_math(formulas):
    if not formulas:
        return []
    return run_node_script(RENDER_MATH_SCRIPT, formulas, "KaTeX failed", "run `npm ci`")
