"""What the documents say: the score sheet, the minutes, the proposal and the province summary.

Built once from the scored model as typed frozen records (thidua.documents.records), with
every sentence phrased here; the renderers (Markdown, xlsx, docx) only lay them out.
"""
