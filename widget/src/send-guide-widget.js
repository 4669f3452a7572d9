/*
 * SEND Guide chat widget. Embed with one script tag after a config object:
 *
 *   <script>window.SendGuideConfig = { botUrl: "https://bot.example.gov.uk", title: "SEND Guide" };</script>
 *   <script src="/widget/send-guide-widget.js" defer></script>
 *
 * The socket.io client is loaded from `socketIoUrl` (served locally, never from a CDN). Messages go
 * over socket.io; if it cannot connect they go over Rasa's REST channel. Every piece of bot or user
 * text is inserted as text (textContent), never as HTML; only http(s) and tel: links are clickable.
 *
 * Page translators (a council's "Translate this page" toolbar) rewrite the widget's text nodes,
 * e.g. wrap each one in <font> elements. So the widget never keeps a text node to change later:
 * it sets textContent on elements it made, and finds things by element or class. Phone numbers,
 * case references and what the family typed are marked translate="no" and class="notranslate".
 * Messages stay in the page's own DOM (no shadow DOM, no iframe) so translators can reach them.
 *
 * Languages: the user can pick one (or leave "Automatic": the assistant works out the language of
 * each message). The pick is sent with every message as metadata `language`, and the widget's own
 * words switch to it, from `localesUrl`/<code>.json (English is built in). Each bot message says
 * its language and direction (`lang`, `dir`), which the widget puts on the message. While a locale
 * file's review status is not "reviewed", a line under the menu says, in that language and in
 * English, that a fluent speaker has not checked its words yet.
 */
(function () {
  "use strict";

  var scriptSrc = document.currentScript ? document.currentScript.src : "";

  var defaults = {
    botUrl: "http://localhost:5005",
    socketIoUrl: "/vendor/socket.io.min.js",
    title: "SEND Guide",
    subtitle: "Help with special educational needs and disabilities",
    greeting: "Hello. Ask me about help for children and young people with SEND in Luton.",
    language: document.documentElement.lang || "en",
    launcherLabel: "Ask the SEND Guide",
    colours: { primary: "#1d4f91", primaryText: "#ffffff" },
    storageKey: "send-guide",
    styleUrl: scriptSrc ? scriptSrc.replace(/\.js(\?.*)?$/, ".css") : "/widget/send-guide-widget.css",
    privacyUrl: "/privacy.html",  // the council's notice of how the assistant uses information
    localesUrl: scriptSrc ? scriptSrc.replace(/[^/]*$/, "locales/") : "/widget/locales/",
    // Offered in the picker, each in its own name; every code but "en" needs a locale file.
    languages: [["en", "English"], ["ur", "اردو"], ["pl", "Polski"], ["ro", "Română"], ["bn", "বাংলা"],
      ["pa", "ਪੰਜਾਬੀ"], ["ar", "العربية"]]
  };
  var config = Object.assign({}, defaults, window.SendGuideConfig || {});
  config.colours = Object.assign({}, defaults.colours, (window.SendGuideConfig || {}).colours || {});

  // The widget's own words in English; locale files translate the same keys.
  var ENGLISH = {
    subtitle: config.subtitle, greeting: config.greeting, launcherLabel: config.launcherLabel,
    startAgain: "Start again", close: "Close the chat", conversation: "Conversation",
    inputLabel: "Type your question", send: "Send", choices: "Choices", youSaid: "You said: ",
    botSaid: "SEND Guide said: ", slow: "The chat connection is slow. Your messages will still be sent.",
    lost: "Connection lost. Trying to reconnect…",
    unreachable: "Sorry, I cannot reach the SEND Guide right now. Please try again in a minute. " +
      "For help now, phone Luton SENDIAS on {contact_sendias}.",
    typing: "The SEND Guide is typing…", phone: "Phone: ", website: "Website: ", address: "Address: ",
    language: "Language", automatic: "Automatic", machineTranslated: "Translated by a computer",
    privacy: "How we use your information", wasHelpful: "Was this answer helpful?", helpfulYes: "Yes",
    helpfulNo: "No", saidHelpful: "Yes, this helped", saidNotHelpful: "No, this did not help",
    notChecked: "The text of this chat in your language is a translation. A fluent speaker has not checked it yet.",
    downloadWord: "Download the letter (Word)", downloadPdf: "Download the letter (PDF)",
    linksOneHour: "These links work for 1 hour.",
    timelineTitle: "Your EHC timeline", stepDone: "Done", stepDue: "Coming up", stepLate: "Late",
    stepUnknown: "Not known", today: "Today", law: "Law: ", whatCanIDo: "What can I do about this?",
    late: "Sorry, the answer is taking too long. You can send your message again, " +
      "or phone Luton SENDIAS on {contact_sendias}."
  };
  var ui = { code: "en", dir: "ltr", strings: ENGLISH, draft: false };
  function t(key) { return ui.strings[key] || ENGLISH[key]; }

  var PHONE = /(\+44\s?\d{2,4}|\(?0\d{2,4}\)?)[\s-]?\d{3,4}[\s-]?\d{3,4}|\b(?:999|111|{contact_samaritans})\b/g;
  var URL = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)]/g;
  var REFERENCE = /\bCB-[A-Z2-9]{6}\b/g;  // a call-back case reference (send_guide/triage/cases.py)

  // --- state kept for this browser tab, so a reload resumes the conversation ---------------
  var store = {
    load: function () {
      try {
        return JSON.parse(sessionStorage.getItem(config.storageKey)) || {};
      } catch (error) {
        return {};
      }
    },
    save: function (state) {
      try {
        sessionStorage.setItem(config.storageKey, JSON.stringify(state));
      } catch (error) { /* private mode: the conversation just is not kept */ }
    }
  };
  var state = store.load();
  if (!state.sessionId) state.sessionId = newSessionId();
  if (!Array.isArray(state.history)) state.history = [];

  // 128 random bits as 32 hex digits. Used for REST only: on socket.io the server makes the id and
  // gives its key with it (send_guide/session_keys.py), and the widget keeps both for a reload.
  function newSessionId() {
    var bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b < 16 ? "0" : "") + b.toString(16); }).join("");
  }

  // --- DOM ---------------------------------------------------------------------------------
  function el(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (key) { node.setAttribute(key, attributes[key]); });
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // Phone numbers, references, names and what the family typed: page translators leave them as they are.
  function untranslated(attributes) {
    var marked = Object.assign({}, attributes, { translate: "no" });
    marked["class"] = ((attributes || {})["class"] ? attributes["class"] + " " : "") + "notranslate";
    return marked;
  }

  var root = el("div", { "class": "sg-root" });
  root.style.setProperty("--sg-primary", config.colours.primary);
  root.style.setProperty("--sg-primary-text", config.colours.primaryText);

  var launcher = el("button", { type: "button", "class": "sg-launcher", "aria-expanded": "false",
    "aria-controls": "sg-panel" }, t("launcherLabel"));
  var panel = el("section", { id: "sg-panel", "class": "sg-panel", "aria-labelledby": "sg-title", hidden: "" });
  var header = el("div", { "class": "sg-header" });
  var titles = el("div", { "class": "sg-titles" });
  titles.appendChild(el("h2", { id: "sg-title", "class": "sg-title" }, config.title));
  var subtitle = el("p", { "class": "sg-subtitle" }, t("subtitle"));
  titles.appendChild(subtitle);
  var restart = el("button", { type: "button", "class": "sg-restart" }, t("startAgain"));
  var close = el("button", { type: "button", "class": "sg-close", "aria-label": t("close") }, "×");
  header.appendChild(titles);
  header.appendChild(restart);
  header.appendChild(close);

  var toolbar = el("div", { "class": "sg-toolbar" });
  var languageLabel = el("label", { "for": "sg-language", "class": "sg-language-label" }, t("language"));
  var picker = el("select", { id: "sg-language", "class": "sg-language" });
  var automatic = el("option", { value: "" }, t("automatic"));
  picker.appendChild(automatic);
  config.languages.forEach(function (pair) {
    picker.appendChild(el("option", { value: pair[0], lang: pair[0] }, pair[1]));
  });
  // Shown while the picked language's words are a draft (see showNotChecked); describes the menu.
  var notChecked = el("div", { id: "sg-not-checked", "class": "sg-not-checked", hidden: "" });
  toolbar.appendChild(languageLabel);
  toolbar.appendChild(picker);
  toolbar.appendChild(notChecked);

  var log = el("div", { "class": "sg-log", role: "log", "aria-live": "polite", "aria-label": t("conversation"),
    tabindex: "0" });
  var status = el("p", { "class": "sg-status", role: "status" });
  var form = el("form", { "class": "sg-form" });
  var label = el("label", { "for": "sg-input", "class": "sg-label" }, t("inputLabel"));
  var input = el("input", { id: "sg-input", "class": "sg-input", type: "text", autocomplete: "off",
    maxlength: "2000", enterkeyhint: "send" });
  var send = el("button", { type: "submit", "class": "sg-send" }, t("send"));
  form.appendChild(label);
  form.appendChild(input);
  form.appendChild(send);
  var privacy = el("a", { "class": "sg-privacy", href: config.privacyUrl, target: "_blank", rel: "noopener" },
    t("privacy"));
  panel.appendChild(header);
  panel.appendChild(toolbar);
  panel.appendChild(log);
  panel.appendChild(status);
  panel.appendChild(form);
  panel.appendChild(privacy);
  root.appendChild(panel);
  root.appendChild(launcher);

  // --- rendering (text only: never innerHTML) ------------------------------------------------
  function appendLinkedText(parent, text) {
    var pieces = [];
    [[URL, "url"], [PHONE, "tel"], [REFERENCE, "ref"]].forEach(function (pair) {
      var pattern = pair[0];
      pattern.lastIndex = 0;
      var match;
      while ((match = pattern.exec(text)) !== null) {
        var overlaps = pieces.some(function (p) { return match.index < p.end && match.index + match[0].length > p.start; });
        if (!overlaps) pieces.push({ start: match.index, end: match.index + match[0].length, kind: pair[1], text: match[0] });
      }
    });
    pieces.sort(function (a, b) { return a.start - b.start; });
    var at = 0;
    pieces.forEach(function (piece) {
      parent.appendChild(document.createTextNode(text.slice(at, piece.start)));
      var node;
      if (piece.kind === "url") {
        node = el("a", { href: piece.text, target: "_blank", rel: "noopener noreferrer" }, piece.text);
      } else if (piece.kind === "tel") {
        node = el("a", untranslated({ href: "tel:" + piece.text.replace(/[^\d+]/g, ""), "class": "sg-tel" }),
          piece.text);
      } else {
        node = el("span", untranslated({ "class": "sg-ref" }), piece.text);
      }
      parent.appendChild(node);
      at = piece.end;
    });
    parent.appendChild(document.createTextNode(text.slice(at)));
  }

  function paragraphs(parent, text) {
    String(text).split(/\n+/).forEach(function (line) {
      if (!line.trim()) return;
      var p = el("p");
      appendLinkedText(p, line);
      parent.appendChild(p);
    });
  }

  function serviceCard(service) {
    var card = el("div", { "class": "sg-card" });
    card.appendChild(el("h3", untranslated({ "class": "sg-card-name" }), service.name || ""));
    if (service.description) card.appendChild(el("p", {}, service.description));
    if (service.phone) {
      var phone = el("p");
      phone.appendChild(document.createTextNode(t("phone")));
      appendLinkedText(phone, service.phone);
      card.appendChild(phone);
    }
    if (service.website && /^https?:\/\//.test(service.website)) {
      var site = el("p");
      site.appendChild(document.createTextNode(t("website")));
      appendLinkedText(site, service.website);
      card.appendChild(site);
    }
    var address = [service.address, service.postcode].filter(Boolean).join(", ");
    if (address) {
      var place = el("p", {}, t("address"));
      place.appendChild(el("span", untranslated(), address));
      card.appendChild(place);
    }
    // Where the details come from, how old that page is, and whether staff have checked them.
    if (typeof service.provenance === "string" && service.provenance) {
      card.appendChild(el("p", { "class": "sg-card-provenance" }, service.provenance));
    }
    return card;
  }

  // A letter the assistant drafted: its title and the two downloads. Only web links are made links;
  // the title is text (textContent), whatever it holds.
  function letterCard(letter) {
    var card = el("div", { "class": "sg-card sg-letter-card" });
    card.appendChild(el("h3", { "class": "sg-card-name" }, typeof letter.title === "string" ? letter.title : ""));
    [["url", "downloadWord"], ["pdf_url", "downloadPdf"]].forEach(function (pair) {
      var url = letter[pair[0]];
      if (typeof url !== "string" || !/^https?:\/\//.test(url)) return;
      var line = el("p");
      line.appendChild(el("a", { href: url, download: "", "class": "sg-download" }, t(pair[1])));
      card.appendChild(line);
    });
    card.appendChild(el("p", { "class": "sg-card-provenance" }, t("linksOneHour")));
    return card;
  }

  // The EHC timeline card (send_guide/timeline_card.py): the steps as a list, a marker where today
  // falls, each step's state in words, by its mark (from the assistant) and by the mark's shape as
  // well as its colour. The widget's own words (title, states, "Today") are in the chat's language
  // and direction; the step names, dates and laws come from the assistant in the message's
  // language (English), marked as such.
  var STEP_STATES = { done: "stepDone", due: "stepDue", late: "stepLate", unknown: "stepUnknown" };
  var cardCount = 0;

  function isTimeline(custom) {
    return !!custom && custom.type === "timeline" && Array.isArray(custom.steps);
  }

  function timelineCard(card, entry) {
    var words = { lang: entry.lang || "en", dir: entry.dir || "auto" };  // what the assistant wrote
    var box = el("div", { "class": "sg-card sg-timeline", lang: ui.code, dir: ui.dir });
    var titleId = "sg-timeline-" + (++cardCount);
    box.appendChild(el("h3", { id: titleId, "class": "sg-card-name" }, t("timelineTitle")));
    var list = el("ol", { "class": "sg-steps", "aria-labelledby": titleId });
    var steps = card.steps.filter(function (step) { return step && typeof step.name === "string"; });
    var todayAt = Math.max(0, Math.min(Number(card.today_at) || 0, steps.length));
    steps.forEach(function (step, index) {
      if (index === todayAt) list.appendChild(todayMarker(card, words));
      list.appendChild(stepItem(step, words));
    });
    if (todayAt === steps.length) list.appendChild(todayMarker(card, words));
    box.appendChild(list);
    if (typeof card.source === "string") box.appendChild(el("p", Object.assign({ "class": "sg-card-provenance" }, words), card.source));
    return box;
  }

  function todayMarker(card, words) {
    var item = el("li", { "class": "sg-step sg-today", "aria-current": "date" });
    item.appendChild(el("span", { "class": "sg-step-mark", "aria-hidden": "true" }, String(card.today_mark || "")));
    var line = el("p", { "class": "sg-step-head" });
    line.appendChild(el("strong", {}, t("today") + ": "));
    line.appendChild(el("span", words, String(card.today_words || "")));
    item.appendChild(line);
    return item;
  }

  function stepItem(step, words) {
    var state = STEP_STATES[step.state] ? step.state : "unknown";
    var item = el("li", { "class": "sg-step sg-step-" + state });
    item.appendChild(el("span", { "class": "sg-step-mark", "aria-hidden": "true" }, String(step.mark || "")));
    var body = el("div", { "class": "sg-step-body" });
    var head = el("p", { "class": "sg-step-head" });
    head.appendChild(el("strong", { "class": "sg-step-state" }, t(STEP_STATES[state]) + ": "));
    head.appendChild(el("span", words, step.name));
    body.appendChild(head);
    body.appendChild(el("p", Object.assign({ "class": "sg-step-date" }, words), String(step.date_words || "")));
    if (step.note) body.appendChild(el("p", Object.assign({ "class": "sg-step-note" }, words), String(step.note)));
    if (step.source) {
      var law = el("p", { "class": "sg-step-law" }, t("law"));
      law.appendChild(el("span", words, String(step.source)));
      body.appendChild(law);
    }
    var offers = Array.isArray(step.offers) ? step.offers.filter(function (offer) {
      return offer && typeof offer.title === "string" && typeof offer.payload === "string";
    }) : [];
    if (state === "late" && offers.length) body.appendChild(stepOffers(offers));
    item.appendChild(body);
    return item;
  }

  // A late step: one button opens what can be done (the matching letter, a person to talk to).
  function stepOffers(offers) {
    var wrap = el("div", { "class": "sg-step-offers" });
    var id = "sg-step-offers-" + (++cardCount);
    var toggle = el("button", { type: "button", "class": "sg-step-toggle", "aria-expanded": "false",
      "aria-controls": id }, t("whatCanIDo"));
    var group = el("div", { id: id, "class": "sg-buttons", role: "group", "aria-label": t("whatCanIDo"), hidden: "" });
    offers.forEach(function (offer) {
      group.appendChild(choiceButton(offer.title, { dir: "auto" }, function () { sendMessage(offer.payload, offer.title); }));
    });
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", open ? "false" : "true");
      if (open) group.setAttribute("hidden", ""); else group.removeAttribute("hidden");
    });
    wrap.appendChild(toggle);
    wrap.appendChild(group);
    return wrap;
  }

  // Buttons answer the newest turn only. When the person sends a message (typed or a button), the
  // choices shown before it are switched off: disabled, and a click on one does nothing even if
  // something turns it back on. If no answer comes in time, the last ones come back (replyIsLate).
  var choices = { live: [], retired: [] };

  function choiceButton(title, attributes, onChoose) {
    var b = el("button", Object.assign({ type: "button", "class": "sg-quick-reply" }, attributes), title);
    var choice = { on: true, button: b };
    b.addEventListener("click", function () { if (choice.on) onChoose(); });
    choices.live.push(choice);
    return b;
  }

  function retireChoices() {
    if (!choices.live.length) return;
    choices.live.forEach(function (choice) { choice.on = false; choice.button.disabled = true; });
    choices.retired = choices.live;
    choices.live = [];
  }

  function reviveChoices() {
    choices.retired.forEach(function (choice) {
      if (!choice.button.isConnected) return;
      choice.on = true;
      choice.button.disabled = false;
      choices.live.push(choice);
    });
    choices.retired = [];
  }

  // Under the newest answer (a message with a "Source:" line) only: a rating goes with the last question.
  function feedbackControl() {
    var group = el("div", { "class": "sg-feedback", role: "group", "aria-label": t("wasHelpful") });
    group.appendChild(el("span", { "class": "sg-feedback-label" }, t("wasHelpful")));
    [["helpfulYes", "/answer_helpful", "saidHelpful"], ["helpfulNo", "/answer_not_helpful", "saidNotHelpful"]]
      .forEach(function (choice) {
        group.appendChild(choiceButton(t(choice[0]), {}, function () { sendMessage(choice[1], t(choice[2])); }));
      });
    return group;
  }

  function render(entry, live) {
    var old = log.querySelector(".sg-feedback");
    if (old) old.parentNode.removeChild(old);
    if (entry.from === "user") retireChoices();
    var item = el("div", { "class": "sg-message sg-" + entry.from });
    item.appendChild(el("span", { "class": "sg-visually-hidden" }, entry.from === "user" ? t("youSaid") : t("botSaid")));
    // The message's own language and direction when known; else dir="auto" lays out Urdu or
    // Arabic right to left, and the language is left to the page (unknown for typed text).
    var attributes = { "class": "sg-text", dir: entry.dir || "auto" };
    if (entry.lang) attributes.lang = entry.lang;
    // What the family typed is theirs: a page translator leaves it as it is. (A button's words
    // shown as "you said" are the assistant's, and may be translated.)
    var body = el("div", entry.from === "user" && !entry.chosen ? untranslated(attributes) : attributes);
    // A timeline card stands for its text (the same steps, for clients that show only text).
    if (isTimeline(entry.custom)) body.appendChild(timelineCard(entry.custom, entry));
    else if (entry.text) paragraphs(body, entry.text);
    if (entry.machineTranslated) body.appendChild(el("p", { "class": "sg-mt-label", lang: ui.code }, t("machineTranslated")));
    if (entry.custom && entry.custom.type === "letter") body.appendChild(letterCard(entry.custom));
    if (entry.custom && entry.custom.type === "service_cards" && Array.isArray(entry.custom.services)) {
      entry.custom.services.forEach(function (service) { body.appendChild(serviceCard(service)); });
    }
    item.appendChild(body);
    log.appendChild(item);
    if (entry.buttons && entry.buttons.length) {
      var group = el("div", { "class": "sg-buttons", role: "group", "aria-label": t("choices") });
      entry.buttons.forEach(function (button) {
        group.appendChild(choiceButton(button.title, { dir: "auto" }, function () {
          sendMessage(button.payload, button.title);
        }));
      });
      log.appendChild(group);
    }
    if (live !== false && entry.from === "bot" && /(^|\n)Source: /.test(entry.text || "")) {
      log.appendChild(feedbackControl());
    }
    if (live !== false) log.scrollTop = log.scrollHeight;
  }

  // Messages sent while a form is open (the call-back form) are marked with the form's name, so
  // that they can be forgotten if the form ends with nothing kept (formSignal).
  function remember(entry) {
    if (state.form) entry.form = state.form;
    state.history.push(entry);
    if (state.history.length > 200) state.history = state.history.slice(-200);
    store.save(state);
  }

  // The assistant says when a form starts and how it ends: {type: "form", form, event: "start"} or
  // {type: "form", form, event: "end", kept} (send_guide/triage/callback.py widget_signal). Sent
  // after that turn's replies, and never shown. When nothing was kept, this tab forgets the
  // form's questions and answers too; the closing words after the last answer stay.
  function formSignal(signal) {
    if (typeof signal.form !== "string") return;
    if (signal.event === "start") {
      state.form = signal.form;
    } else if (signal.event === "end") {
      delete state.form;
      if (signal.kept === false) forgetForm(signal.form);
      state.history.forEach(function (entry) { if (entry.form === signal.form) delete entry.form; });
    }
    store.save(state);
  }

  function forgetForm(name) {
    var lastAnswer = -1;
    state.history.forEach(function (entry, index) {
      if (entry.form === name && entry.from === "user") lastAnswer = index;
    });
    state.history = state.history.filter(function (entry, index) {
      return entry.form !== name || index > lastAnswer;
    });
  }

  function fromBot(message) {
    // Custom payloads arrive as {custom: {data: {...}}} over REST and as the bare data over socket.io.
    var custom = message.custom ? (message.custom.data || message.custom) : (message.type ? message : null);
    if (custom && custom.type === "form") { formSignal(custom); return; }
    var entry = { from: "bot", text: message.text || "", buttons: message.buttons || message.quick_replies || [],
      custom: custom, lang: message.lang, dir: message.dir, machineTranslated: message.machine_translated === true };
    if (!entry.text && !entry.buttons.length && !entry.custom) return;
    replyArrived();
    remember(entry);
    render(entry);
    setStatus("");
  }

  function setStatus(text) { status.textContent = text; }

  // --- a reply that does not come --------------------------------------------------------------
  // After REPLY_WAIT_MS with no answer, the typing line gives way to a kind message: the answer is
  // late, send again or phone SENDIAS. Nothing is lost: the conversation stays, the typed message
  // goes back in the box if the box is empty, and the buttons just pressed work again.
  var REPLY_WAIT_MS = 30000;
  var replyTimer = null;
  var unanswered = "";

  function expectReply(typed) {
    clearTimeout(replyTimer);
    unanswered = typed;
    replyTimer = setTimeout(replyIsLate, REPLY_WAIT_MS);
  }

  function replyArrived() {
    clearTimeout(replyTimer);
    replyTimer = null;
    unanswered = "";
    choices.retired = [];  // a newer message has come: the older choices stay off
  }

  function replyIsLate() {
    replyTimer = null;
    setStatus(t("late"));
    if (unanswered && !input.value) input.value = unanswered;
    unanswered = "";
    reviveChoices();
  }

  function noReplyComing(text) {
    clearTimeout(replyTimer);
    replyTimer = null;
    setStatus(text);
  }

  // --- transport: socket.io first, REST if it cannot connect ---------------------------------
  var socket = null;
  var useRest = false;
  var sessionConfirmed = false;
  // Messages typed before the live chat has its conversation: sent once it has, so that the first
  // message is part of the same conversation as the rest (the server names the conversation; a
  // message sent over REST before that would start another one). REST after WAIT_FOR_LIVE_MS.
  var WAIT_FOR_LIVE_MS = 4000;
  var waiting = [];
  var waitTimer = null;

  function sendWaiting() {
    clearTimeout(waitTimer);
    waitTimer = null;
    var messages = waiting;
    waiting = [];
    messages.forEach(function (text) { deliver(text); });
  }

  function giveUpWaiting() {
    useRest = true;
    sendWaiting();
  }

  function loadSocketIo(callback) {
    if (window.io) return callback();
    var script = el("script", { src: config.socketIoUrl });
    script.onload = callback;
    script.onerror = giveUpWaiting;
    document.head.appendChild(script);
  }

  // Once per page: opening the chat again while socket.io is still loading must not load it again
  // and open a second socket for the same conversation. "Start again" replaces the socket.
  var connecting = false;

  function connect() {
    if (connecting) return;
    connecting = true;
    loadSocketIo(function () {
      if (!window.io) { giveUpWaiting(); return; }
      if (!socket) openSocket();
    });
  }

  function openSocket() {
    var mine = window.io(config.botUrl, { transports: ["websocket", "polling"], reconnection: true });
    socket = mine;
    // Each handler acts only for the current socket, not for one "Start again" has closed.
    function on(event, handler) {
      mine.on(event, function (data) { if (socket === mine) handler(data); });
    }
    on("connect", function () {
      useRest = false;
      sessionConfirmed = false;
      mine.emit("session_request", { session_id: state.sessionId, session_key: state.sessionKey });
      setStatus("");
    });
    // The server's conversation id and its key: the same ones again after a reload, or new ones.
    on("session_confirm", function (session) {
      if (!session || typeof session.session_id !== "string") return;
      state.sessionId = session.session_id;
      state.sessionKey = session.session_key;
      store.save(state);
      sessionConfirmed = true;
      sendWaiting();
    });
    on("bot_uttered", fromBot);
    // A message the server would not take (sent too fast, or not in the chat's form): say why.
    on("request_error", function (problem) {
      noReplyComing(problem && typeof problem.text === "string" ? problem.text : t("unreachable"));
    });
    on("connect_error", function () {
      setStatus(t("slow"));
      giveUpWaiting();
    });
    on("disconnect", function () { setStatus(t("lost")); });
  }

  function sendRest(text) {
    return fetch(config.botUrl.replace(/\/$/, "") + "/webhooks/rest/webhook", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ sender: state.sessionId, message: text, metadata: pickedLanguage() })
    }).then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (messages) {
      messages.forEach(fromBot);
      if (!messages.length) noReplyComing("");
    }).catch(function () {
      noReplyComing(t("unreachable"));
    });
  }

  function sendMessage(payload, shownText) {
    var text = String(payload || "").trim();
    if (!text) return;
    var entry = { from: "user", text: shownText || text, lang: state.language || undefined };
    if (shownText) entry.chosen = true;  // a button's words, not typed by the family
    remember(entry);
    render(entry);
    setStatus(t("typing"));
    expectReply(shownText ? "" : text);
    deliver(text);
  }

  function deliver(text) {
    if (socket && socket.connected && sessionConfirmed && !useRest) {
      socket.emit("user_uttered", { message: text, session_id: state.sessionId, customData: pickedLanguage() });
    } else if (useRest) {
      sendRest(text);
    } else {  // the live chat is still connecting
      waiting.push(text);
      if (!waitTimer) waitTimer = setTimeout(giveUpWaiting, WAIT_FOR_LIVE_MS);
    }
  }

  // --- behaviour -------------------------------------------------------------------------------
  // One place for what "open" means: panel shown, launcher state, and remembered for a reload.
  function showPanel(shown) {
    panel.hidden = !shown;
    root.classList.toggle("sg-open", shown);
    launcher.setAttribute("aria-expanded", shown ? "true" : "false");
    state.open = shown;
    store.save(state);
  }

  function open() {
    showPanel(true);
    if (!state.history.length && t("greeting")) fromBot({ text: t("greeting"), lang: ui.code, dir: ui.dir });
    if (!socket) connect();
    input.focus();
  }

  function shut() {
    showPanel(false);
    launcher.focus();
  }

  launcher.addEventListener("click", function () { if (panel.hidden) open(); else shut(); });
  close.addEventListener("click", shut);
  panel.addEventListener("keydown", function (event) {
    if (event.key === "Escape") { event.preventDefault(); shut(); }
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var text = input.value;
    input.value = "";
    sendMessage(text);
  });
  restart.addEventListener("click", function () {
    state = { sessionId: newSessionId(), history: [], open: true, language: state.language };
    store.save(state);
    log.textContent = "";
    choices = { live: [], retired: [] };
    replyArrived();
    setStatus("");
    if (socket) {
      var old = socket;
      socket = null;
      old.disconnect();
      sessionConfirmed = false;
      openSocket();
    } else {
      connect();  // still loading: the socket it opens takes the new conversation
    }
    if (t("greeting")) fromBot({ text: t("greeting"), lang: ui.code, dir: ui.dir });
    input.focus();
  });

  // --- language ----------------------------------------------------------------------------------
  function pickedLanguage() {
    return state.language ? { language: state.language } : {};
  }

  function applyStrings() {
    panel.setAttribute("lang", ui.code);
    panel.setAttribute("dir", ui.dir);
    launcher.setAttribute("lang", ui.code);
    launcher.textContent = t("launcherLabel");
    subtitle.textContent = t("subtitle");
    restart.textContent = t("startAgain");
    close.setAttribute("aria-label", t("close"));
    languageLabel.textContent = t("language");
    automatic.textContent = t("automatic");
    log.setAttribute("aria-label", t("conversation"));
    label.textContent = t("inputLabel");
    send.textContent = t("send");
    privacy.textContent = t("privacy");
    showNotChecked();
  }

  // A locale counts as checked only when its file says so in full; anything else shows the line.
  function reviewed(locale) {
    var review = locale.review || {};
    return review.status === "reviewed" && Boolean(review.reviewer) && Boolean(review.date);
  }

  // The "not yet checked by a fluent speaker" line: in the language (when the locale has it) and
  // in English, each marked with its own language, as text.
  function showNotChecked() {
    notChecked.textContent = "";
    if (!ui.draft) {
      notChecked.hidden = true;
      picker.removeAttribute("aria-describedby");
      return;
    }
    if (ui.strings.notChecked) notChecked.appendChild(el("p", { lang: ui.code, dir: ui.dir }, ui.strings.notChecked));
    notChecked.appendChild(el("p", { lang: "en", dir: "ltr" }, ENGLISH.notChecked));
    notChecked.hidden = false;
    picker.setAttribute("aria-describedby", "sg-not-checked");
  }

  // The widget's words in `code`: from its locale file, or English if there is none or it fails.
  function useLanguage(code) {
    if (!code || code === "en") {
      ui = { code: "en", dir: "ltr", strings: ENGLISH, draft: false };
      applyStrings();
      return;
    }
    fetch(config.localesUrl + encodeURIComponent(code) + ".json").then(function (response) {
      if (!response.ok) throw new Error("HTTP " + response.status);
      return response.json();
    }).then(function (locale) {
      ui = { code: locale.language, dir: locale.dir === "rtl" ? "rtl" : "ltr", strings: locale.strings || {},
        draft: !reviewed(locale) };
      applyStrings();
    }).catch(function () { useLanguage("en"); });
  }

  picker.addEventListener("change", function () {
    state.language = picker.value;
    store.save(state);
    useLanguage(state.language || config.language);
  });

  function start() {
    document.head.appendChild(el("link", { rel: "stylesheet", href: config.styleUrl }));
    document.body.appendChild(root);
    picker.value = state.language || "";
    useLanguage(state.language || config.language);
    state.history.forEach(function (entry) { render(entry, false); });
    log.scrollTop = log.scrollHeight;
    if (state.open) {
      showPanel(true);
      connect();
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
