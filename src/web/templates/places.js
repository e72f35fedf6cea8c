// The place picker of the editor form: suggestions while typing, read from
// /api/v1/places; choosing one ticks it in the list of places. Without this script the
// form's "Chercher" button does the same through the server.
"use strict";
(function () {
  for (const picker of document.querySelectorAll("[data-place-picker]")) {
    const input = picker.querySelector("[data-place-search]");
    const list = picker.querySelector("[data-place-list]");
    // Said to screen readers: how many suggestions, which place was added.
    const status = document.createElement("p");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    picker.append(status);
    const levels = JSON.parse(picker.dataset.levels);
    const box = document.createElement("ul");
    box.className = "place-suggestions";
    box.id = input.id + "-propositions";
    box.setAttribute("role", "listbox");
    box.hidden = true;
    input.after(box);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", box.id);
    input.setAttribute("aria-expanded", "false");
    let found = [];
    let active = -1;
    let timer = null;
    let asked = 0;

    const label = (place) => place.display_name + " — " + (levels[place.level] || place.level);
    const close = () => {
      box.hidden = true;
      box.replaceChildren();
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };
    const show = () => {
      box.replaceChildren(...found.map((place, i) => {
        const option = document.createElement("li");
        option.id = box.id + "-" + i;
        option.setAttribute("role", "option");
        option.setAttribute("aria-selected", i === active ? "true" : "false");
        option.textContent = label(place);
        option.addEventListener("mousedown", (event) => { event.preventDefault(); choose(place); });
        return option;
      }));
      box.hidden = found.length === 0;
      input.setAttribute("aria-expanded", found.length ? "true" : "false");
      if (active >= 0) input.setAttribute("aria-activedescendant", box.id + "-" + active);
      status.textContent = found.length + " " + picker.dataset.found;
    };
    const choose = (place) => {
      let tick = Array.from(list.querySelectorAll("input")).find((i) => i.value === place.code);
      if (!tick) {
        const row = document.createElement("label");
        tick = document.createElement("input");
        tick.type = "checkbox";
        tick.name = list.dataset.name;
        tick.value = place.code;
        const code = document.createElement("code");
        code.textContent = place.code;
        row.append(tick, " " + label(place) + " ", code);
        list.append(row);
      }
      tick.checked = true;
      input.value = "";
      close();
      status.textContent = label(place) + " " + picker.dataset.added;
    };

    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(async () => {
        const typed = input.value.trim();
        if (typed.length < 2) { found = []; close(); return; }
        const ask = ++asked;
        const response = await fetch("/api/v1/places?limit=8&q=" + encodeURIComponent(typed));
        if (!response.ok || ask !== asked) return;
        found = (await response.json()).places;
        active = -1;
        show();
      }, 120);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown" || event.key === "ArrowUp") {
        if (!found.length) return;
        event.preventDefault();
        const step = event.key === "ArrowDown" ? 1 : -1;
        active = (active + step + found.length) % found.length;
        show();
      } else if (event.key === "Enter") {
        // Enter never sends the form from the search box: it picks a suggestion.
        event.preventDefault();
        if (found.length) choose(found[Math.max(active, 0)]);
      } else if (event.key === "Escape") {
        close();
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
  }
})();
