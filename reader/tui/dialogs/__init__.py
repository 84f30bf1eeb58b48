"""Dialogs: each a ModalScreen that returns its answer with dismiss(value) (None: cancelled)."""
