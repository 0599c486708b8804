#pragma once
// The rules of one incident record: resolved means a resolution time, a security category means a
// security incident, and where it stands against its resolution target.

#include <optional>
#include <string_view>
#include <vector>

#include "core/record_spec.h"

namespace raekoda {

void check_incident(const Record& original, const Record& edited, const ValidationContext& context,
                    std::vector<FieldError>& errors);

// Resolving sets the resolution time to now and reopening clears it; a resolution time typed in
// resolves; the security category marks a security incident.
void derive_incident(Record& edited, std::string_view column, const ValidationContext& context);

// When the incident is due by its severity's target, counted in working time.
std::optional<DateTime> incident_due(const Record& incident, const ValidationContext& context);

// "Due 24.11.2026 16:30", "Over target by 5 h", "Resolved within target"; security incidents say
// so first.
RecordStatus incident_status_of(const Record& incident, const ValidationContext& context);

}  // namespace raekoda
