/* One language switch for the whole admin form (archive/translated_admin.py says why). */
/* Loaded in the page's head, like all admin media: it waits for the form. */
document.addEventListener("DOMContentLoaded", function () {
    "use strict";
    const STORAGE_KEY = "archive.admin.language";
    const switcher = document.querySelector(".language-switch");
    if (!switcher) {
        return;
    }
    const buttons = Array.from(switcher.querySelectorAll("button[data-language]"));
    const languages = buttons.map((button) => button.dataset.language);
    let current = null;

    function inputs(language) {
        const selector = language ? `[data-translation-language="${language}"]` : "[data-translation-language]";
        return Array.from(document.querySelectorAll(selector));
    }

    function rowOf(input) {
        return input.closest(".fieldBox") || input.closest(".form-row");
    }

    function show(language) {
        current = language;
        inputs().forEach((input) => {
            const row = rowOf(input);
            if (row) {
                row.hidden = input.dataset.translationLanguage !== language;
            }
        });
        buttons.forEach((button) => {
            button.setAttribute("aria-pressed", String(button.dataset.language === language));
        });
        try {
            window.localStorage.setItem(STORAGE_KEY, language);
        } catch (error) {
            // Private browsing may refuse storage: the switch still works for this page.
        }
    }

    function markLanguages() {
        buttons.forEach((button) => {
            // The statement's own fields: not an inline quote's, nor the blank template of a new one.
            const own = inputs(button.dataset.language).filter((input) => !input.name.includes("-"));
            const missing = own.some((input) => input.hasAttribute("data-translation-core") && !input.value.trim());
            const errors = own.some((input) => rowOf(input) && rowOf(input).classList.contains("errors"));
            button.querySelector(".missing-mark").hidden = !missing;
            button.querySelector(".error-mark").hidden = !errors;
            button.classList.toggle("missing", missing);
        });
    }

    function firstLanguage() {
        // A language with errors comes first, so that no error is hidden behind the switch.
        const withErrors = buttons.find((button) => !button.querySelector(".error-mark").hidden);
        if (withErrors) {
            return withErrors.dataset.language;
        }
        let stored = null;
        try {
            stored = window.localStorage.getItem(STORAGE_KEY);
        } catch (error) {
            stored = null;
        }
        if (languages.includes(stored)) {
            return stored;
        }
        const page = (document.documentElement.lang || "").toLowerCase();
        return languages.includes(page) ? page : languages[0];
    }

    buttons.forEach((button) => {
        button.addEventListener("click", () => show(button.dataset.language));
    });
    document.addEventListener("input", (event) => {
        if (event.target.matches && event.target.matches("[data-translation-core]")) {
            markLanguages();
        }
    });
    // A quote added to the inline arrives with every language's fields: show only the current one.
    document.addEventListener("formset:added", () => show(current));

    markLanguages();
    switcher.hidden = false;
    show(firstLanguage());

    // A new statement's slug: its year and the English title's words, until the editor writes one.
    const slug = document.querySelector("#statement_form #id_slug");
    const title = document.querySelector("#statement_form #id_title_en");
    const date = document.querySelector("#statement_form #id_date");
    if (slug && title && date && !slug.value && window.URLify) {
        let written = false;
        slug.addEventListener("input", () => {
            written = slug.value !== "";
        });
        const suggest = () => {
            const year = /^(\d{4})-/.exec(date.value.trim());
            if (!written && year && title.value.trim()) {
                slug.value = `${year[1]}-${window.URLify(title.value, 110)}`;
            }
        };
        title.addEventListener("input", suggest);
        date.addEventListener("input", suggest);
        date.addEventListener("change", suggest);
    }
});
