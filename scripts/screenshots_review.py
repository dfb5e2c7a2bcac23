#!/usr/bin/env python3
"""Screenshots of handing in and marking, for the README and for reviewing changes.

Usage: python scripts/screenshots_review.py [--out DIR] [--worksheet SLUG]

Builds the site (classroom edition) into a temporary folder; three students
answer the worksheet's first two questions on its questions page and
download their hand-in files; the teacher reads them on the review page and
marks them; one student opens the feedback file. Takes, with Debian's
chromium: ``review-1280.png`` and ``review-390.png`` (the review page with
the class loaded), ``review-blind-1280.png`` and ``review-blind-390.png``
(the same in blind marking), ``review-summary-1280.png`` (its class summary),
``feedback-1280.png`` and ``feedback-390.png`` (the
student's questions page with the feedback beside the answers).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_site import ROOT, browser_on, build  # noqa: E402

#: What three students write for the first two questions of social-credit (another worksheet: the same words).
ANSWERS = {
    "Léa Martin": ("This is an article about China's plan to rate its citizens. It explains that the system is "
                   "\"already a reality\" (l. 9) and that it is \"supposed to be nationwide by 2020\" (l. 16).",
                   "It is a score given to each person, \"partly based on people's routine behaviors\" (ll. 4–5): "
                   "\"those viewed kindly are rewarded\" (l. 13), the others are punished."),
    "Chloé Bernard": ("The document is about social credit in China.",
                      "A social credit is a note: \"those viewed nicely are rewarded\" (l. 13)."),
    "Yanis Petit": ("An article from the BBC about a system that is \"already a reality\" (l. 9) in China.", ""),
}
MARKS = {"Léa Martin": ("3", "Good: you quote and explain."), "Chloé Bernard": ("1", "Check your quotation: line 13."),
         "Yanis Petit": ("2", "Say who wrote it, and when.")}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "build" / "screenshots")
    parser.add_argument("--worksheet", default="social-credit")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    slug = args.worksheet
    with tempfile.TemporaryDirectory(prefix="shots-review-") as tmp:
        build(ROOT, Path(tmp) / "site")
        with browser_on(Path(tmp) / "site") as (browser, base, _):
            files = []
            for name, answers in ANSWERS.items():
                context = browser.new_context(base_url=base, accept_downloads=True)
                page = context.new_page()
                page.goto(f"{slug}/questions/")
                boxes = page.locator(".answer-box textarea")
                for i, answer in enumerate(answers):
                    boxes.nth(i).fill(answer)
                page.locator("#hand-in-name").fill(name)
                page.locator("#hand-in-class").fill("2nde 3")
                with page.expect_download() as download:
                    page.locator("[data-action=download]").click()
                files.append({"name": download.value.suggested_filename, "mimeType": "text/plain",
                              "buffer": Path(download.value.path()).read_bytes()})
                context.close()
            files.append({"name": "photo-of-my-copy.txt", "mimeType": "text/plain", "buffer": b"\xff\xd8\xff"})
            context = browser.new_context(base_url=base, accept_downloads=True, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.goto("review/")
            page.locator(".review-drop input[type=file]").set_input_files(files)
            first = page.locator(".review-question").first
            for i, (mark, comment) in enumerate(MARKS.values()):
                first.locator(".review-mark").nth(i).fill(mark)
                first.locator(".review-comment").nth(i).fill(comment)
            page.locator(".review-question").nth(1).locator(".review-mark").first.fill("4")
            page.set_viewport_size({"width": 1280, "height": 1300})
            page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
            page.wait_for_timeout(500)  # the header's title, back once scrolled to the top
            page.screenshot(path=args.out / "review-1280.png")
            page.locator(".review-summary").scroll_into_view_if_needed()
            page.screenshot(path=args.out / "review-summary-1280.png")
            phone = context.new_page()  # the same device's marks, read on a phone's width
            phone.set_viewport_size({"width": 390, "height": 844})
            phone.goto("review/")
            phone.locator(".review-drop input[type=file]").set_input_files(files)
            phone.locator(".review-answer").first.wait_for()
            phone.screenshot(path=args.out / "review-390.png", full_page=True, clip={"x": 0, "y": 0, "width": 390, "height": 2400})
            page.get_by_label("Hide the names (blind marking)").check()
            page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
            page.wait_for_timeout(500)
            page.screenshot(path=args.out / "review-blind-1280.png")
            phone.reload()  # blind marking, as chosen on this device
            phone.locator(".review-drop input[type=file]").set_input_files(files)
            phone.locator(".review-answer").first.wait_for()
            phone.screenshot(path=args.out / "review-blind-390.png", full_page=True,
                             clip={"x": 0, "y": 0, "width": 390, "height": 2400})
            phone.close()
            page.get_by_label("Hide the names (blind marking)").uncheck()
            with page.expect_download() as download:
                page.get_by_role("button", name="Feedback file for Léa Martin").click()
            feedback = {"name": download.value.suggested_filename, "mimeType": "text/plain",
                        "buffer": Path(download.value.path()).read_bytes()}
            context.close()
            for width in (1280, 390):
                context = browser.new_context(base_url=base, viewport={"width": width, "height": 900 if width > 400 else 844})
                page = context.new_page()
                page.goto(f"{slug}/questions/")
                page.locator(".answer-box textarea").first.fill(ANSWERS["Léa Martin"][0])
                page.locator(".hand-in-feedback input[type=file]").set_input_files(feedback)
                page.locator(".answer-feedback").first.wait_for()
                page.locator(".answer-check li").first.wait_for()
                page.evaluate("document.activeElement.blur()")
                page.locator(".question").first.screenshot(path=args.out / f"feedback-{width}.png")
                context.close()
    print("\n".join(str(args.out / f"{name}-{w}.png") for name in ("review", "review-blind", "feedback") for w in (1280, 390)))
    print(args.out / "review-summary-1280.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
