"""The archive's editorial rules, checked and applied to its words: the trilingual glossary
(docs/glossary.json) and typography (French spacing and apostrophes, Chinese punctuation, dates in
words). `texts` walks every reader-facing string of the content files and of the interface
catalogues; `glossary` and `typography` say what is wrong with one and how to fix it."""
