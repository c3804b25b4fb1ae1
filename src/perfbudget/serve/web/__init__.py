"""The web application: Chinese pages over the stored documents (browse, search, compare, import, review)."""
