/* Flashcards (overrides/partials/worksheet/practice.html): the cards of a
   worksheet's glossary, or of every worksheet's, written into the page at
   build time; this script shows them one by one and keeps their schedule.

   The schedule is Leitner's boxes: a card starts in box 0; "I knew it" moves
   it up a box and away for 1, 2, 4, 8 then 16 days; "not yet" puts it back in
   box 1, due again today. Each card has one schedule per way of practising
   (the term shown; the French shown and the term typed), kept on the device
   through siteStorage under "practice", the same for a worksheet's page and
   the site-wide one. A card's id comes from the page's data: it is a key of
   a Map, never of a plain object.

   Typed answers are compared letter by letter, whatever the case and the
   accents; a right answer with a case or an accent off is taken, and the
   verdict says which. */
(function () {
  // Every text the script shows.
  var t = siteText;  // the interface's texts (worksheet/interface/*.yml)
  var STRINGS = {
    typeThe: function (language) { return t("practice.type_the", {language: language}) },
    french: t("practice.french"),
    line: function (n) { return t("practice.line", {number: n}) },
    noLine: t("practice.no_line"),
    from: function (title) { return t("practice.from", {title: title}) },
    due: function (left, box) { return t("practice.due", {count: left, box: box}) },
    done: function (next) { return t("practice.done") + (next ? " " + t("practice.next_due", {date: next}) : "") },
    // the verdict on a typed word: "right", "accent", "capitals" or "wrong"
    verdict: function (result, term) { return t("practice." + result, {term: term}) },
    empty: t("practice.empty"),
    notSaved: t("practice.not_saved")
  };
  var KEY = "practice";
  var DAY = 24 * 60 * 60 * 1000;
  var DAYS = [0, 1, 2, 4, 8, 16];  // how long a card stays away after "I knew it", by its new box
  var TOP = DAYS.length - 1;

  var root, deck, schedule, mode, queue, current, turned;

  function $(selector) { return root.querySelector(selector) }

  function load() {
    schedule = new Map();
    var saved = siteStorage.get(KEY);
    if (saved && Array.isArray(saved.cards)) {
      saved.cards.forEach(function (row) {
        if (Array.isArray(row) && typeof row[0] === "string" && row[1] >= 0 && row[1] <= TOP && isFinite(row[2])) {
          schedule.set(row[0], { box: row[1], due: row[2] });
        }
      });
    }
    mode = saved && saved.mode === "typed" ? "typed" : "cards";
  }

  function save() {
    var rows = [];
    schedule.forEach(function (value, key) { rows.push([key, value.box, value.due]) });
    var kept = siteStorage.set(KEY, { mode: mode, cards: rows });
    root.querySelector(".practice-status").setAttribute("data-saved", kept ? "yes" : "no");
  }

  function keyOf(card) { return mode + ":" + card.id }

  function state(card) { return schedule.get(keyOf(card)) || { box: 0, due: 0 } }

  function build() {
    var now = Date.now();
    queue = deck.filter(function (card) { return state(card).due <= now });
    queue.sort(function (a, b) { return state(a).due - state(b).due });
  }

  function nextDue() {
    var soonest = Infinity;
    deck.forEach(function (card) { soonest = Math.min(soonest, state(card).due) });
    return isFinite(soonest) && soonest > Date.now() ? new Date(soonest).toLocaleDateString(siteText.locale) : "";
  }

  function show() {
    build();
    current = queue[0] || null;
    turned = false;
    var card = current, typed = mode === "typed";
    root.querySelectorAll(".practice-modes [data-mode]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-mode") === mode));
    });
    $(".practice-card").hidden = !card;
    $(".practice-back").hidden = true;
    $(".practice-verdict").textContent = "";
    $(".practice-verdict").removeAttribute("data-verdict");
    action("flip", card && !typed);
    action("again", false);
    action("know", false);
    action("next", false);
    action("all", !card);
    var status = $(".practice-status");
    if (!card) {
      status.textContent = STRINGS.done(nextDue()) + (siteStorage.problem ? " " + STRINGS.notSaved : "");
      return;
    }
    status.textContent = STRINGS.due(queue.length, state(card).box) + (siteStorage.problem ? " " + STRINGS.notSaved : "");
    var front = $(".practice-front");
    front.textContent = typed ? card.french : card.term;
    front.setAttribute("lang", typed ? "fr" : card.language);
    $(".practice-side--front").textContent = typed ? STRINGS.french : card.languageName;
    // The back: in "both ways", the term takes the French's place.
    $(".practice-side--back").textContent = typed ? card.languageName : STRINGS.french;
    var meaning = $(".practice-french");
    meaning.textContent = typed ? card.term : card.french;
    meaning.setAttribute("lang", typed ? card.language : "fr");
    var definition = $(".practice-definition");
    definition.textContent = card.definition;
    definition.setAttribute("lang", card.language);
    var link = $(".practice-line"), quote = $(".practice-context-text");
    if (card.line) {
      link.textContent = STRINGS.line(card.line);
      link.setAttribute("href", card.href);
      quote.textContent = card.context;
      quote.setAttribute("lang", card.language);
      quote.hidden = false;
    } else {
      link.removeAttribute("href");
      link.textContent = STRINGS.noLine;
      quote.hidden = true;
    }
    var source = $(".practice-source");
    source.hidden = !root.hasAttribute("data-several");
    source.textContent = STRINGS.from(card.title);
    var form = $(".practice-typed"), input = form.querySelector("input");
    form.hidden = !typed;
    form.querySelector("label").textContent = STRINGS.typeThe(card.languageName);
    input.value = "";
    input.disabled = false;
    input.setAttribute("lang", card.language);
  }

  function action(name, visible) {
    root.querySelector('[data-action="' + name + '"]').hidden = !visible;
  }

  function focus(name) {
    var element = name === "input" ? $(".practice-typed input") : root.querySelector('[data-action="' + name + '"]');
    if (element && !element.hidden) element.focus();
  }

  function turn() {
    if (!current || turned || mode === "typed") return;
    turned = true;
    var hadFocus = root.contains(document.activeElement);
    $(".practice-back").hidden = false;
    action("flip", false);
    action("again", true);
    action("know", true);
    if (hadFocus) focus("know");
  }

  function grade(knew) {
    if (!current) return;
    var now = Date.now(), box = knew ? Math.min(state(current).box + 1, TOP) : 1;
    // A card not known comes back at the end of today's queue.
    schedule.set(keyOf(current), { box: box, due: knew ? now + DAYS[box] * DAY : now });
    save();
    var hadFocus = root.contains(document.activeElement);
    show();
    if (hadFocus) focus(mode === "typed" ? "input" : (current ? "flip" : "all"));
  }

  function fold(text) {
    return text.normalize("NFC").replace(/[’‘]/g, "'").replace(/\s+/g, " ").trim();
  }

  function bare(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  }

  // "right", "capitals", "accent" or "wrong": the typed word beside the term and its other forms.
  function verdict(typed, card) {
    var words = [card.term].concat(card.forms || []).map(fold);
    var given = fold(typed);
    if (words.indexOf(given) >= 0) return "right";
    var lower = given.toLowerCase();
    if (words.some(function (w) { return w.toLowerCase() === lower })) return "capitals";
    var plain = bare(lower);
    if (words.some(function (w) { return bare(w.toLowerCase()) === plain })) return "accent";
    return "wrong";
  }

  function check() {
    if (!current || turned) return;
    var input = $(".practice-typed input"), out = $(".practice-verdict");
    if (!fold(input.value)) {
      out.textContent = STRINGS.empty;
      return;
    }
    var result = verdict(input.value, current);
    turned = true;
    out.setAttribute("data-verdict", result === "wrong" ? "wrong" : "right");
    out.textContent = STRINGS.verdict(result, current.term);
    input.disabled = true;
    $(".practice-back").hidden = false;
    var now = Date.now(), knew = result !== "wrong", box = knew ? Math.min(state(current).box + 1, TOP) : 1;
    schedule.set(keyOf(current), { box: box, due: knew ? now + DAYS[box] * DAY : now });
    save();
    $(".practice-status").textContent = STRINGS.due(queue.length, box);
    action("next", true);
    focus("next");
  }

  function next() {
    show();
    focus("input");
  }

  function onClick(event) {
    var button = event.target.closest && event.target.closest("button");
    if (!button || !root.contains(button)) return;
    var name = button.getAttribute("data-action"), chosen = button.getAttribute("data-mode");
    if (chosen) {
      mode = chosen;
      save();
      show();
      focus(mode === "typed" ? "input" : "flip");
    } else if (name === "flip") turn();
    else if (name === "again") grade(false);
    else if (name === "know") grade(true);
    else if (name === "next") next();
    else if (name === "all") {  // every card due now, each keeping its box
      var now = Date.now();
      deck.forEach(function (card) { schedule.set(keyOf(card), { box: state(card).box, due: now }) });
      save();
      show();
      focus(mode === "typed" ? "input" : "flip");
    }
  }

  function onKey(event) {
    if (!root || !root.isConnected || event.ctrlKey || event.metaKey || event.altKey) return;
    var target = event.target, tag = target && target.tagName;
    if (tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || (target && target.isContentEditable)) return;
    var native = tag === "BUTTON" || tag === "A";  // Space and Enter already press them
    if (event.key === " " && !native && mode === "cards" && current && !turned) {
      event.preventDefault();
      turn();
    } else if ((event.key === "1" || event.key === "2") && mode === "cards" && turned) {
      event.preventDefault();
      grade(event.key === "2");
    } else if (event.key === "Enter" && !native && mode === "typed" && turned) {
      event.preventDefault();
      next();
    }
  }

  function mount() {
    root = document.querySelector("[data-practice]");
    if (!root || root.hasAttribute("data-mounted")) return;
    root.setAttribute("data-mounted", "");
    try {
      deck = JSON.parse(root.querySelector(".practice-deck").textContent);
    } catch (e) {
      return;
    }
    load();
    root.querySelector(".practice-app").hidden = false;
    root.addEventListener("click", onClick);
    root.querySelector(".practice-typed").addEventListener("submit", function (event) {
      event.preventDefault();
      check();
    });
    show();
  }

  document.addEventListener("keydown", onKey);
  document$.subscribe(mount);
})();
