#pragma once
// The rules of a communication plan activity: done means a done date; a window ends after it
// starts; and where the activity stands today.

#include <string_view>
#include <vector>

#include "core/record_spec.h"

namespace raekoda {

void check_activity(const Record& original, const Record& edited, const ValidationContext& context,
                    std::vector<FieldError>& errors);
// Marking an activity done dates it today; any other status clears the done date.
void derive_activity(Record& edited, std::string_view column, const ValidationContext& context);
// "Late by 5 days", "Done on time", "In 3 days".
RecordStatus activity_status_of(const Record& activity, const ValidationContext& context);

}  // namespace raekoda
