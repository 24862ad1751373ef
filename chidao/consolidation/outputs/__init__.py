"""Documents made from consolidated figures: the provincial report (docx_report, pdf), its statistics tables
(xlsx_tables) and the chase letter to late agencies (chase_letter), all from the plain data in content.

Pure Python, no Django import. Nothing is imported here, so that ``python -m …outputs.make_templates`` runs
cleanly.
"""
