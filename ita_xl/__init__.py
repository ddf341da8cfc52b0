"""ita-xl: Thai ITA integrity-assessment workbooks in, analysis workbook and formal Thai report out."""

__version__ = "0.1.0"
