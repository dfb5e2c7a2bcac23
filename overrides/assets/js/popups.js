/* Pop-ups: a glossary term's definition and a note's text, beside the word
   or the note's number.

   A term opens on hover, on tap and on keyboard focus; a note's number (a
   button) opens on click, tap and keyboard focus. As WCAG 1.4.13 asks, the
   pointer can move from the word onto the pop-up (to read or select it)
   without closing it; it stays until the pointer leaves both, the focus
   moves on, a tap or click lands elsewhere, or Escape dismisses it. One
   pop-up element serves the whole page, with role="tooltip", and the word or
   button it belongs to names it in aria-describedby while it is open.

   Why not Material's tooltips and annotations: they set up every element
   when a page loads, and the article page has dozens of terms and notes.
   This script only listens on the document, so a page costs nothing until a
   reader points at something. A term names its glossary entry (data-term);
   the part of the page it stands in names its worksheet's pop-up texts
   (data-tips, data-worksheet): a small script, written at build time and
   loaded the first time a term opens (assets/js/scripts.js). */
(function () {
  var HOSTS = "abbr.term[data-term], button.note-marker[data-note]";
  var GAP = 6; // px between the word and its pop-up
  var CROSSING = 300; // ms the pointer has to cross that gap, or to come back
  var popup = null, host = null, pressed = null, leaving = null;

  function element() {
    if (!popup || !popup.isConnected) {  // instant navigation swaps the page's main part
      popup = document.createElement("div");
      popup.id = "popup";
      popup.className = "popup";
      popup.setAttribute("role", "tooltip");
      popup.hidden = true;
      // In the page's main landmark, where the word or button it belongs to stands.
      (document.querySelector("main") || document.body).appendChild(popup);
    }
    return popup;
  }

  // The pop-up texts of the worksheet a term belongs to; null until loaded
  // (assets/js/scripts.js), then calls back.
  function tipsOf(target, then) {
    var source = target.closest("[data-tips]");
    if (!source) return {};
    var tips = (window.__glossaryTips || {})[source.getAttribute("data-worksheet") || ""];
    if (tips) return tips;
    siteScripts.load(source.getAttribute("data-tips"), then);
    return null;
  }

  function fill(target) {
    // In the language of the text it explains (its definition, its note).
    var text = target.closest("[lang]");
    if (text && text !== document.documentElement) popup.lang = text.lang;
    else popup.removeAttribute("lang");
    if (target.matches("abbr")) {
      var tips = tipsOf(target, function () {
        if (host === target) { fill(target); place(target) }
      });
      popup.textContent = tips ? tips[target.getAttribute("data-term")] || "" : "…";
      return;
    }
    var item = document.querySelector(
      ".notes-list li:nth-child(" + Number(target.getAttribute("data-note")) + ")");
    popup.innerHTML = item ? item.innerHTML : "";
  }

  // Below the word when there is room, above it otherwise; always inside the
  // window's width. In page coordinates, so it scrolls with the text.
  function place(target) {
    var box = target.getBoundingClientRect();
    var width = popup.offsetWidth, height = popup.offsetHeight;
    var left = Math.min(Math.max(GAP, box.left + box.width / 2 - width / 2),
                        document.documentElement.clientWidth - width - GAP);
    var top = box.bottom + GAP;
    if (top + height > window.innerHeight && box.top - GAP - height > 0) top = box.top - GAP - height;
    popup.style.left = Math.max(GAP, left) + window.scrollX + "px";
    popup.style.top = top + window.scrollY + "px";
  }

  function show(target) {
    if (host === target) return;
    hide();
    element();
    host = target;
    fill(target);
    popup.hidden = false;
    place(target);
    target.setAttribute("aria-describedby", "popup");
    if (target.matches("button")) target.setAttribute("aria-expanded", "true");
  }

  function hide() {
    clearTimeout(leaving);
    if (!host) return;
    host.removeAttribute("aria-describedby");
    if (host.matches("button")) host.setAttribute("aria-expanded", "false");
    host = null;
    popup.hidden = true;
  }

  function hostOf(event) {
    return event.target.closest ? event.target.closest(HOSTS) : null;
  }

  // The word and its pop-up count as one place for the pointer.
  function onPopupOrHost(node) {
    return !!node && !!host && (host.contains(node) || popup.contains(node));
  }

  document.addEventListener("pointerover", function (event) {
    if (event.pointerType !== "mouse") return;
    if (onPopupOrHost(event.target)) return clearTimeout(leaving);
    var target = hostOf(event);
    if (target && target.matches("abbr")) show(target);
  });

  // Leaving the word or the pop-up for somewhere else closes it, a moment
  // later, unless the pointer reaches the other one first.
  document.addEventListener("pointerout", function (event) {
    if (event.pointerType !== "mouse" || !onPopupOrHost(event.target) || onPopupOrHost(event.relatedTarget)) return;
    if (!host.matches("abbr") || host === document.activeElement) return;  // a note stays till a click or Escape
    clearTimeout(leaving);
    leaving = setTimeout(hide, CROSSING);
  });

  document.addEventListener("focusin", function (event) {
    if (popup && popup.contains(event.target)) return;  // a link in a note
    var target = hostOf(event);
    if (target) show(target);
    else hide();
  });

  document.addEventListener("focusout", function (event) {
    if (hostOf(event) === host && !(host && (host.matches(":hover") || popup.matches(":hover")))) hide();
  });

  // A note's number toggles its note; the press that focused it opens it.
  document.addEventListener("pointerdown", function (event) {
    pressed = hostOf(event) === host ? host : null;
  });

  document.addEventListener("click", function (event) {
    var target = hostOf(event);
    if (!target) {
      if (host && !onPopupOrHost(event.target)) hide();
      return;
    }
    if (target.matches("button") && pressed === target) {
      hide();
    } else {
      show(target);
    }
    pressed = null;
  });

  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });

  window.addEventListener("resize", function () {
    if (host) place(host);
  });

  // Instant navigation swaps the page under the pop-up.
  document$.subscribe(hide);
})();
