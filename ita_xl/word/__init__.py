"""Word: docx helpers and the formal Thai report writer."""
