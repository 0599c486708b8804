#pragma once
// The pages of the monthly report: the title page with its contents, then one section per area
// with its headline figures, its key charts and the tables a reader acts on.

#include <vector>

#include "report/pdf_document.h"
#include "report/report_figures.h"

namespace raekoda::report {

// Fills `document`. `area_pages` holds the page each area starts on, as a first pass found
// them (empty in that pass); the pages this pass found are returned.
std::vector<int> compose_report(PdfDocument& document, const ReportFigures& figures,
                                const std::vector<int>& area_pages);

}  // namespace raekoda::report
