"""The change history editors read: one version per save (`versions`), and what changed between
any two versions, language by language (`differences`)."""
