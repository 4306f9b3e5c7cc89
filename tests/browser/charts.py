"""A visual check of the server-drawn charts, as Chromium lays them out: every text of a chart
lies inside the chart, and no two texts overlap (issue 16: labels cut to "erksamhetskritisk",
an axis title drawn over the labels, ticks run together as "200220")."""

from __future__ import annotations

from typing import Any

# Boxes as Chromium draws them; a pair overlaps when it shares more than a pixel each way.
CHART_TEXT_PROBLEMS = """
() => {
  const problems = [];
  const charts = [...document.querySelectorAll('svg.marks')];
  charts.forEach((svg, n) => {
    const chart = svg.getBoundingClientRect();
    const name = (svg.querySelector('title') || {}).textContent || `chart ${n + 1}`;
    const texts = [...svg.querySelectorAll('text')]
      .filter((t) => t.textContent.trim() && t.getAttribute('opacity') !== '0')
      .map((t) => ({ text: t.textContent.trim(), box: t.getBoundingClientRect() }));
    for (const { text, box } of texts) {
      if (box.width === 0) continue;
      if (box.left < chart.left - 1 || box.right > chart.right + 1 ||
          box.top < chart.top - 1 || box.bottom > chart.bottom + 1) {
        problems.push(`${name}: "${text}" is cut at the chart's edge`);
      }
    }
    for (let i = 0; i < texts.length; i++) {
      for (let j = i + 1; j < texts.length; j++) {
        const a = texts[i].box, b = texts[j].box;
        const wide = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const high = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (wide > 1 && high > 1) {
          problems.push(`${name}: "${texts[i].text}" overlaps "${texts[j].text}"`);
        }
      }
    }
  });
  return { charts: charts.length, problems };
}
"""


def chart_text_problems(page: Any) -> tuple[int, list[str]]:
    """How many charts the page draws, and what is wrong with their text."""
    found = page.evaluate(CHART_TEXT_PROBLEMS)
    return int(found["charts"]), list(found["problems"])
