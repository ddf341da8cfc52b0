"""Excel: the staff template writer, the workbook reader and the analysis workbook writer."""
