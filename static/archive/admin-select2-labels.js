/* Django's autocomplete (select2) draws its own boxes without the field's label: give it back to
   them, for screen readers (axe: label, aria-input-field-name). */
(function () {
    "use strict";

    function labelFor(select) {
        const label = document.querySelector(`label[for="${select.id}"]`);
        if (label && !label.id) {
            label.id = `${select.id}_label`;
        }
        return label;
    }

    function name(container) {
        const select = container.previousElementSibling;
        if (!select || select.tagName !== "SELECT") {
            return;
        }
        const label = labelFor(select);
        if (!label) {
            return;
        }
        const selection = container.querySelector(".select2-selection");
        if (selection) {
            const rendered = selection.querySelector(".select2-selection__rendered");
            const ids = [label.id, rendered && rendered.id].filter(Boolean).join(" ");
            if (selection.getAttribute("aria-labelledby") !== ids) {
                selection.setAttribute("aria-labelledby", ids);
            }
            // A single choice's text box (role="textbox") is named by the label too.
            if (rendered && rendered.getAttribute("role") === "textbox") {
                rendered.setAttribute("aria-labelledby", label.id);
            }
        }
        // The "×" that clears a multiple choice sits inside the list of choices, where only items
        // belong; the keyboard clears with Backspace, so screen readers need not meet it there.
        container.querySelectorAll("ul > .select2-selection__clear").forEach((clear) => {
            if (!clear.hasAttribute("aria-hidden")) {
                clear.setAttribute("aria-hidden", "true");
            }
        });
        container.querySelectorAll(".select2-search__field").forEach((field) => {
            const text = label.textContent.replace(/:\s*$/, "").trim();
            if (field.getAttribute("aria-label") !== text) {
                field.setAttribute("aria-label", text);
            }
        });
    }

    function nameAll() {
        document.querySelectorAll("select.admin-autocomplete + .select2-container").forEach(name);
    }

    window.addEventListener("load", () => {
        nameAll();
        // select2 redraws its boxes when the choice changes: name them again each time.
        new MutationObserver(nameAll).observe(document.body, { childList: true, subtree: true });
    });
}());
