/* Teacher mode: a header button (and the "t" key) that shows or hides the
   model answers and teacher notes. The state is one attribute on <html>,
   saved with Material's own storage helpers so it persists across pages,
   reloads and instant navigation; the inline script in main.html applies it
   before the first paint. */
(function () {
  var KEY = "__teacher";

  function isOn() {
    return document.documentElement.hasAttribute("data-teacher");
  }

  function save(on) {
    try { __md_set(KEY, on) } catch (e) { /* storage blocked: mode lasts for this page */ }
  }

  function apply(on) {
    if (on) document.documentElement.setAttribute("data-teacher", "on");
    else document.documentElement.removeAttribute("data-teacher");
    document.querySelectorAll(".teacher-toggle").forEach(function (button) {
      button.setAttribute("aria-pressed", String(on));
    });
  }

  // Some pages leave their teacher-only parts out of their HTML, so that a
  // student's visit never downloads them (scripts/worksheet/answer_key.py):
  // each is an empty slot naming its part. In teacher mode one small script,
  // loaded once, puts every part back in its slot. No fetch(): this also
  // works in the offline copy opened through file://.
  var loading = null;

  function fillAnswerKey() {
    var slots = document.querySelectorAll("[data-answer-key]");
    if (!slots.length || !isOn()) return;
    var parts = window.__answerKey;
    if (!parts) {
      var source = slots[0].getAttribute("data-src");
      if (loading === source) return;
      loading = source;
      var script = document.createElement("script");
      script.src = source;
      script.onload = fillAnswerKey;
      script.onerror = function () {
        loading = null;
        document.querySelectorAll("[data-answer-key]").forEach(function (slot) {
          slot.textContent = "The answers could not be loaded: reload the page to try again.";
        });
      };
      document.head.appendChild(script);
      return;
    }
    slots.forEach(function (slot) {
      slot.insertAdjacentHTML("beforebegin", parts[slot.getAttribute("data-answer-key")] || "");
      slot.remove();
    });
  }

  function toggle() {
    var on = !isOn();
    save(on);
    apply(on);
    fillAnswerKey();
  }

  document.addEventListener("click", function (event) {
    if (event.target.closest && event.target.closest(".teacher-toggle")) toggle();
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "t" || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target;
    if (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName)) return;
    toggle();
  });

  // Re-apply on every page Material shows, including instant navigation.
  document$.subscribe(function () {
    apply(isOn());
    fillAnswerKey();
  });
})();
