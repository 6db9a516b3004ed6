// peristiwa web UI: small progressive enhancements (every page also works without JavaScript).
"use strict";

function el(tag, attrs, text) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  if (text !== undefined && text !== null) node.textContent = String(text);
  return node;
}

// --- annotated article: click / Enter on a trigger explains the event ----------------------
function initAnnotated() {
  const data = document.getElementById("events-data");
  if (!data) return;
  const events = JSON.parse(data.textContent || "[]");
  const box = document.getElementById("explain");
  const body = document.querySelector(".annot .body");

  function clear() {
    document.querySelectorAll(".ev.active, .evitem.active").forEach((n) => n.classList.remove("active"));
    document.querySelectorAll(".hl-source, .hl-target").forEach((n) => n.classList.remove("hl-source", "hl-target"));
  }

  function markSpan(start, end, cls) {
    if (start === null || start === undefined) return;
    body.querySelectorAll(".m[data-s]").forEach((n) => {
      if (Number(n.dataset.s) === start && Number(n.dataset.e) === end) n.classList.add(cls);
    });
  }

  function show(index) {
    const e = events[index];
    if (!e || !box) return;
    clear();
    document.querySelectorAll(".ev").forEach((n) => {
      if ((n.dataset.ev || "").split(" ").includes(String(index))) n.classList.add("active");
    });
    const item = document.getElementById("ev-" + index);
    if (item) item.classList.add("active");
    markSpan(e.source_start, e.source_end, "hl-source");
    markSpan(e.target_start, e.target_end, "hl-target");
    box.replaceChildren();
    box.appendChild(el("h3", {}, `${e.event_code} ${e.label || ""}`));
    const dl = el("dl");
    const rows = [
      ["trigger", `“${e.trigger_text}”`],
      ["source → target", `${e.source_name || "?"}${e.source_code ? " (" + e.source_code + ")" : ""} → ` +
                          `${e.target_name || "—"}${e.target_code ? " (" + e.target_code + ")" : ""}`],
      ["QuadClass / Goldstein", `${e.quad_class} / ${e.goldstein}`],
      ["date", e.event_date || "—"],
      ["place", e.place_name || "—"],
      ["modality", (e.modality || "none") + (e.negated ? ", negated" : "")],
      ["rule", e.rule || "—"],
      ["lexicon entry", e.lexicon_id || "—"],
      ["exported", e.resolved ? "yes" : "no (no coded source, negated or denied)"],
    ];
    for (const [k, v] of rows) {
      dl.appendChild(el("dt", {}, k));
      dl.appendChild(el("dd", k === "rule" ? { class: "rule" } : {}, v));
    }
    box.appendChild(dl);
    if (e.event_id) {
      const a = el("a", { href: "/events/" + e.event_id }, "merged event →");
      box.appendChild(a);
    }
    box.hidden = false;
  }

  document.querySelectorAll("a.ev, .evbtn").forEach((node) => {
    node.addEventListener("click", (ev) => {
      ev.preventDefault();
      const index = Number((node.dataset.ev || "").split(" ")[0]);
      show(index);
      if (node.classList.contains("evbtn")) {
        const trigger = document.querySelector(`a.ev[data-ev~="${index}"]`);
        if (trigger) trigger.scrollIntoView({ block: "center", behavior: "smooth" });
      }
    });
  });
  const hash = /^#ev-(\d+)$/.exec(location.hash);
  if (hash) show(Number(hash[1]));
}

// --- network edges and map points: list their events in the side panel ---------------------
function eventRows(events) {
  const list = el("ol", { class: "plain" });
  for (const e of events) {
    const li = el("li");
    const a = el("a", { href: "/events/" + e.id }, `${e.event_code} ${e.label || ""}`);
    li.appendChild(a);
    li.appendChild(el("div", { class: "meta" },
      `${e.event_date || "undated"} · ${e.source_name || e.source_code || "?"} → ` +
      `${e.target_name || e.target_code || "—"} · ${e.place_name || ""} · Goldstein ${e.goldstein}`));
    list.appendChild(li);
  }
  return list;
}

function initPanel(selector, apiFor) {
  const panel = document.getElementById("panel");
  if (!panel) return;
  document.querySelectorAll(selector).forEach((link) => {
    link.addEventListener("click", async (ev) => {
      ev.preventDefault();
      document.querySelectorAll(selector + ".active").forEach((n) => n.classList.remove("active"));
      link.classList.add("active");
      const label = link.getAttribute("aria-label") || "";
      panel.replaceChildren(el("p", { class: "meta" }, "Loading…"));
      try {
        const response = await fetch(apiFor(link));
        const body = await response.json();
        if (!response.ok) throw new Error(body.error || response.statusText);
        panel.replaceChildren(el("p", {}, label), eventRows(body.events));
        const more = el("a", { href: link.getAttribute("href") }, "open as a page");
        panel.appendChild(more);
      } catch (err) {
        panel.replaceChildren(el("p", { class: "error" }, String(err.message || err)));
      }
    });
  });
}

function apiUrl(link) {
  const href = link.getAttribute("href");
  return "/api" + href;
}

// --- range inputs: show the value while dragging (the <output> holds the server's value) ---
function initRanges() {
  document.querySelectorAll('input[type="range"][aria-describedby]').forEach((input) => {
    const output = document.getElementById(input.getAttribute("aria-describedby"));
    if (output) input.addEventListener("input", () => { output.textContent = input.value; });
  });
}

document.addEventListener("DOMContentLoaded", () => {
  initAnnotated();
  initRanges();
  initPanel("svg.network a.edge", apiUrl);
  initPanel("svg.map a.point", apiUrl);
});
